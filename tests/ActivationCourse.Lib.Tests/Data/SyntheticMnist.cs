using System.IO.Compression;
using System.Security.Cryptography;
using ActivationCourse.Data;

namespace ActivationCourse.Lib.Tests.Data;

/// <summary>
/// Four tiny IDX files under the real MNIST names (5 training and 3 test images of 4 × 3 pixels),
/// with their hashes, so the fetch and cache paths can be tested without the real data.
/// </summary>
internal sealed class SyntheticMnist
{
    public const int Height = 4;
    public const int Width = 3;
    public static readonly byte[] TrainLabels = [5, 0, 4, 1, 9];
    public static readonly byte[] TestLabels = [7, 2, 1];

    public SyntheticMnist()
    {
        Raw[MnistFiles.TrainImages] = IdxBytes([TrainLabels.Length, Height, Width], Pixels(TrainLabels.Length, seed: 1));
        Raw[MnistFiles.TrainLabels] = IdxBytes([TrainLabels.Length], TrainLabels);
        Raw[MnistFiles.TestImages] = IdxBytes([TestLabels.Length, Height, Width], Pixels(TestLabels.Length, seed: 2));
        Raw[MnistFiles.TestLabels] = IdxBytes([TestLabels.Length], TestLabels);
        Sha256 = Raw.ToDictionary(p => p.Key, p => Convert.ToHexString(SHA256.HashData(p.Value)).ToLowerInvariant());
    }

    /// <summary>The raw file content by name.</summary>
    public Dictionary<string, byte[]> Raw { get; } = [];

    /// <summary>The expected-hash table to inject into <see cref="MnistFetchOptions.ExpectedSha256"/>.</summary>
    public IReadOnlyDictionary<string, string> Sha256 { get; }

    public byte[] Gzipped(string name) => Gzip(Raw[name]);

    /// <summary>Writes <c>&lt;name&gt;.gz</c> for all four files into <paramref name="folder"/>.</summary>
    public void WriteGz(string folder)
    {
        foreach ((string name, byte[] content) in Raw)
        {
            File.WriteAllBytes(Path.Combine(folder, name + ".gz"), Gzip(content));
        }
    }

    /// <summary>Writes the raw files into <paramref name="folder"/>.</summary>
    public void WriteRaw(string folder)
    {
        foreach ((string name, byte[] content) in Raw)
        {
            File.WriteAllBytes(Path.Combine(folder, name), content);
        }
    }

    public static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    public static byte[] Pixels(int count, int seed)
    {
        var pixels = new byte[count * Height * Width];
        new Random(seed).NextBytes(pixels);
        pixels[0] = 0;
        pixels[1] = 255;
        return pixels;
    }

    public static byte[] IdxBytes(int[] dimensions, byte[] data)
    {
        string path = Path.GetTempFileName();
        try
        {
            IdxFile.Write(path, dimensions, data);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
