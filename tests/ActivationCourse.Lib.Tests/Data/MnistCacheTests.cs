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
    public void InspectFindsMissingCorruptAndValidFilesAndTheMarkerSkipsRehashing()
    {
        using var temp = new TempFolder();
        _data.WriteRaw(temp.Path);
        File.Delete(temp.File(MnistFiles.TestLabels));
        File.WriteAllBytes(temp.File(MnistFiles.TestImages), [1, 2, 3]);

        IReadOnlyList<MnistFileStatus> statuses = MnistCache.Inspect(temp.Path, _data.Sha256);

        Assert.Equal(MnistFiles.All, statuses.Select(s => s.Name));
        Assert.True(statuses[0].Verified);
        Assert.True(statuses[1].Verified);
        Assert.Contains("SHA-256 mismatch", statuses[2].Problem);
        Assert.False(statuses[3].Exists);
        Assert.True(File.Exists(temp.File(MnistCache.MarkerFileName)));

        // Same size, new content and time: the marker no longer matches, so the file is hashed again.
        byte[] tampered = (byte[])_data.Raw[MnistFiles.TrainLabels].Clone();
        tampered[^1] ^= 1;
        File.WriteAllBytes(temp.File(MnistFiles.TrainLabels), tampered);
        File.SetLastWriteTimeUtc(temp.File(MnistFiles.TrainLabels), DateTime.UtcNow.AddMinutes(1));
        Assert.False(MnistCache.Inspect(temp.Path, _data.Sha256)[1].Verified);
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
