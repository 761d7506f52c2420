using ActivationCourse.Notebooks.Execution;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Tests;

/// <summary>
/// Each notebook in its own process: a cell that times out is really stopped, a crash fails only its notebook,
/// and nothing of one notebook reaches another.
/// </summary>
public class IsolationTests
{
    private static readonly string Clean = "#!csharp\nConsole.WriteLine(\"clean start\");\nSystem.Threading.Thread.Sleep(3000);\nConsole.WriteLine(\"clean end\");\n";

    [Fact]
    public async Task A_timed_out_endless_printing_cell_is_stopped_and_the_next_notebook_gets_no_foreign_output()
    {
        using var temp = TestFiles.Temp();
        var leak = Write(temp, "leak.dib", "#!csharp\nvar i = 0;\nwhile (true) { Console.WriteLine($\"leak {i++}\"); System.Threading.Thread.Sleep(1); }\n\n#!csharp\nConsole.WriteLine(\"never\");\n");
        var clean = Write(temp, "clean.dib", Clean);

        var outcomes = await Batch(temp, TimeSpan.FromSeconds(4)).RunAsync([leak, clean]);

        var timedOut = outcomes[0].Result!;
        Assert.Equal([CellStatus.Failed, CellStatus.NotRun], timedOut.Cells.Select(c => c.Status));
        Assert.Contains("leak.dib, cell 1", outcomes[0].Problem);
        Assert.Contains("did not finish within 4 s", outcomes[0].Problem);
        var outputs = timedOut.Executed.Cells[0].Outputs;
        Assert.Equal("Timeout", Assert.IsType<ErrorOutput>(outputs[^1]).EName);
        // What the cell printed before it was stopped is kept with it.
        Assert.StartsWith("leak 0\nleak 1\n", Assert.IsType<StreamOutput>(outputs[0]).Text);
        Assert.Empty(timedOut.Executed.Cells[1].Outputs);

        Assert.True(outcomes[1].Succeeded, outcomes[1].Problem);
        Assert.Equal([new StreamOutput("stdout", "clean start\nclean end\n")], outcomes[1].Result!.Executed.Cells[0].Outputs);
        Assert.DoesNotContain("leak", File.ReadAllText(outcomes[1].WrittenTo!));
    }

    [Theory]
    [InlineData("stack-overflow.dib", "int Down(int x) => Down(x + 1) + 1;\nDown(0)", "Stack overflow")]
    [InlineData("exit.dib", "Environment.Exit(3);", "exit code 3")]
    [InlineData("background-throw.dib", "new System.Threading.Thread(() => throw new InvalidOperationException(\"boom in the background\")).Start();\nSystem.Threading.Thread.Sleep(10_000);", "InvalidOperationException: boom in the background")]
    public async Task A_crash_fails_its_notebook_at_the_cell_that_ran_and_the_next_notebook_still_runs(string file, string code, string reason)
    {
        using var temp = TestFiles.Temp();
        var crash = Write(temp, file, $"#!csharp\nConsole.WriteLine(\"before the crash\");\n\n#!csharp\nConsole.WriteLine(\"printed by the crashing cell\");\n{code}\n\n#!csharp\nConsole.WriteLine(\"after\");\n");
        var clean = Write(temp, "clean.dib", Clean);

        var outcomes = await Batch(temp, TimeSpan.FromMinutes(2)).RunAsync([crash, clean]);

        var crashed = outcomes[0].Result!;
        Assert.Equal([CellStatus.Succeeded, CellStatus.Failed, CellStatus.NotRun], crashed.Cells.Select(c => c.Status));
        Assert.Contains($"{file}, cell 2: the notebook's process ended", outcomes[0].Problem);
        Assert.Contains(reason, outcomes[0].Problem);
        Assert.Equal([new StreamOutput("stdout", "before the crash\n")], crashed.Executed.Cells[0].Outputs);
        // What the crashing cell printed is kept, even when its process ended without a word (a stack overflow).
        Assert.Equal(new StreamOutput("stdout", "printed by the crashing cell\n"), crashed.Executed.Cells[1].Outputs[0]);
        Assert.Equal(IsolatedNotebookRunner.ProcessExited, Assert.IsType<ErrorOutput>(crashed.Executed.Cells[1].Outputs[^1]).EName);
        Assert.True(File.Exists(outcomes[0].WrittenTo), "the crashed notebook's executed copy was not saved");

        Assert.True(outcomes[1].Succeeded, outcomes[1].Problem);
        Assert.Equal([new StreamOutput("stdout", "clean start\nclean end\n")], outcomes[1].Result!.Executed.Cells[0].Outputs);
    }

