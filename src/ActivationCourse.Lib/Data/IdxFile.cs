using System.Buffers.Binary;
using ActivationCourse.IO;

namespace ActivationCourse.Data;

/// <summary>
/// Reads and writes IDX files, the format MNIST ships in.
/// </summary>
/// <remarks>
/// Layout: a 4-byte magic number <c>00 00 TT DD</c> where <c>TT</c> is the element type
/// (<c>0x08</c> = unsigned byte, the only type supported here) and <c>DD</c> the number of
/// dimensions; then <c>DD</c> big-endian 32-bit dimension sizes; then the values, row-major.
/// MNIST images have magic <c>0x00000803</c> (three dimensions: count, rows, columns) and labels
/// <c>0x00000801</c> (one dimension: count).
/// </remarks>
public static class IdxFile
{
    /// <summary>The type code of unsigned-byte elements.</summary>
    public const byte UnsignedByteType = 0x08;

    private const int MaxDimensions = 8;

    /// <summary>Reads an unsigned-byte IDX file, validating its magic number, dimensions and exact length.</summary>
    /// <param name="path">The file.</param>
    /// <param name="expectedDimensions">The number of dimensions the caller needs (3 for images, 1 for labels), or null for any.</param>
    /// <exception cref="MnistDataException">The file is missing, has a wrong magic number, or is truncated or too long.</exception>
    public static IdxArray Read(string path, int? expectedDimensions = null)
    {
        string name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new MnistDataException($"{name}: file not found at {path}. Fetch the data first (`course data fetch`).", path);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
        long actualLength = stream.Length;
        Header header = ReadHeader(stream, actualLength);
        if (header.Problem is null && expectedDimensions is int wanted && header.Dimensions.Length != wanted)
        {
            header = header with { Problem = $"wrong magic number 0x{header.Magic:X8}: expected 0x{0x800 | wanted:X8} ({(wanted == 1 ? "a label file, one dimension" : $"{wanted} dimensions")}), found {header.Dimensions.Length} dimension(s)" };
        }

        if (header.Problem is null && actualLength != header.AnnouncedLength)
        {
            string what = actualLength < header.AnnouncedLength ? "truncated" : "longer than its header says";
            header = header with { Problem = $"the file is {what}: the header announces {header.AnnouncedLength:N0} bytes but the file has {actualLength:N0}" };
        }

        if (header.Problem is not null)
        {
            throw new MnistDataException($"{name}: {header.Problem}. {Remedy}", path);
        }

        var data = new byte[header.AnnouncedLength - HeaderLength(header.Dimensions.Length)];
        stream.ReadExactly(data);
        return new IdxArray(header.Dimensions, data);
    }

