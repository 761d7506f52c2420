using ActivationCourse.Notebooks.IO;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Tests;

/// <summary>
/// <c>course notebooks student</c> as a learner meets it: regenerating never overwrites a copy they changed, never
/// writes into <c>solutions/</c> (whatever links or <c>..</c> the paths hold), and stops at a malformed marker.
/// </summary>
public class LearnerWorkTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    /// <summary>A repository with one lesson that loads one script, both with a solution block.</summary>
    private static TestFiles.TempFolder Repository(string answer = "42")
    {
        var temp = TestFiles.Temp();
        File.WriteAllText(Path.Combine(temp.Path, RepositoryRoot.MarkerFile), "");
        var solutions = Directory.CreateDirectory(Path.Combine(temp.Path, "solutions")).FullName;
        var notebook = new Notebook { Metadata = Notebook.PolyglotMetadata() };
        notebook.Cells.Add(new Cell(CellKind.Markdown, "# Lesson"));
        notebook.Cells.Add(new Cell(CellKind.Code, "#load \"net.csx\"\nint answer = 0;\n// BEGIN SOLUTION\nanswer = " + answer + ";\n// END SOLUTION"));
        NotebookWriter.Save(notebook, Path.Combine(solutions, "01-lesson.ipynb"));
        File.WriteAllText(Path.Combine(solutions, "net.csx"), "int Twice(int x)\n{\n    // BEGIN SOLUTION\n    return 2 * x;\n    // END SOLUTION\n    return 0;\n}\n");
        return temp;
    }

    private static (int Exit, string Output, string Error) Student(string repository, params string[] args) =>
        CourseCommand.Run(repository, Deadline, ["notebooks", "student", "--no-run", .. args]);

    private static string Learner(string repository, string name) => Path.Combine(repository, "notebooks", name);

    [Fact]
    public void Copies_are_written_without_solutions_and_regenerated_while_untouched()
    {
        using var repo = Repository();
        var first = Student(repo.Path);
        Assert.True(first.Exit == 0, first.Error);
        Assert.DoesNotContain("answer = 42", File.ReadAllText(Learner(repo.Path, "01-lesson.ipynb")), StringComparison.Ordinal);
        Assert.DoesNotContain("2 * x", File.ReadAllText(Learner(repo.Path, "net.csx")), StringComparison.Ordinal);

        // The lesson changes upstream; the learner never touched the copies: they are replaced.
        File.WriteAllText(Path.Combine(repo.Path, "solutions", "01-lesson.ipynb"),
            File.ReadAllText(Path.Combine(repo.Path, "solutions", "01-lesson.ipynb")).Replace("# Lesson", "# Lesson, revised", StringComparison.Ordinal));
        var second = Student(repo.Path);

        Assert.True(second.Exit == 0, second.Error);
        Assert.Contains("# Lesson, revised", File.ReadAllText(Learner(repo.Path, "01-lesson.ipynb")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("01-lesson.ipynb")]
    [InlineData("net.csx")]
    public void A_changed_copy_stops_the_command_names_the_file_and_writes_nothing(string changed)
    {
        using var repo = Repository();
        Assert.Equal(0, Student(repo.Path).Exit);
        var path = Learner(repo.Path, changed);
        File.WriteAllText(path, File.ReadAllText(path).Replace("// Your code here", "my work", StringComparison.Ordinal));
        var before = Directory.GetFiles(Path.Combine(repo.Path, "notebooks")).ToDictionary(f => f, File.ReadAllText);
        File.WriteAllText(Path.Combine(repo.Path, "solutions", "01-lesson.ipynb"),
            File.ReadAllText(Path.Combine(repo.Path, "solutions", "01-lesson.ipynb")).Replace("# Lesson", "# Lesson, revised", StringComparison.Ordinal));

        var (exit, _, error) = Student(repo.Path);

        Assert.Equal(2, exit);
        Assert.Contains(changed, error, StringComparison.Ordinal);
        Assert.Contains("--backup", error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(Path.Combine(repo.Path, "notebooks")).ToDictionary(f => f, File.ReadAllText));
    }

    [Fact]
    public void Backup_moves_the_changed_copies_aside_with_the_script_then_writes_fresh_ones()
    {
        using var repo = Repository();
        Assert.Equal(0, Student(repo.Path).Exit);
        var notebook = Learner(repo.Path, "01-lesson.ipynb");
        var mine = File.ReadAllText(notebook).Replace("// Your code here", "answer = 41;", StringComparison.Ordinal);
        File.WriteAllText(notebook, mine);

        var (exit, output, error) = Student(repo.Path, "--backup");

        Assert.True(exit == 0, error);
        var backup = Assert.Single(Directory.GetDirectories(Path.Combine(repo.Path, "notebooks"), "backup-*"));
        Assert.Contains(Path.GetFileName(backup), output, StringComparison.Ordinal);
        Assert.Equal(mine, File.ReadAllText(Path.Combine(backup, "01-lesson.ipynb")));
        Assert.True(File.Exists(Path.Combine(backup, "net.csx")), "the backed-up notebook's #load must still find its script");
        Assert.Contains("// Your code here", File.ReadAllText(notebook), StringComparison.Ordinal);
    }

    [Fact]
    public void A_notebook_the_learner_broke_counts_as_their_work()
    {
        using var repo = Repository();
        Assert.Equal(0, Student(repo.Path).Exit);
        File.WriteAllText(Learner(repo.Path, "01-lesson.ipynb"), "{ half-saved");

        Assert.Equal(2, Student(repo.Path).Exit);
        Assert.Equal("{ half-saved", File.ReadAllText(Learner(repo.Path, "01-lesson.ipynb")));
    }

    [Theory]
    [InlineData("link")]
    [InlineData("dotdot")]
    [InlineData("same")]
    public void Output_into_solutions_is_refused_however_the_path_is_spelled(string how)
    {
        using var repo = Repository();
        var solutions = Path.Combine(repo.Path, "solutions");
        var before = Directory.GetFiles(solutions).ToDictionary(f => f, File.ReadAllText);
        string output = how switch
        {
            "link" => Directory.CreateSymbolicLink(Path.Combine(repo.Path, "handouts"), solutions).FullName,
            "dotdot" => Path.Combine(repo.Path, "notebooks", "..", "solutions"),
            _ => solutions,
        };

        var (exit, _, error) = Student(repo.Path, "--out", output);

        Assert.Equal(2, exit);
        Assert.Contains("solutions", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(solutions).ToDictionary(f => f, File.ReadAllText));
    }

    [Fact]
    public void A_learner_copy_that_links_to_a_solution_is_refused()
    {
        using var repo = Repository();
        Directory.CreateDirectory(Path.Combine(repo.Path, "notebooks"));
        var source = Path.Combine(repo.Path, "solutions", "net.csx");
        var text = File.ReadAllText(source);
        File.CreateSymbolicLink(Learner(repo.Path, "net.csx"), source);

        var (exit, _, error) = Student(repo.Path);

        Assert.Equal(2, exit);
        Assert.Contains("net.csx", error, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(source));
    }

    [Fact]
    public void A_malformed_marker_stops_everything_with_the_file_cell_and_line()
    {
        using var repo = Repository();
        var source = Path.Combine(repo.Path, "solutions", "01-lesson.ipynb");
        File.WriteAllText(source, File.ReadAllText(source).Replace("// END SOLUTION", "// END SOLUTION (answer)", StringComparison.Ordinal));

        var (exit, _, error) = Student(repo.Path);

        Assert.Equal(2, exit);
        Assert.Contains("solutions/01-lesson.ipynb: cell 2, line 5:", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repo.Path, "notebooks")), "nothing may be written, not even the script's copy");
    }

    [Fact]
    public void A_malformed_marker_in_the_script_names_the_script_and_line()
    {
        using var repo = Repository();
        File.AppendAllText(Path.Combine(repo.Path, "solutions", "net.csx"), "// END SOLUTION\n");

        var (exit, _, error) = Student(repo.Path);

        Assert.Equal(2, exit);
        Assert.Contains("solutions/net.csx: line 8: END SOLUTION without a BEGIN SOLUTION", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chosen_lesson_brings_the_script_it_loads()
    {
        using var repo = Repository();

        var (exit, _, error) = Student(repo.Path, Path.Combine(repo.Path, "solutions", "01-lesson.ipynb"));

        Assert.True(exit == 0, error);
        Assert.True(File.Exists(Learner(repo.Path, "net.csx")));
    }
}
