using ActivationCourse.Notebooks.IO;

namespace ActivationCourse.Notebooks.Tests;

/// <summary><c>course notebooks run</c> and <c>course run</c> as a careless user runs them.</summary>
public class CourseCommandTests
{
    [Theory]
    [InlineData("NaN")]
    [InlineData("1e12")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("Infinity")]
    [InlineData("ten")]
    public void A_bad_timeout_is_one_line_and_exit_code_2_before_anything_runs(string timeout)
    {
        using var temp = TestFiles.Temp();
        var notebook = Path.Combine(TestFiles.Folder, "basics.dib");

        var (exit, output, error) = CourseCommand.Run(TestFiles.RepositoryRoot, TimeSpan.FromMinutes(2), "notebooks", "run", notebook, "--timeout", timeout, "--out", temp.Path);

        Assert.Equal(2, exit);
        Assert.Equal($"error: --timeout must be a number of seconds, more than 0 and at most 86400 (got {timeout}).", error.Trim());
        Assert.Equal("", output);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Keep_failed_without_in_place_is_refused()
    {
        var (exit, _, error) = CourseCommand.Run(TestFiles.RepositoryRoot, TimeSpan.FromMinutes(2), "notebooks", "run", Path.Combine(TestFiles.Folder, "basics.dib"), "--keep-failed");

        Assert.Equal(2, exit);
        Assert.Equal("error: --keep-failed only applies with --in-place.", error.Trim());
    }

    [Fact]
    public void Course_run_names_a_malformed_lesson_runs_the_others_builds_their_site_and_exits_1()
    {
        using var temp = TestFiles.Temp();
        File.WriteAllText(Path.Combine(temp.Path, RepositoryRoot.MarkerFile), "");
        var notebooks = Directory.CreateDirectory(Path.Combine(temp.Path, "solutions")).FullName;   // course run executes the lesson sources
        NotebookWriter.Save(NotebookReader.ParseDib("#!markdown\n# First\n\n#!csharp\nConsole.WriteLine(\"first ran\");\n"), Path.Combine(notebooks, "01-first.ipynb"));
        var broken = Path.Combine(notebooks, "02-broken.ipynb");
        File.WriteAllText(broken, "{\n<<<<<<< HEAD\n \"cells\": [],\n=======\n>>>>>>> theirs\n}\n");
        NotebookWriter.Save(NotebookReader.ParseDib("#!markdown\n# Third\n\n#!csharp\nConsole.WriteLine(\"third ran\");\n"), Path.Combine(notebooks, "03-third.ipynb"));
        // The site bundles KaTeX from the npm tarball the repository has cached (no network in the test).
        var cache = Directory.CreateDirectory(Path.Combine(temp.Path, "artifacts", "cache")).FullName;
        var tarball = Path.Combine(TestFiles.RepositoryRoot, "artifacts", "cache", $"katex-{Site.KatexAssets.Version}.tgz");
        if (!File.Exists(tarball))
            Site.KatexAssets.EnsurePackage(Path.GetDirectoryName(tarball)!);
        File.Copy(tarball, Path.Combine(cache, Path.GetFileName(tarball)));
        var brokenBytes = File.ReadAllBytes(broken);

        var (exit, output, error) = CourseCommand.Run(temp.Path, TimeSpan.FromMinutes(5), "run");

        Assert.True(exit == 1, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("FAILED solutions/02-broken.ipynb: unresolved merge-conflict marker at line 2", output);
        Assert.Single(output.Split('\n'), l => l.Contains("02-broken", StringComparison.Ordinal) && l.StartsWith("FAILED", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", output + error); // no stack trace
        var site = Path.Combine(temp.Path, "artifacts", "site");
        Assert.Contains("stdout\">first ran\n</pre>", File.ReadAllText(Path.Combine(site, "01-first.html")));
        Assert.Contains("stdout\">third ran\n</pre>", File.ReadAllText(Path.Combine(site, "03-third.html")));
        Assert.False(File.Exists(Path.Combine(site, "02-broken.html")));
        Assert.Equal(brokenBytes, File.ReadAllBytes(broken));
        Assert.Contains("1 of 3 notebooks failed", output);
    }
}
