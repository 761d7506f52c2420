using ActivationCourse.Notebooks.IO;

namespace ActivationCourse.Notebooks.Tests;

/// <summary>No surprises from <c>course notebooks run</c>: the site keeps every lesson, and two notebooks never overwrite each other's copy.</summary>
public class RunSideEffectTests
{
    /// <summary>A repository with two lessons in solutions/ and the cached KaTeX tarball (no network).</summary>
    private static TestFiles.TempFolder Repository()
    {
        var temp = TestFiles.Temp();
        File.WriteAllText(Path.Combine(temp.Path, RepositoryRoot.MarkerFile), "");
        var solutions = Directory.CreateDirectory(Path.Combine(temp.Path, "solutions")).FullName;
        NotebookWriter.Save(NotebookReader.ParseDib("#!markdown\n# First\n\n#!csharp\nConsole.WriteLine(\"first ran\");\n"), Path.Combine(solutions, "01-first.ipynb"));
        NotebookWriter.Save(NotebookReader.ParseDib("#!markdown\n# Second\n\n#!csharp\nConsole.WriteLine(\"second ran\");\n"), Path.Combine(solutions, "02-second.ipynb"));
        var cache = Directory.CreateDirectory(Path.Combine(temp.Path, "artifacts", "cache")).FullName;
        var tarball = Path.Combine(TestFiles.RepositoryRoot, "artifacts", "cache", $"katex-{Site.KatexAssets.Version}.tgz");
        if (!File.Exists(tarball))
            Site.KatexAssets.EnsurePackage(Path.GetDirectoryName(tarball)!);
        File.Copy(tarball, Path.Combine(cache, Path.GetFileName(tarball)));
        return temp;
    }

    [Fact]
    public void Running_one_lesson_keeps_every_lesson_in_the_site_index()
    {
        using var repository = Repository();

        var (exit, output, error) = CourseCommand.Run(repository.Path, TimeSpan.FromMinutes(5), "notebooks", "run", "solutions/02-second.ipynb");

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        var site = Path.Combine(repository.Path, "artifacts", "site");
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("01-first.html", index);
        Assert.Contains("02-second.html", index);
        Assert.True(File.Exists(Path.Combine(site, "01-first.html")));
        Assert.Contains("stdout\">second ran\n</pre>", File.ReadAllText(Path.Combine(site, "02-second.html")));
    }

    [Fact]
    public void Notebooks_with_the_same_name_from_two_folders_are_refused_before_anything_runs()
    {
        using var repository = Repository();
        var other = Directory.CreateDirectory(Path.Combine(repository.Path, "other")).FullName;
        File.Copy(Path.Combine(repository.Path, "solutions", "01-first.ipynb"), Path.Combine(other, "01-first.ipynb"));
        var output = Path.Combine(repository.Path, "out");

        var (exit, stdout, error) = CourseCommand.Run(repository.Path, TimeSpan.FromMinutes(5),
            "notebooks", "run", "solutions/01-first.ipynb", "other/01-first.ipynb", "--out", output);

        Assert.True(exit == 2, $"exit {exit}\n{stdout}\n{error}");
        Assert.StartsWith("error: ", error);
        Assert.Contains($"would both be written to {Path.Combine(output, "01-first.ipynb")}", error);
        Assert.False(Directory.Exists(output));
        Assert.False(Directory.Exists(Path.Combine(repository.Path, "artifacts", "site")));
    }

    [Fact]
    public void A_cell_whose_output_was_cut_is_flagged_in_the_summary_and_help_gives_the_limits()
    {
        using var repository = Repository();
        NotebookWriter.Save(NotebookReader.ParseDib("#!csharp\nConsole.WriteLine(\"small\");\n\n#!csharp\nConsole.Write(new string('x', 11 * 1024 * 1024));\n"),
            Path.Combine(repository.Path, "big.ipynb"));

        var (exit, output, error) = CourseCommand.Run(repository.Path, TimeSpan.FromMinutes(5), "notebooks", "run", "big.ipynb", "--out", Path.Combine(repository.Path, "out"));
        var help = CourseCommand.Run(repository.Path, TimeSpan.FromMinutes(1), "notebooks", "run", "--help");

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Matches(@"big\.ipynb\s.*ok, output cut at cell 2\b", output);
        Assert.Contains("[output truncated: this cell wrote more than 10 MB", File.ReadAllText(Path.Combine(repository.Path, "out", "big.ipynb")));
        Assert.Contains("A cell keeps at most 10 MB of output and a notebook 25 MB", System.Text.RegularExpressions.Regex.Replace(help.Output, @"\s+", " "));
    }
}
