using ActivationCourse.Benchmarking;
using ActivationCourse.Kernel.Tests;
using ActivationCourse.Notebooks.Execution;
using ActivationCourse.Notebooks.IO;

namespace ActivationCourse.Notebooks.Tests;

/// <summary>
/// The same course on every machine. Every lesson source (solutions/) runs in our runner as two other machines run
/// it, each notebook in a worker process started with that machine's settings:
/// <list type="bullet">
/// <item><b>AVX2 and a German culture</b> (<c>DOTNET_EnableAVX512=0</c>, <c>LANG</c>/<c>LC_ALL</c> <c>de_DE.UTF-8</c>,
/// culture data on): the machines CI runs on, and a learner whose numbers use decimal commas. Every cell prints the
/// committed text, except cells marked <c>// timing</c>, which need only the same kinds of output.</item>
/// <item><b>128-bit vectors</b> (<c>DOTNET_EnableAVX=0</c>): the width of Apple silicon's NEON. Sums may round
/// differently, so the text may differ, but no cell fails and no claim is false.</item>
/// </list>
/// In both, no cell shows an error or a compiler warning and every lesson source passes its own exercise checks.
/// Only the sources run here. A learner copy runs the same cells minus the ones that wait for an exercise, so its claims
/// are its source's; its text is compared with the committed copy in the real kernel (KernelConformanceTests). Running
/// the copies here too would cost two more MNIST trainings, and the test command must stay under 20 minutes on two cores.
/// </summary>
public class OtherMachineTests
{
    /// <summary>A machine to imitate: its environment, and whether the lessons must print the committed text there.</summary>
    public sealed record Machine(string Name, IReadOnlyDictionary<string, string?> Environment, bool SameText);

    public static readonly IReadOnlyDictionary<string, Machine> Machines = new Dictionary<string, Machine>
    {
        ["avx2-de-DE"] = new("avx2-de-DE", new Dictionary<string, string?>
        {
            ["DOTNET_EnableAVX512"] = "0",
            ["DOTNET_EnableAVX512F"] = "0", // the same switch's name before .NET 10
            ["LANG"] = "de_DE.UTF-8",
            ["LC_ALL"] = "de_DE.UTF-8",
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = null, // invariant mode would hide the culture
        }, SameText: true),
        ["128-bit"] = new("128-bit", new Dictionary<string, string?> { ["DOTNET_EnableAVX"] = "0" }, SameText: false),
    };

    public static TheoryData<string> MachineNames() => [.. Machines.Keys];

    public static TheoryData<string> Solutions() => [.. SolutionPaths()];

    private static IEnumerable<string> SolutionPaths() =>
        Directory.GetFiles(Path.Combine(TestFiles.RepositoryRoot, "solutions"), "*.ipynb")
            .Order(StringComparer.Ordinal)
            .Select(file => $"solutions/{Path.GetFileName(file)}");

    [Theory]
    [MemberData(nameof(MachineNames))]
    public async Task The_worker_really_runs_as_the_other_machine(string machine)
    {
        var notebook = NotebookReader.ParseDib("""
            #!csharp
            Console.WriteLine($"{System.Globalization.CultureInfo.CurrentCulture.Name}|{1.5}|{System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}|{System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}|{System.Numerics.Vector<byte>.Count * 8}");
            """);
        using var temp = TestFiles.Temp();

        var result = await Runner(machine).RunAsync(notebook, temp.Path, "probe");

        Assert.True(result.Succeeded, result.FailureMessage);
        var printed = Assert.IsType<Model.StreamOutput>(Assert.Single(result.Executed.Cells[0].Outputs)).Text.Trim().Split('|');
        Assert.Equal("False", printed[2]); // no AVX-512 in either
        if (machine == "avx2-de-DE")
        {
            Assert.Equal("de-DE", printed[0]);
            Assert.Equal("1,5", printed[1]);
        }
        else
        {
            Assert.Equal(["False", "128"], printed[3..]);
        }
    }

