using ActivationCourse.Notebooks.Execution;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Tests;

public class NotebookRunnerTests
{
    [Fact]
    public async Task State_display_trailing_value_and_console_are_captured()
    {
        var result = await TestFiles.RunAsync("basics.dib");

        Assert.True(result.Succeeded, result.FailureMessage);
        var cells = result.Executed.Cells;
        Assert.Equal(CellKind.Markdown, cells[0].Kind);
        Assert.Equal([new StreamOutput("stdout", "hello from cell 2\n")], cells[1].Outputs);
        var value = Assert.IsType<DataOutput>(Assert.Single(cells[2].Outputs));
        // As in the kernel and VS Code: a cell's value is display_data, numbers in text/html only.
        Assert.False(value.IsResult);
        Assert.Null(value.Get("text/plain"));
        Assert.Contains("<pre>42</pre>", value.Get("text/html"));
        Assert.Equal(2, cells[2].ExecutionCount);

        var outputs = cells[3].Outputs;
        Assert.Equal("shown", Assert.IsType<DataOutput>(outputs[0]).Get("text/plain"));
        Assert.Null(Assert.IsType<DataOutput>(outputs[0]).Get("text/html"));
        Assert.Equal(new StreamOutput("stderr", "to stderr\n"), outputs[1]);
        Assert.Contains("<pre>2</pre>", Assert.IsType<DataOutput>(outputs[2]).Get("text/html"));
        Assert.Contains("<pre>True</pre>", Assert.IsType<DataOutput>(outputs[3]).Get("text/html"));
    }

    [Fact]
    public async Task A_compile_error_fails_its_cell_with_the_line_and_skips_the_rest()
    {
        var result = await TestFiles.RunAsync("compile-error.dib");

        Assert.False(result.Succeeded);
        Assert.Equal([CellStatus.Succeeded, CellStatus.Failed, CellStatus.NotRun], result.Cells.Select(c => c.Status));
        Assert.Equal(2, result.Failure!.Number);
        Assert.Equal(2, result.Failure.Line);
        Assert.Contains("compile-error.dib, cell 2 (line 2): error CS0103", result.FailureMessage);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(result.Executed.Cells[1].Outputs));
        Assert.Equal("CompilationError", error.EName);
        Assert.Empty(result.Executed.Cells[2].Outputs);
        Assert.Null(result.Executed.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task A_runtime_error_fails_its_cell_with_the_line_and_skips_the_rest()
    {
        var result = await TestFiles.RunAsync("runtime-error.dib");

        Assert.Equal([CellStatus.NotCode, CellStatus.Succeeded, CellStatus.Failed, CellStatus.NotRun], result.Cells.Select(c => c.Status));
        Assert.Equal(3, result.Failure!.Number);
        Assert.Equal(3, result.Failure.Line);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(result.Executed.Cells[2].Outputs));
        Assert.Equal("System.DivideByZeroException", error.EName);
        Assert.DoesNotContain(error.Traceback, l => l.Contains(TestFiles.RepositoryRoot, StringComparison.Ordinal));
    }
}

public class NotebookFeatureTests
{
    [Fact]
    public async Task NuGet_references_and_html_values_work_in_an_ipynb()
    {
        using var temp = TestFiles.Stage("references.ipynb");
        var result = await new NotebookRunner().RunAsync(Path.Combine(temp.Path, "notebooks", "references.ipynb"));

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Contains("<pre>6</pre>", Assert.IsType<DataOutput>(Assert.Single(result.Executed.Cells[1].Outputs)).Get("text/html"));
        var outputs = result.Executed.Cells[2].Outputs;
        Assert.StartsWith("<svg", Assert.IsType<DataOutput>(outputs[0]).Get("text/html"));
        Assert.Null(Assert.IsType<DataOutput>(outputs[0]).Get("text/plain"));
        Assert.Contains("<pre>2</pre>", Assert.IsType<DataOutput>(outputs[1]).Get("text/html"));
        var chart = Assert.IsType<DataOutput>(Assert.Single(result.Executed.Cells[3].Outputs));
        Assert.StartsWith("<img src=\"data:image/svg+xml;base64,", chart.Get("text/html"));
        Assert.Contains("alt=\"tanh: 1 series (tanh)", chart.Get("text/html"));
    }

