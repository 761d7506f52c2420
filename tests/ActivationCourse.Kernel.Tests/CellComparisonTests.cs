using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Kernel.Tests;

/// <summary>The comparison's own rules, on hand-made cells (fast; no kernel needed).</summary>
public class CellComparisonTests
{
    private static Notebook With(params Cell[] cells)
    {
        var notebook = new Notebook { Metadata = Notebook.PolyglotMetadata() };
        notebook.Cells.AddRange(cells);
        return notebook;
    }

    private static Cell Code(string source, params CellOutput[] outputs)
    {
        var cell = new Cell(CellKind.Code, source, Cell.KernelMetadata("csharp"));
        cell.Outputs.AddRange(outputs);
        return cell;
    }

    private static DataOutput Html(string html, bool result = false) => new(result, [new("text/html", html)]);

    [Theory]
    [InlineData("// timing\nvar t = 1;", true)]
    [InlineData("// timing: ratios vary between runs\nvar t = 1;", true)]
    [InlineData("// timings are elsewhere\nvar t = 1;", false)]
    [InlineData("var t = 1; // timing", false)]
    [InlineData("var t = 1;\n// timing", false)]
    public void A_timing_cell_starts_with_the_marker(string source, bool timing) =>
        Assert.Equal(timing, CellComparison.IsTimingCell(Code(source)));

    [Fact]
    public void Same_outputs_agree_and_execute_result_counts_as_display_data()
    {
        var runner = With(Code("1 + 2", new StreamOutput("stdout", "a\n"), Html("<pre>3</pre>")));
        var kernel = With(Code("1 + 2", new StreamOutput("stdout", "a"), new StreamOutput("stdout", "\n"), Html("<pre>3</pre>", result: true)));

        Assert.Empty(CellComparison.Differences(runner, kernel));
    }

    [Fact]
    public void A_changed_text_is_a_difference_outside_timing_cells_only()
    {
        var runner = With(Code("Console.WriteLine(1.0)", new StreamOutput("stdout", "1.0 s\n")), Code("// timing\nM()", new StreamOutput("stdout", "1.0 s\n")));
        var kernel = With(Code("Console.WriteLine(1.0)", new StreamOutput("stdout", "1.1 s\n")), Code("// timing\nM()", new StreamOutput("stdout", "1.3 s\n")));

        var difference = Assert.Single(CellComparison.Differences(runner, kernel));
        Assert.StartsWith("code cell 1 ", difference, StringComparison.Ordinal);
        Assert.Contains("differs at character 2", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timing_cell_must_still_have_the_same_shape()
    {
        var runner = With(Code("// timing\nM()", new StreamOutput("stdout", "1 s\n")));
        var kernel = With(Code("// timing\nM()", new StreamOutput("stdout", "1 s\n"), Html("<b>x</b>")));

        Assert.Contains("the kernel 2", Assert.Single(CellComparison.Differences(runner, kernel)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_kernels_package_list_is_dropped_only_where_packages_are_referenced()
    {
        var list = Html("<div><strong>Installed Packages</strong><ul><li>MathNet.Numerics</li></ul></div>");
        var runner = With(Code("#r \"nuget: MathNet.Numerics, 5.0.0\""), Code("var x = 1;"));
        var kernel = With(Code("#r \"nuget: MathNet.Numerics, 5.0.0\"", list), Code("var x = 1;", list));

        Assert.StartsWith("code cell 2 ", Assert.Single(CellComparison.Differences(runner, kernel)), StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_and_compiler_warnings_are_reported()
    {
        var notebook = With(
            Code("string? s = null;", new StreamOutput("stderr", "\n(1,7): warning CS8632: The annotation for nullable reference types ...\n\n")),
            Code("Console.Error.WriteLine(\"warning: not a compiler one\")", new StreamOutput("stderr", "warning: not a compiler one\n")),
            Code("throw new Exception()", new ErrorOutput("Error", "System.Exception", [])));

        var problems = CellComparison.ErrorsAndWarnings(notebook, "kernel").ToList();

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("kernel, code cell 1: (1,7): warning CS8632", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("kernel, code cell 3: error", problems[1], StringComparison.Ordinal);
    }
}