    /// <summary>Runs one lesson as <paramref name="machine"/> runs it and fails with every problem found.</summary>
    internal static async Task RunLessonAs(string machine, string notebook)
    {
        var path = Path.Combine(TestFiles.RepositoryRoot, notebook);

        var result = await Runner(machine).RunAsync(path);

        var problems = new List<string>();
        if (result.FailureMessage is { } failure)
            problems.Add(failure);
        problems.AddRange(CellComparison.ErrorsAndWarnings(result.Executed, machine));
        if (Machines[machine].SameText)
            problems.AddRange(CellComparison.Differences(NotebookReader.Load(path), result.Executed).Select(d => "committed text ≠ this run: " + d));
        if (notebook.StartsWith("solutions/", StringComparison.Ordinal))
            problems.AddRange(ExerciseChecks.Failing(result.Executed));
        RecordTime(machine, notebook, result.Elapsed);
        Assert.True(problems.Count == 0, $"{notebook} as on {machine} ({result.Elapsed.TotalSeconds:0} s): {problems.Count} problems\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Solutions))]
    public void The_committed_solution_passes_its_own_checks(string notebook)
    {
        var problems = ExerciseChecks.Failing(NotebookReader.Load(Path.Combine(TestFiles.RepositoryRoot, notebook)));

        Assert.True(problems.Count == 0, $"{notebook}: {problems.Count} failing checks\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// What these runs add to the test command: one line per run in artifacts/other-machine-runs.tsv (machine, notebook,
    /// seconds), for whoever watches the suite's wall time.
    /// </summary>
    private static void RecordTime(string machine, string notebook, TimeSpan elapsed)
    {
        var file = Path.Combine(TestFiles.RepositoryRoot, "artifacts", "other-machine-runs.tsv");
        lock (TimesLock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.AppendAllText(file, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{DateTime.UtcNow:s}\t{machine}\t{notebook}\t{elapsed.TotalSeconds:0.0}\n"));
        }
    }

    private static readonly object TimesLock = new();

    private static IsolatedNotebookRunner Runner(string machine) =>
        new(CourseCommand.Worker with { Environment = Machines[machine].Environment },
            new RunnerOptions { CellTimeout = TimeSpan.FromMinutes(10), RepositoryRoot = TestFiles.RepositoryRoot });
}

/// <summary>
/// The lesson runs as on an AVX2 machine in a German culture. A class of its own, so that xUnit runs it beside
/// <see cref="LessonsAsA128BitMachine"/> (one on each core) instead of after it.
/// </summary>
public class LessonsAsAnAvx2GermanMachine
{
    [Theory]
    [MemberData(nameof(OtherMachineTests.Solutions), MemberType = typeof(OtherMachineTests))]
    public Task Every_lesson_runs_as_on_an_AVX2_machine_in_German(string notebook) => OtherMachineTests.RunLessonAs("avx2-de-DE", notebook);
}

/// <summary>The lesson runs with 128-bit vectors (see <see cref="LessonsAsAnAvx2GermanMachine"/>).</summary>
public class LessonsAsA128BitMachine
{
    [Theory]
    [MemberData(nameof(OtherMachineTests.Solutions), MemberType = typeof(OtherMachineTests))]
    public Task Every_lesson_runs_as_on_a_128_bit_machine(string notebook) => OtherMachineTests.RunLessonAs("128-bit", notebook);
}

public class ExerciseChecksTests
{
    [Fact]
    public void A_failing_check_and_an_incomplete_summary_are_found_and_a_complete_one_is_not()
    {
        var notebook = NotebookReader.ParseDib("#!csharp\n1\n\n#!csharp\n2\n\n#!csharp\n3\n");
        notebook.Cells[0].Outputs.Add(new Model.DataOutput(false, [new("text/html", "<div><strong>✘ Exercise 7.2:</strong> not yet — try again</div>")]));
        notebook.Cells[1].Outputs.Add(new Model.DataOutput(false, [new("text/html", "<p>2 of 3 exercises correct</p>")]));
        notebook.Cells[2].Outputs.Add(new Model.DataOutput(false, [new("text/html", "<p>3 of 3 exercises correct</p><div>✔ Exercise 7.1: correct</div>")]));

        var problems = ExerciseChecks.Failing(notebook);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("code cell 1: a failing check", problems[0], StringComparison.Ordinal);
        Assert.Equal("code cell 2: \"2 of 3 exercises correct\"", problems[1]);
    }
}
