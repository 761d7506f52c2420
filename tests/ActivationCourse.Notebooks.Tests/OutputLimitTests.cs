using ActivationCourse.Notebooks.Execution;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Tests;

/// <summary>A cell's captured output is kept up to a limit, then cut with a visible note; the cell itself still succeeds.</summary>
public class OutputLimitTests
{
    [Fact]
    public void The_default_limit_is_10_MB_of_text()
    {
        Assert.Equal(10L * 1024 * 1024, new RunnerOptions().CellOutputLimit);
    }

    [Fact]
    public async Task Output_past_the_limit_is_dropped_with_a_note_and_earlier_output_is_kept_whole()
    {
        var notebook = new Notebook();
        notebook.Cells.Add(new Cell(CellKind.Code, "for (var i = 0; i < 1000; i++) Console.WriteLine($\"line {i:0000}\");\ndisplay(\"a displayed value\");\nConsole.Error.WriteLine(\"late\");"));
        notebook.Cells.Add(new Cell(CellKind.Code, "Console.WriteLine(\"next cell\");"));

        var result = await new NotebookRunner(new RunnerOptions { CellOutputLimit = 1000 }).RunAsync(notebook, Path.GetTempPath(), "limit");

        Assert.True(result.Succeeded, result.FailureMessage);
        var stream = Assert.IsType<StreamOutput>(Assert.Single(result.Executed.Cells[0].Outputs));
        var note = "[output truncated: this cell wrote more than 1000 characters; the rest was dropped]";
        Assert.StartsWith("line 0000\nline 0001\n", stream.Text);
        Assert.Contains(note, stream.Text);
        Assert.Equal(1000, stream.Text.IndexOf("\n[output truncated", StringComparison.Ordinal));
        Assert.DoesNotContain("a displayed value", stream.Text);
        Assert.DoesNotContain("late", stream.Text);
        // The limit is per cell: the next cell starts afresh.
        Assert.Equal([new StreamOutput("stdout", "next cell\n")], result.Executed.Cells[1].Outputs);
        // The run's result flags the cut cell (the summary of `course notebooks run` names it).
        Assert.Equal([1], result.TruncatedCells);
    }

    [Fact]
    public async Task Many_small_writes_are_kept_in_order_in_one_stream_output()
    {
        var notebook = new Notebook();
        notebook.Cells.Add(new Cell(CellKind.Code, "for (var i = 0; i < 20000; i++) Console.Write(i % 10);\nConsole.Error.Write(\"e\");\nConsole.Write(\"!\");"));

        var result = await new NotebookRunner().RunAsync(notebook, Path.GetTempPath(), "writes");

        var outputs = result.Executed.Cells[0].Outputs;
        Assert.Equal(3, outputs.Count);
        Assert.Equal(string.Concat(Enumerable.Range(0, 20000).Select(i => (char)('0' + i % 10))), Assert.IsType<StreamOutput>(outputs[0]).Text);
        Assert.Equal(new StreamOutput("stderr", "e"), outputs[1]);
        Assert.Equal(new StreamOutput("stdout", "!"), outputs[2]);
    }

    [Fact]
    public async Task A_notebook_keeps_at_most_its_own_limit_over_all_its_cells()
    {
        var notebook = new Notebook();
        for (var i = 0; i < 3; i++)
            notebook.Cells.Add(new Cell(CellKind.Code, "Console.Write(new string('x', 800));"));
        notebook.Cells.Add(new Cell(CellKind.Code, "Console.Write(\"late\");"));

        var result = await new NotebookRunner(new RunnerOptions { CellOutputLimit = 1000, NotebookOutputLimit = 2000 }).RunAsync(notebook, Path.GetTempPath(), "cap");

        Assert.True(result.Succeeded, result.FailureMessage);
        var texts = result.Executed.Cells.Select(c => Assert.IsType<StreamOutput>(Assert.Single(c.Outputs)).Text).ToList();
        Assert.Equal(new string('x', 800), texts[0]);
        Assert.Equal(new string('x', 800), texts[1]);
        var note = "\n[output truncated: the notebook's cells wrote more than 2000 characters together (the runner's limit per notebook); the rest was dropped]\n";
        Assert.Equal(new string('x', 400) + note, texts[2]);
        Assert.Equal(note, texts[3]);
        Assert.Equal([3, 4], result.TruncatedCells);
    }
}
