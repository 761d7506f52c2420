using ActivationCourse.IO;
using ActivationCourse.Notebooks.Execution;
using ActivationCourse.Notebooks.IO;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Tests;

/// <summary>A full disk, a read-only target and a failing run never cost the user a notebook.</summary>
public class WriteFaultTests
{
    private const string Good = "#!csharp\nConsole.WriteLine(\"new output\");\n";

    [Fact]
    public void A_write_that_fails_midway_leaves_the_old_file_and_no_temporary_file()
    {
        using var temp = TestFiles.Temp();
        var path = Path.Combine(temp.Path, "lesson.ipynb");
        File.WriteAllText(path, "the old content");

        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[4096]);
            throw new IOException("No space left on device");
        }));

        Assert.Contains(path, error.Message);
        Assert.Contains("No space left on device", error.Message);
        Assert.Equal("the old content", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void A_read_only_target_is_not_replaced_and_the_error_names_it()
    {
        using var temp = TestFiles.Temp();
        var path = Path.Combine(temp.Path, "lesson.ipynb");
        File.WriteAllText(path, "the old content");
        File.SetAttributes(path, FileAttributes.ReadOnly);
        try
        {
            var error = Assert.Throws<UnauthorizedAccessException>(() => AtomicFile.WriteAllText(path, "new"));

            Assert.Contains(path, error.Message);
            Assert.Contains("read-only", error.Message);
            Assert.Equal("the old content", File.ReadAllText(path));
            Assert.Equal([path], Directory.GetFiles(temp.Path));
        }
        finally
        {
            File.SetAttributes(path, FileAttributes.Normal);
        }
    }

    [Fact]
    public void A_completed_write_replaces_the_file_whole()
    {
        using var temp = TestFiles.Temp();
        var path = Path.Combine(temp.Path, "page.html");
        File.WriteAllText(path, new string('x', 10_000));

        AtomicFile.WriteAllText(path, "short");

        Assert.Equal("short", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task On_a_full_disk_in_place_keeps_the_original_names_it_and_saves_the_others()
    {
        using var temp = TestFiles.Temp();
        var full = Path.Combine(temp.Path, "full.ipynb");
        var other = Path.Combine(temp.Path, "other.dib");
        File.WriteAllText(other, Good);
        await Run(temp.Path, [other], inPlace: true);
        File.Move(Path.Combine(temp.Path, "other.ipynb"), full);
        var original = File.ReadAllBytes(full);

        var outcomes = await Run(temp.Path, [full, other], inPlace: true, write: (path, text) =>
        {
            if (path == full)
                AtomicFile.Write(path, stream =>
                {
                    stream.Write(System.Text.Encoding.UTF8.GetBytes(text[..(text.Length / 2)]));
                    throw new IOException("No space left on device");
                });
            else
                AtomicFile.WriteAllText(path, text);
        });

        Assert.Equal(original, File.ReadAllBytes(full));
        Assert.Contains("full.ipynb: ran, but was not saved", outcomes[0].Problem);
        Assert.Contains("No space left on device", outcomes[0].Problem);
        Assert.Contains("full.ipynb is unchanged", outcomes[0].Problem);
        Assert.Null(outcomes[0].WrittenTo);
        Assert.True(outcomes[1].Succeeded, outcomes[1].Problem);
        Assert.Equal("new output\n", Printed(Path.Combine(temp.Path, "other.ipynb")));
        Assert.DoesNotContain(Directory.GetFiles(temp.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_only_notebook_run_in_place_stays_as_it_was_and_is_named()
    {
        using var temp = TestFiles.Temp();
        var source = Path.Combine(temp.Path, "locked.dib");
        File.WriteAllText(source, Good);
        var target = Path.Combine(temp.Path, "locked.ipynb");
        File.WriteAllText(target, "{}");
        File.SetAttributes(target, FileAttributes.ReadOnly);
        try
        {
            var outcome = Assert.Single(await Run(temp.Path, [source], inPlace: true));

            Assert.Equal("{}", File.ReadAllText(target));
            Assert.Contains("locked.dib: ran, but was not saved", outcome.Problem);
            Assert.Contains("read-only", outcome.Problem);
        }
        finally
        {
            File.SetAttributes(target, FileAttributes.Normal);
        }
    }

    [Fact]
    public async Task A_failed_run_in_place_leaves_the_notebook_and_saves_the_copy_elsewhere_unless_asked_to_keep_it()
    {
        using var temp = TestFiles.Temp();
        var path = Path.Combine(temp.Path, "lesson.ipynb");
        var source = Path.Combine(temp.Path, "lesson.dib");
        File.WriteAllText(source, Good + "\n#!csharp\nConsole.WriteLine(\"saved output\");\n");
        await Run(temp.Path, [source], inPlace: true);
        File.Delete(source);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("Console.WriteLine(\\\"new output\\\");", "throw new InvalidOperationException(\\\"broken\\\");"));
        var original = File.ReadAllBytes(path);
        Assert.Equal("new output\nsaved output\n", Printed(path));

        var outcome = Assert.Single(await Run(temp.Path, [path], inPlace: true));

        Assert.Equal(original, File.ReadAllBytes(path));
        var copy = Path.Combine(temp.Path, "out", "lesson.ipynb");
        Assert.Equal(copy, outcome.WrittenTo);
        Assert.Contains("lesson.ipynb, cell 1", outcome.Problem);
        Assert.Contains("broken", outcome.Problem);
        Assert.Contains("lesson.ipynb is unchanged", outcome.Problem);
        Assert.Contains(Path.Combine("out", "lesson.ipynb"), outcome.Problem);
        Assert.Equal("broken", Printed(copy));

        var kept = Assert.Single(await Run(temp.Path, [path], inPlace: true, keepFailed: true));

        Assert.Equal(path, kept.WrittenTo);
        Assert.Contains("saved with the error in", kept.Problem);
        Assert.Equal("broken", Printed(path));
    }

    private static async Task<IReadOnlyList<NotebookOutcome>> Run(string folder, string[] paths, bool inPlace, bool keepFailed = false, Action<string, string>? write = null)
    {
        return await new NotebookBatch
        {
            Run = new NotebookRunner(new RunnerOptions { CellTimeout = TimeSpan.FromMinutes(2) }).RunAsync,
            OutputFolder = Path.Combine(folder, "out"),
            InPlace = inPlace,
            KeepFailed = keepFailed,
            WriteFile = write ?? AtomicFile.WriteAllText,
        }.RunAsync(paths);
    }

    /// <summary>What the notebook's cells printed (outputs only, never the source).</summary>
    private static string Printed(string path) =>
        string.Concat(NotebookReader.Load(path).Cells.SelectMany(c => c.Outputs).Select(o => o switch
        {
            StreamOutput s => s.Text,
            ErrorOutput e => e.EValue,
            _ => "",
        }));
}