    [Fact]
    public async Task A_killed_worker_is_reported_as_killed_with_its_signal_and_keeps_what_the_cell_printed()
    {
        using var temp = TestFiles.Temp();
        // SIGKILL, as from `kill -9` or the out-of-memory killer: the process gets no chance to say anything.
        var killed = Write(temp, "killed.dib", "#!csharp\nConsole.WriteLine(\"before the kill\");\nSystem.Diagnostics.Process.GetCurrentProcess().Kill();\nSystem.Threading.Thread.Sleep(10_000);\n");

        var outcome = (await Batch(temp, TimeSpan.FromMinutes(2)).RunAsync([killed]))[0];

        Assert.Equal([CellStatus.Failed], outcome.Result!.Cells.Select(c => c.Status));
        if (!OperatingSystem.IsWindows())
            Assert.Contains("killed.dib, cell 1: the notebook's process ended (killed by SIGKILL)", outcome.Problem);
        Assert.DoesNotContain("Environment.Exit", outcome.Problem);
        Assert.Equal(new StreamOutput("stdout", "before the kill\n"), outcome.Result.Executed.Cells[0].Outputs[0]);
    }

    [Fact]
    public async Task Processes_a_cell_started_end_with_its_worker_after_the_run_and_after_a_timeout()
    {
        if (!OperatingSystem.IsLinux())
            return; // reads /proc
        using var temp = TestFiles.Temp();
        static string Start(string file) => $"#!csharp\nvar child = System.Diagnostics.Process.Start(\"sleep\", \"1000\");\nSystem.IO.File.WriteAllText(\"{file}\", child.Id.ToString());\n";
        var finishes = Write(temp, "finishes.dib", Start("finished.pid"));
        var hangs = Write(temp, "hangs.dib", Start("first.pid") + "\n" + Start("hung.pid") + "System.Threading.Thread.Sleep(60_000);\n");

        var outcomes = await Batch(temp, TimeSpan.FromSeconds(3)).RunAsync([finishes, hangs]);

        Assert.True(outcomes[0].Succeeded, outcomes[0].Problem);
        Assert.Contains("did not finish within 3 s", outcomes[1].Problem);
        foreach (var file in new[] { "finished.pid", "first.pid", "hung.pid" })
        {
            var pid = int.Parse(File.ReadAllText(Path.Combine(temp.Path, file)), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Ends(pid), $"the sleep a cell started ({file}: {pid}) is still running after its notebook");
        }
    }

    /// <summary>True when process <paramref name="pid"/> is gone (or a zombie about to be reaped) within a few seconds.</summary>
    private static bool Ends(int pid)
    {
        for (var wait = System.Diagnostics.Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(5); Thread.Sleep(50))
        {
            var stat = $"/proc/{pid}/stat";
            try
            {
                if (!File.Exists(stat) || File.ReadAllText(stat).Split(") ")[^1].StartsWith('Z'))
                    return true;
            }
            catch (IOException)
            {
                return true; // it ended while being read
            }
        }
        return false;
    }

    [Fact]
    public async Task A_notebook_run_in_a_worker_gives_what_the_in_process_runner_gives()
    {
        using var temp = TestFiles.Stage("basics.dib", "runtime-error.dib");
        foreach (var name in new[] { "basics.dib", "runtime-error.dib" })
        {
            var path = Path.Combine(temp.Path, "notebooks", name);
            var options = new RunnerOptions { CellTimeout = TimeSpan.FromMinutes(2) };

            var isolated = await new IsolatedNotebookRunner(CourseCommand.Worker, options).RunAsync(path);
            var inProcess = await new NotebookRunner(options).RunAsync(path);

            Assert.Equal(inProcess.Cells.Select(c => (c.Status, c.Error, c.Line)), isolated.Cells.Select(c => (c.Status, c.Error, c.Line)));
            // Tracebacks may differ in inlined frames: `course` compiles fully optimized code, the test host tiers up.
            Assert.Equal(IO.NotebookWriter.ToJson(WithoutTracebacks(inProcess.Executed)), IO.NotebookWriter.ToJson(WithoutTracebacks(isolated.Executed)));
        }
    }

    private static Notebook WithoutTracebacks(Notebook notebook)
    {
        var copy = notebook.Clone();
        foreach (var cell in copy.Cells)
        {
            for (var i = 0; i < cell.Outputs.Count; i++)
            {
                if (cell.Outputs[i] is ErrorOutput error)
                    cell.Outputs[i] = error with { Traceback = [] };
            }
        }
        return copy;
    }

    private static NotebookBatch Batch(TestFiles.TempFolder temp, TimeSpan timeout) => new()
    {
        Run = new IsolatedNotebookRunner(CourseCommand.Worker, new RunnerOptions { CellTimeout = timeout }).RunAsync,
        OutputFolder = Path.Combine(temp.Path, "out"),
    };

    private static string Write(TestFiles.TempFolder temp, string name, string text)
    {
        var path = Path.Combine(temp.Path, name);
        File.WriteAllText(path, text);
        return path;
    }
}
