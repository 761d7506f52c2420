using ActivationCourse.Notebooks.Execution;
using ActivationCourse.Notebooks.IO;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Kernel.Tests;

/// <summary>
/// The runner's settings against the kernel's, on a probe notebook independent of the lessons: optimization level
/// (Debug), C# 14, compiler warnings, and the MIME types and output kinds of strings, numbers, collections,
/// display() and library values. Both must show exactly the same outputs.
/// </summary>
public class RunnerSettingsTests
{
    private static readonly string[] Probe =
    [
        "var optimized = typeof(Probe).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)\n" +
        "    .Cast<System.Diagnostics.DebuggableAttribute>().All(a => !a.IsJITOptimizerDisabled);\n" +
        "Console.WriteLine(optimized ? \"Release\" : \"Debug\");\nclass Probe { }",
        "class WithField { public int P { get => field; set => field = value * 2; } }\nnew WithField { P = 21 }.P",
        "\"a string\"",
        "3.5",
        "new[] { 1, 2, 3 }",
        "display(42);\ndisplay(\"shown\");\nConsole.WriteLine(\"out\");\nConsole.Error.WriteLine(\"err\");",
        "string? maybe = \"nullable annotation without #nullable\";\nConsole.WriteLine(maybe);",
        "int same = 1;\nsame = same;",
        "new ActivationCourse.Plotting.LineChart { Title = \"tanh\" }.AddFunction(\"tanh\", Math.Tanh, -3, 3)",
        "ActivationCourse.Exercises.Check.Number(\"1.1\", 0.5, 0.25, hint: \"look at x = 0\")",
    ];

    [Fact]
    public async Task A_probe_notebook_shows_the_same_in_the_runner_and_the_kernel()
    {
        var missing = Prerequisites.MissingKernel();
        Assert.True(missing is null, missing);
        var library = Path.Combine(Prerequisites.RepositoryRoot, "artifacts", "bin", "ActivationCourse.Lib", "release", "ActivationCourse.Lib.dll");
        Assert.True(File.Exists(library), $"build the library first: {library}");
        var notebook = new Notebook { Metadata = Notebook.PolyglotMetadata(), NbformatMinor = 5 };
        foreach (var source in Probe.Prepend($"#r \"{library}\""))
            notebook.Cells.Add(new Cell(CellKind.Code, source, Cell.KernelMetadata("csharp")) { Id = $"c{notebook.Cells.Count}" });
        var temp = Directory.CreateTempSubdirectory("kernel-probe-");
        try
        {
            var path = Path.Combine(temp.FullName, "probe.ipynb");
            NotebookWriter.Save(notebook, path);

            var kernelRun = JupyterKernel.ExecuteAsync(path, temp.FullName, TimeSpan.FromMinutes(3));
            var ours = await new NotebookRunner().RunAsync(path);
            var kernel = await kernelRun;

            Assert.True(ours.Succeeded, ours.FailureMessage);
            var differences = CellComparison.Differences(ours.Executed, kernel);
            Assert.True(differences.Count == 0, string.Join("\n", differences));
            var outputs = ours.Executed.Cells.Select(CellComparison.Items).ToList();
            Assert.Equal(new CellComparison.Item("stream stdout", "Debug\n"), Assert.Single(outputs[1]));
            Assert.Contains("<pre>42</pre>", Assert.Single(outputs[2]).Text, StringComparison.Ordinal);
            Assert.Equal(new CellComparison.Item("data text/plain", "a string"), Assert.Single(outputs[3]));
            Assert.Equal(["data text/html", "data text/plain", "stream stdout", "stream stderr"], outputs[6].Select(i => i.Kind));
            Assert.Contains("warning CS8632", outputs[7][1].Text, StringComparison.Ordinal);
            Assert.Contains("warning CS1717", Assert.Single(outputs[8]).Text, StringComparison.Ordinal);
            Assert.StartsWith("<img src=\"data:image/svg+xml;base64,", Assert.Single(outputs[9]).Text, StringComparison.Ordinal);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }
}