    [Fact]
    public async Task A_relative_dll_reference_loads_it_and_its_dependencies()
    {
        using var temp = TestFiles.Stage();
        var path = Path.Combine(temp.Path, "dll.dib");
        File.WriteAllText(path, """
            #!csharp
            #r "lib/ActivationCourse.Lib.dll"
            typeof(ActivationCourse.Plotting.IHtmlRenderable).Assembly.GetName().Name
            """);

        var result = await new NotebookRunner().RunAsync(path);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal("ActivationCourse.Lib", Assert.IsType<DataOutput>(Assert.Single(result.Executed.Cells[0].Outputs)).Get("text/plain"));
    }

    [Theory]
    [InlineData("#!fsharp\nlet x = 1", "#!fsharp (the fsharp kernel) is not supported by the headless runner")]
    [InlineData("#!time\nvar x = 1;", "#!time is not supported by the headless runner")]
    [InlineData("#!set --name x --value 1", "#!set is not supported by the headless runner")]
    [InlineData("#i \"nuget: https://example.org/feed\"", "#i (package sources) is not supported by the headless runner")]
    [InlineData("#r \"nuget: Some.Package, 1.*-nothing\"", "the headless runner needs an exact version")]
    public async Task Unsupported_features_fail_the_cell_with_a_clear_message(string code, string message)
    {
        var notebook = new Notebook();
        notebook.Cells.Add(new Cell(CellKind.Code, "var before = 1;"));
        notebook.Cells.Add(new Cell(CellKind.Code, code));

        var result = await new NotebookRunner().RunAsync(notebook, Path.GetTempPath(), "unsupported");

        Assert.Equal(2, result.Failure?.Number);
        Assert.Contains(message, result.Failure!.Error);
    }

    [Fact]
    public async Task A_cell_in_another_kernel_is_unsupported()
    {
        using var temp = TestFiles.Temp();
        var path = Path.Combine(temp.Path, "kernel.dib");
        File.WriteAllText(path, "#!pwsh\nGet-Date\n");

        var result = await new NotebookRunner().RunAsync(path);

        Assert.Contains("pwsh", result.Failure?.Error);
        Assert.Contains("not supported by the headless runner", result.Failure?.Error);
    }

    [Fact]
    public async Task A_hung_cell_times_out_and_the_notebook_is_abandoned()
    {
        using var temp = TestFiles.Temp();
        var path = Path.Combine(temp.Path, "hang.dib");
        File.WriteAllText(path, "#!csharp\nSystem.Threading.Thread.Sleep(20_000);\n\n#!csharp\nConsole.WriteLine(1);\n");

        var result = await new NotebookRunner(new RunnerOptions { CellTimeout = TimeSpan.FromSeconds(1) }).RunAsync(path);

        Assert.Equal([CellStatus.Failed, CellStatus.NotRun], result.Cells.Select(c => c.Status));
        Assert.Contains("did not finish within 1 s", result.Failure!.Error);
        Assert.Equal("Timeout", Assert.IsType<ErrorOutput>(Assert.Single(result.Executed.Cells[0].Outputs)).EName);
    }
}

public class ReferenceErrorTests
{
    [Fact]
    public async Task A_missing_dll_fails_the_cell_naming_the_reference()
    {
        var notebook = new Notebook();
        notebook.Cells.Add(new Cell(CellKind.Code, "#r \"missing/Nothing.dll\"\nvar x = 1;"));

        var result = await new NotebookRunner().RunAsync(notebook, Path.GetTempPath(), "missing");

        Assert.Contains("#r \"missing/Nothing.dll\": no such file", result.Failure?.Error);
    }
}