    /// <summary>The total length in bytes (header and values) that the header of <paramref name="path"/> announces.</summary>
    /// <exception cref="MnistDataException">The header is invalid: wrong magic number, cut short, or dimensions that no file could hold.</exception>
    public static long AnnouncedLength(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1);
        Header header = ReadHeader(stream, stream.Length);
        return header.Problem is null ? header.AnnouncedLength
            : throw new MnistDataException($"{Path.GetFileName(path)}: {header.Problem}. {Remedy}", path);
    }

    /// <summary>Writes an unsigned-byte IDX file.</summary>
    /// <param name="path">Where to write; an existing file is replaced only once the new one is complete.</param>
    /// <param name="dimensions">Dimension sizes, outermost first.</param>
    /// <param name="data">The values, row-major; the length must be the product of the dimension sizes.</param>
    public static void Write(string path, ReadOnlySpan<int> dimensions, ReadOnlySpan<byte> data)
    {
        if (dimensions.Length is 0 or > MaxDimensions)
        {
            throw new ArgumentException($"An IDX file has 1 to {MaxDimensions} dimensions, not {dimensions.Length}.", nameof(dimensions));
        }

        long elements = 1;
        foreach (int size in dimensions)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(size, nameof(dimensions));
            elements *= size;
        }

        if (elements != data.Length)
        {
            throw new ArgumentException($"The dimensions hold {elements} values but {data.Length} were given.", nameof(data));
        }

        int headerLength = HeaderLength(dimensions.Length);
        byte[] file = new byte[headerLength + data.Length];
        Span<byte> header = file.AsSpan(0, headerLength);
        header[0] = 0;
        header[1] = 0;
        header[2] = UnsignedByteType;
        header[3] = (byte)dimensions.Length;
        for (int d = 0; d < dimensions.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.Slice(4 + (4 * d), 4), dimensions[d]);
        }

        // Through a temporary file in the same folder, renamed at the end: the path never holds half a file.
        data.CopyTo(file.AsSpan(headerLength));
        AtomicFile.WriteAllBytes(path, file);
    }

    /// <summary>What is wrong with the header of <paramref name="path"/> (without the file name), or null if it is valid.</summary>
    internal static string? HeaderProblem(string path, out long announcedLength)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1);
        Header header = ReadHeader(stream, stream.Length);
        announcedLength = header.AnnouncedLength;
        return header.Problem;
    }

    /// <summary>Reads and validates only the header of an IDX file and returns its dimension sizes.</summary>
    /// <exception cref="MnistDataException">The magic number or dimensions are invalid.</exception>
    public static int[] ReadDimensions(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1);
        Header header = ReadHeader(stream, stream.Length);
        return header.Problem is null ? header.Dimensions
            : throw new MnistDataException($"{Path.GetFileName(path)}: {header.Problem}. {Remedy}", path);
    }

    private const string Remedy = "Is this an uncompressed IDX file? Delete it and fetch it again (`course data fetch --force`).";

    private static int HeaderLength(int dimensionCount) => 4 + (4 * dimensionCount);

    /// <summary>A parsed header, or the reason it is invalid (<see cref="Problem"/>, without the file name).</summary>
    private sealed record Header(uint Magic, int[] Dimensions, long AnnouncedLength, string? Problem);

    private static Header ReadHeader(Stream stream, long actualLength)
    {
        if (actualLength < 4)
        {
            return new Header(0, [], 0, $"the file is truncated: {actualLength} bytes, shorter than the 4-byte IDX magic number");
        }

        Span<byte> magic = stackalloc byte[4];
        stream.ReadExactly(magic);
        uint magicNumber = BinaryPrimitives.ReadUInt32BigEndian(magic);
        int dimensionCount = magic[3];
        if (magic[0] != 0 || magic[1] != 0 || magic[2] != UnsignedByteType || dimensionCount is 0 or > MaxDimensions)
        {
            string hint = magic[0] == 0x1f && magic[1] == 0x8b ? " (it looks gzip-compressed; decompress it first)" : "";
            return new Header(magicNumber, [], 0,
                $"wrong magic number 0x{magicNumber:X8}: an unsigned-byte IDX file starts with 0x000008DD, DD = 1 to {MaxDimensions} dimensions "
                + $"(0x00000803 for images, 0x00000801 for labels){hint}");
        }

        if (actualLength < HeaderLength(dimensionCount))
        {
            return new Header(magicNumber, [], 0, $"the file is truncated: {actualLength} bytes, shorter than its {HeaderLength(dimensionCount)}-byte header");
        }

        var dimensions = new int[dimensionCount];
        Span<byte> size = stackalloc byte[4];
        long values = 1;
        bool tooBig = false;
        for (int d = 0; d < dimensionCount; d++)
        {
            stream.ReadExactly(size);
            int value = BinaryPrimitives.ReadInt32BigEndian(size);
            if (value < 0)
            {
                return new Header(magicNumber, [], 0, $"dimension {d} has a negative size ({value})");
            }

            dimensions[d] = value;
            // Stop multiplying once the count passes what one array holds: the product of 8 sizes would overflow a long.
            tooBig |= value != 0 && values > Array.MaxLength / value;
            values = tooBig ? values : values * value;
        }

        if (dimensions.Contains(0))
        {
            values = 0;
        }
        else if (tooBig)
        {
            return new Header(magicNumber, dimensions, 0,
                $"the header's dimensions {string.Join(" × ", dimensions.Select(v => v.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} "
                + $"describe more values than one array holds ({Array.MaxLength:N0}); the header is corrupt");
        }

        return new Header(magicNumber, dimensions, HeaderLength(dimensionCount) + values, null);
    }
}
