using System.Buffers.Binary;

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
    /// <exception cref="MnistDataException">The file is missing, has a wrong magic number, or is truncated or too long.</exception>
    public static IdxArray Read(string path)
    {
        string name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new MnistDataException($"{name}: file not found at {path}. Fetch the data first (`course data fetch`).", path);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
        long actualLength = stream.Length;
        int[] dimensions = ReadHeader(stream, path, actualLength);
        long expectedLength = ExpectedLength(dimensions);
        if (actualLength != expectedLength)
        {
            string what = actualLength < expectedLength ? "truncated" : "longer than its header says";
            throw new MnistDataException(
                $"{name}: the file is {what}: the header announces {expectedLength:N0} bytes but the file has {actualLength:N0}. "
                + "Delete it and fetch it again (`course data fetch --force`).",
                path);
        }

        var data = new byte[expectedLength - HeaderLength(dimensions.Length)];
        stream.ReadExactly(data);
        return new IdxArray(dimensions, data);
    }

    /// <summary>Writes an unsigned-byte IDX file.</summary>
    /// <param name="path">Where to write; an existing file is replaced.</param>
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

        Span<byte> header = stackalloc byte[HeaderLength(dimensions.Length)];
        header[0] = 0;
        header[1] = 0;
        header[2] = UnsignedByteType;
        header[3] = (byte)dimensions.Length;
        for (int d = 0; d < dimensions.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.Slice(4 + (4 * d), 4), dimensions[d]);
        }

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        stream.Write(header);
        stream.Write(data);
    }

    /// <summary>Reads and validates only the header of an IDX file and returns its dimension sizes.</summary>
    /// <exception cref="MnistDataException">The magic number or dimensions are invalid.</exception>
    public static int[] ReadDimensions(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1);
        return ReadHeader(stream, path, stream.Length);
    }

    private static int HeaderLength(int dimensionCount) => 4 + (4 * dimensionCount);

    private static long ExpectedLength(int[] dimensions)
    {
        long length = HeaderLength(dimensions.Length);
        long elements = 1;
        foreach (int size in dimensions)
        {
            elements *= size;
        }

        return length + elements;
    }

    private static int[] ReadHeader(Stream stream, string path, long actualLength)
    {
        string name = Path.GetFileName(path);
        const string remedy = "Is this an IDX file (uncompressed)? Delete it and fetch it again (`course data fetch --force`).";
        if (actualLength < 4)
        {
            throw new MnistDataException($"{name}: the file is truncated: {actualLength} bytes, shorter than the 4-byte IDX magic number. {remedy}", path);
        }

        Span<byte> magic = stackalloc byte[4];
        stream.ReadExactly(magic);
        uint magicNumber = BinaryPrimitives.ReadUInt32BigEndian(magic);
        int dimensionCount = magic[3];
        if (magic[0] != 0 || magic[1] != 0 || magic[2] != UnsignedByteType || dimensionCount is 0 or > MaxDimensions)
        {
            string hint = magic[0] == 0x1f && magic[1] == 0x8b ? " It looks gzip-compressed; decompress it first." : "";
            throw new MnistDataException(
                $"{name}: wrong magic number 0x{magicNumber:X8}; an unsigned-byte IDX file starts with 0x000008DD "
                + $"(0x00000803 for images, 0x00000801 for labels).{hint} {remedy}",
                path);
        }

        if (actualLength < HeaderLength(dimensionCount))
        {
            throw new MnistDataException(
                $"{name}: the file is truncated: {actualLength} bytes, shorter than its {HeaderLength(dimensionCount)}-byte header. {remedy}", path);
        }

        var dimensions = new int[dimensionCount];
        Span<byte> size = stackalloc byte[4];
        for (int d = 0; d < dimensionCount; d++)
        {
            stream.ReadExactly(size);
            int value = BinaryPrimitives.ReadInt32BigEndian(size);
            if (value < 0)
            {
                throw new MnistDataException($"{name}: dimension {d} has a negative size ({value}). {remedy}", path);
            }

            dimensions[d] = value;
        }

        return dimensions;
    }
}
