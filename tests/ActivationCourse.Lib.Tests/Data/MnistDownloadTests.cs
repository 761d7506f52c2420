using ActivationCourse.Data;

namespace ActivationCourse.Lib.Tests.Data;

/// <summary>The HTTP mirror path, against a server on 127.0.0.1 that the test starts and stops.</summary>
public class MnistDownloadTests
{
    private readonly SyntheticMnist _data = new();

    private MnistFetchOptions Options(string cache, params Uri[] mirrors) => new()
    {
        Directory = cache,
        Mirrors = mirrors,
        ExpectedSha256 = _data.Sha256,
        HttpTimeout = TimeSpan.FromSeconds(20),
    };

    private void ServeAll(LoopbackHttpServer server)
    {
        foreach (string name in MnistFiles.All)
        {
            server.Serve(name + ".gz", _data.Gzipped(name));
        }
    }

    [Fact]
    public void DownloadsDecompressesAndVerifiesAllFour()
    {
        using var server = new LoopbackHttpServer();
        using var temp = new TempFolder();
        ServeAll(server);

        MnistFetchResult result = Mnist.Fetch(Options(temp.Path, server.BaseUri));

        Assert.All(result.Files, f => Assert.True(f.Verified));
        Assert.Equal(4, server.Requests);
        Assert.Equal(_data.Raw[MnistFiles.TrainImages], File.ReadAllBytes(temp.File(MnistFiles.TrainImages)));
    }

    [Fact]
    public void NotFoundIsReportedWithTheUrl()
    {
        using var server = new LoopbackHttpServer();
        using var temp = new TempFolder();

        var error = Assert.Throws<MnistDataException>(() => Mnist.Fetch(Options(temp.Path, server.BaseUri)));

        Assert.Contains("404", error.Message);
        Assert.Contains(server.BaseUri + MnistFiles.TrainImages + ".gz", error.Message);
        Assert.Contains("--mirror", error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void ConnectionCutMidBodyIsAnInterruptedDownloadAndLeavesNoFile()
    {
        using var server = new LoopbackHttpServer();
        using var temp = new TempFolder();
        ServeAll(server);
        byte[] gz = _data.Gzipped(MnistFiles.TrainImages);
        server.Serve(MnistFiles.TrainImages + ".gz", gz, cutAfter: gz.Length / 2);

        var error = Assert.Throws<MnistDataException>(() => Mnist.Fetch(Options(temp.Path, server.BaseUri)));

        Assert.Contains(MnistFiles.TrainImages, error.Message);
        Assert.Contains("interrupted", error.Message);
        Assert.Contains("Run the fetch again", error.Message);
        Assert.False(File.Exists(temp.File(MnistFiles.TrainImages)));
        Assert.DoesNotContain(Directory.GetFiles(temp.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void CorruptedDownloadIsAChecksumMismatch()
    {
        using var server = new LoopbackHttpServer();
        using var temp = new TempFolder();
        ServeAll(server);
        byte[] wrong = (byte[])_data.Raw[MnistFiles.TestLabels].Clone();
        wrong[^1] ^= 0x0F;
        server.Serve(MnistFiles.TestLabels + ".gz", SyntheticMnist.Gzip(wrong));

        var error = Assert.Throws<MnistDataException>(() => Mnist.Fetch(Options(temp.Path, server.BaseUri)));

        Assert.Contains(MnistFiles.TestLabels, error.Message);
        Assert.Contains("checksum mismatch", error.Message);
        Assert.False(File.Exists(temp.File(MnistFiles.TestLabels)));
    }

    [Fact]
    public void FailingMirrorFallsBackToTheNextOne()
    {
        using var broken = new LoopbackHttpServer();
        using var good = new LoopbackHttpServer();
        using var temp = new TempFolder();
        ServeAll(good);

        MnistFetchResult result = Mnist.Fetch(Options(temp.Path, broken.BaseUri, good.BaseUri));

        Assert.All(result.Files, f => Assert.True(f.Verified));
        Assert.Equal(4, broken.Requests);
    }
}
