using ActivationCourse.Data;

namespace ActivationCourse.Cli.Tests;

/// <summary><c>course data info</c> and <c>course data fetch</c> on a damaged copy of the real MNIST cache.</summary>
public class DataCommandTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    [Fact]
    public void ACorruptedLabelsFileWithItsOriginalSizeAndTimestampIsNamedAndFetchedAgain()
    {
        string good = Mnist.EnsureDownloaded(); // the shared cache (CI fetches it first)
        using var folder = new EmptyDataFolder();
        string cache = Path.Combine(folder.Path, "mnist");
        Directory.CreateDirectory(cache);
        foreach (string name in MnistFiles.All)
        {
            File.Copy(Path.Combine(good, name), Path.Combine(cache, name));
        }

        // Flip a few labels in place: the size and the modification time stay those of the verified file.
        string labels = Path.Combine(cache, MnistFiles.TrainLabels);
        DateTime written = File.GetLastWriteTimeUtc(labels);
        long size = new FileInfo(labels).Length;
        using (var stream = new FileStream(labels, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = 1000;
            stream.Write([9, 9, 9, 9]);
        }

        File.SetLastWriteTimeUtc(labels, written);
        Assert.Equal(size, new FileInfo(labels).Length);

        var info = CourseProcess.Run(Deadline, null, "data", "info", "--dir", cache);
        Assert.True(info.ExitCode == 1, info.ToString());
        Assert.Contains("Incomplete or invalid", info.Output);
        Assert.Contains("corrupted", info.Output);

        var fetch = CourseProcess.Run(Deadline, null, "data", "fetch", "--dir", cache, "--from", good);
        Assert.True(fetch.ExitCode == 0, fetch.ToString());
        Assert.Contains($"Replaced {MnistFiles.TrainLabels}", fetch.Output);
        Assert.Contains("corrupted: the size is right but the content differs", fetch.Output);
        Assert.DoesNotContain($"Replaced {MnistFiles.TrainImages}", fetch.Output);
        Assert.Equal(File.ReadAllBytes(Path.Combine(good, MnistFiles.TrainLabels)), File.ReadAllBytes(labels));

        var after = CourseProcess.Run(Deadline, null, "data", "info", "--dir", cache);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains("Present and valid", after.Output);
    }

    [ReadOnlyFolderFact]
    public void FetchIntoAReadOnlyFolderFailsBeforeDownloadingAndNamesTheFolder()
    {
        using var folder = new EmptyDataFolder();
        string cache = Path.Combine(folder.Path, "mnist");
        Directory.CreateDirectory(cache);
        using var readOnly = new ReadOnlyFolder(cache);
        Assert.Null(readOnly.Reason);

        var fetch = CourseProcess.Run(Deadline, null, "data", "fetch", "--dir", cache, "--from", folder.Path);

        Assert.True(fetch.ExitCode == 1, fetch.ToString());
        Assert.StartsWith($"error: MNIST fetch failed: The MNIST cache folder {cache} cannot be written", fetch.Error);
        Assert.Empty(Directory.GetFileSystemEntries(cache));
    }

    [Theory]
    [InlineData("file:///tmp/mnist/")]
    [InlineData("ftp://example.org/mnist/")]
    [InlineData("not a url")]
    public void AMirrorTheDownloaderCannotFetchIsRefusedInOneLineBeforeAnythingIsFetched(string mirror)
    {
        using var folder = new EmptyDataFolder();
        string cache = Path.Combine(folder.Path, "mnist");

        var fetch = CourseProcess.Run(Deadline, null, "data", "fetch", "--dir", cache, "--mirror", "default", "--mirror", mirror);

        Assert.True(fetch.ExitCode == 2, fetch.ToString());
        Assert.Equal($"error: --mirror must be an http:// or https:// base URL, or 'default' (got '{mirror}'); for a folder of files use --from DIR.", fetch.Error.Trim());
        Assert.DoesNotContain("Checking the MNIST cache", fetch.Output);
        Assert.False(Directory.Exists(cache), "the cache folder was created before the mirror was checked");
    }
}
