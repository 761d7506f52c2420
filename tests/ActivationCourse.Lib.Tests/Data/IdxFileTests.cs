using ActivationCourse.Data;

namespace ActivationCourse.Lib.Tests.Data;

public class IdxFileTests
{
    [Fact]
    public void WriteThenReadRoundTripsDimensionsAndData()
    {
        using var temp = new TempFolder();
        string path = temp.File("images-idx3-ubyte");
        byte[] data = SyntheticMnist.Pixels(2, seed: 7);

        IdxFile.Write(path, [2, SyntheticMnist.Height, SyntheticMnist.Width], data);
        IdxArray read = IdxFile.Read(path);

        Assert.Equal([2, SyntheticMnist.Height, SyntheticMnist.Width], read.Dimensions);
        Assert.Equal(data, read.Data);
        Assert.Equal(2, read.Count);
    }

    [Fact]
    public void HeaderIsBigEndianWithUbyteMagic()
    {
        byte[] bytes = SyntheticMnist.IdxBytes([3, 2, 1], new byte[6]);

        Assert.Equal(new byte[] { 0, 0, 0x08, 0x03, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 1 }, bytes[..16]);
        Assert.Equal(16 + 6, bytes.Length);
    }

    [Fact]
    public void LabelsHaveMagic0x801()
    {
        byte[] bytes = SyntheticMnist.IdxBytes([4], [1, 2, 3, 4]);

        Assert.Equal(new byte[] { 0, 0, 0x08, 0x01, 0, 0, 0, 4, 1, 2, 3, 4 }, bytes);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0x0D, 0x01 })]  // float type code
    [InlineData(new byte[] { 1, 0, 0x08, 0x01 })]  // nonzero first byte
    [InlineData(new byte[] { 0, 0, 0x08, 0x00 })]  // zero dimensions
    [InlineData(new byte[] { 0x1f, 0x8b, 0x08, 0x00 })]  // gzip
    public void WrongMagicNumberIsRejectedNamingTheFile(byte[] magic)
    {
        using var temp = new TempFolder();
        string path = temp.File("bad-labels-idx1-ubyte");
        File.WriteAllBytes(path, [.. magic, 0, 0, 0, 1, 7]);

        var error = Assert.Throws<MnistDataException>(() => IdxFile.Read(path));

        Assert.Contains("bad-labels-idx1-ubyte", error.Message);
        Assert.Contains("magic number", error.Message);
        Assert.Contains("fetch", error.Message);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void TruncatedFileReportsExpectedAndActualSizes()
    {
        using var temp = new TempFolder();
        string path = temp.File("train-images-idx3-ubyte");
        byte[] full = SyntheticMnist.IdxBytes([2, 4, 3], new byte[24]);
        File.WriteAllBytes(path, full[..^5]);

        var error = Assert.Throws<MnistDataException>(() => IdxFile.Read(path));

        Assert.Contains("train-images-idx3-ubyte", error.Message);
        Assert.Contains("truncated", error.Message);
        Assert.Contains("40", error.Message);   // 16-byte header + 24 values announced
        Assert.Contains("35", error.Message);   // bytes present
        Assert.Contains("--force", error.Message);
    }

    [Fact]
    public void FileCutInsideTheHeaderIsTruncated()
    {
        using var temp = new TempFolder();
        string path = temp.File("t10k-images-idx3-ubyte");
        File.WriteAllBytes(path, [0, 0, 8, 3, 0, 0]);

        var error = Assert.Throws<MnistDataException>(() => IdxFile.Read(path));

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void TrailingBytesAreRejected()
    {
        using var temp = new TempFolder();
        string path = temp.File("labels");
        File.WriteAllBytes(path, [.. SyntheticMnist.IdxBytes([2], [1, 2]), 9]);

        var error = Assert.Throws<MnistDataException>(() => IdxFile.Read(path));

        Assert.Contains("longer than its header says", error.Message);
    }

    [Fact]
    public void MissingFileSaysToFetch()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<MnistDataException>(() => IdxFile.Read(temp.File("train-labels-idx1-ubyte")));

        Assert.Contains("train-labels-idx1-ubyte", error.Message);
        Assert.Contains("course data fetch", error.Message);
    }

    [Fact]
    public void HugeDimensionsAreACorruptHeaderNotAnOverflowedLength()
    {
        using var temp = new TempFolder();
        string path = temp.File("train-labels-idx1-ubyte");
        // Eight dimensions of 0x48000000 each: their product overflows even a long.
        byte[] header = [0, 0, 8, 8, .. Enumerable.Repeat<byte[]>([0x48, 0, 0, 0], 8).SelectMany(b => b)];
        File.WriteAllBytes(path, [.. header, 1, 2, 3]);

        var error = Assert.Throws<MnistDataException>(() => IdxFile.Read(path));

        Assert.Contains("train-labels-idx1-ubyte", error.Message);
        Assert.Contains("describe more values than one array holds", error.Message);
        Assert.DoesNotContain("announces", error.Message);
    }

    [Fact]
    public void AnImageFileReadAsLabelsIsAWrongMagicNumber()
    {
        using var temp = new TempFolder();
        string path = temp.File("t10k-labels-idx1-ubyte");
        File.WriteAllBytes(path, SyntheticMnist.IdxBytes([2, 4, 3], new byte[24]));

        var error = Assert.Throws<MnistDataException>(() => IdxFile.Read(path, expectedDimensions: 1));

        Assert.Contains("wrong magic number 0x00000803: expected 0x00000801", error.Message);
        Assert.Equal([2, 4, 3], IdxFile.Read(path, expectedDimensions: 3).Dimensions);
    }

    [Fact]
    public void AnnouncedLengthIsHeaderPlusValues()
    {
        using var temp = new TempFolder();
        string path = temp.File("images");
        File.WriteAllBytes(path, SyntheticMnist.IdxBytes([2, 4, 3], new byte[24])[..20]);

        Assert.Equal(16 + 24, IdxFile.AnnouncedLength(path));
    }

    [Fact]
    public void WriteReplacesAFileOnlyWhenComplete()
    {
        using var temp = new TempFolder();
        string path = temp.File("labels");
        IdxFile.Write(path, [2], [1, 2]);

        Assert.Throws<ArgumentException>(() => IdxFile.Write(path, [3], [1, 2]));

        Assert.Equal([1, 2], IdxFile.Read(path).Data);
        Assert.Equal(["labels"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void WriterRejectsDataThatDoesNotFitTheDimensions() =>
        Assert.Throws<ArgumentException>(() => IdxFile.Write(Path.Combine(Path.GetTempPath(), "never"), [2, 2], new byte[3]));
}
