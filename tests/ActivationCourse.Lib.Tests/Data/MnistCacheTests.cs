using ActivationCourse.Data;

namespace ActivationCourse.Lib.Tests.Data;

public class MnistCacheTests
{
    private readonly SyntheticMnist _data = new();

    [Fact]
    public void ChecksumMismatchNamesTheFileAndLeavesNothingAtTheFinalPath()
    {
        using var temp = new TempFolder();
        using var content = new MemoryStream(_data.Raw[MnistFiles.TrainLabels]);
        string wrongHash = new('0', 64);

        var error = Assert.Throws<MnistDataException>(() =>
            MnistCache.Install(temp.Path, MnistFiles.TrainLabels, content, wrongHash, "a test"));

        Assert.Contains(MnistFiles.TrainLabels, error.Message);
        Assert.Contains("checksum mismatch", error.Message);
        Assert.Contains(_data.Sha256[MnistFiles.TrainLabels], error.Message);
        Assert.Contains("--force", error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));   // no final file, no leftover temporary file
    }

    [Fact]
    public void FailedVerificationKeepsThePreviousGoodFile()
    {
        using var temp = new TempFolder();
        string name = MnistFiles.TrainLabels;
        string expected = _data.Sha256[name];
        MnistCache.Install(temp.Path, name, new MemoryStream(_data.Raw[name]), expected, "a test");
        byte[] corrupt = (byte[])_data.Raw[name].Clone();
        corrupt[^1] ^= 0xFF;

        Assert.Throws<MnistDataException>(() => MnistCache.Install(temp.Path, name, new MemoryStream(corrupt), expected, "a test"));

        Assert.Equal(_data.Raw[name], File.ReadAllBytes(temp.File(name)));
        Assert.Equal([name], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')));
    }

    [Fact]
    public void StreamThatFailsMidwayLeavesNoFile()
    {
        using var temp = new TempFolder();

        Assert.Throws<IOException>(() =>
            MnistCache.Install(temp.Path, MnistFiles.TestImages, new FailingStream(100), _data.Sha256[MnistFiles.TestImages], "a test"));

        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void InspectFindsMissingTruncatedAndValidFiles()
    {
        using var temp = new TempFolder();
        _data.WriteRaw(temp.Path);
        File.Delete(temp.File(MnistFiles.TestLabels));
        File.WriteAllBytes(temp.File(MnistFiles.TestImages), _data.Raw[MnistFiles.TestImages][..20]);

        IReadOnlyList<MnistFileStatus> statuses = MnistCache.Inspect(temp.Path, _data.Sha256);

        Assert.Equal(MnistFiles.All, statuses.Select(s => s.Name));
        Assert.True(statuses[0].Verified);
        Assert.True(statuses[1].Verified);
        Assert.False(statuses[2].Verified);
        // 3 images of 4 × 3 pixels after a 16-byte header: 52 bytes announced, 20 present.
        Assert.StartsWith("truncated: 20 bytes, its header announces 52", statuses[2].Problem);
        Assert.False(statuses[3].Exists);
        Assert.Equal("missing", statuses[3].Problem);
    }

    [Fact]
    public void CorruptionWithTheOriginalSizeAndTimestampIsFound()
    {
        using var temp = new TempFolder();
        _data.WriteRaw(temp.Path);
        string labels = temp.File(MnistFiles.TrainLabels);
        Assert.True(MnistCache.Inspect(temp.Path, _data.Sha256)[1].Verified);
        DateTime written = File.GetLastWriteTimeUtc(labels);

        byte[] tampered = (byte[])_data.Raw[MnistFiles.TrainLabels].Clone();
        tampered[^1] ^= 1;
        File.WriteAllBytes(labels, tampered);
        File.SetLastWriteTimeUtc(labels, written);

        MnistFileStatus status = MnistCache.Inspect(temp.Path, _data.Sha256)[1];
        Assert.Equal(_data.Raw[MnistFiles.TrainLabels].Length, new FileInfo(labels).Length);
        Assert.False(status.Verified);
        Assert.StartsWith("corrupted: the size is right but the content differs", status.Problem);
        Assert.Contains(_data.Sha256[MnistFiles.TrainLabels][..16], status.Problem);
    }

    [Fact]
    public void ACacheFileThatIsNotIdxIsDescribedByItsMagicNumber()
    {
        using var temp = new TempFolder();
        _data.WriteRaw(temp.Path);
        File.WriteAllBytes(temp.File(MnistFiles.TestLabels), _data.Gzipped(MnistFiles.TestLabels));

        MnistFileStatus status = MnistCache.Inspect(temp.Path, _data.Sha256)[3];

        Assert.StartsWith("not a valid IDX file: wrong magic number 0x1F8B08", status.Problem);
        Assert.Contains("gzip", status.Problem);
    }

    private sealed class FailingStream(int bytesBeforeFailure) : Stream
    {
        private int _left = bytesBeforeFailure;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_left <= 0)
            {
                throw new IOException("connection reset");
            }

            int n = Math.Min(count, _left);
            Array.Clear(buffer, offset, n);
            _left -= n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
