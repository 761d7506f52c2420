using ActivationCourse.Notebooks.Model;
using ActivationCourse.Notebooks.Student;

namespace ActivationCourse.Notebooks.Tests;

/// <summary>Malformed solution markers stop the student generator with the line, instead of leaking the solution.</summary>
public class SolutionMarkerTests
{
    [Theory]
    [InlineData("x = 1;\n// END SOLUTION\n", 2, "END SOLUTION without a BEGIN SOLUTION")]
    [InlineData("// BEGIN SOLUTION\nx = 1;\n// BEGIN SOLUTION\ny = 2;\n// END SOLUTION\n", 3, "inside the block opened at line 1")]
    [InlineData("double x = 0;\n// BEGIN SOLUTION\nx = 1;\n", 2, "never closed")]
    [InlineData("// BEGIN SOLUTION: part 1\nx = 1;\n// END SOLUTION\n", 1, "looks like a solution marker")]
    [InlineData("//  BEGIN SOLUTION\nx = 1;\n// END SOLUTION\n", 1, "looks like a solution marker")]
    [InlineData("// BEGIN  SOLUTION\nx = 1;\n// END SOLUTION\n", 1, "looks like a solution marker")]
    [InlineData("// BEGIN SOLUTION \nx = 1;\n// END SOLUTION\n", 1, "looks like a solution marker")]
    [InlineData("//BEGIN SOLUTION\nx = 1;\n//END SOLUTION\n", 1, "looks like a solution marker")]
    [InlineData("// begin solution\nx = 1;\n// end solution\n", 1, "looks like a solution marker")]
    [InlineData("// BEGIN SOLUTION\nx = 1; // END SOLUTION\n", 2, "looks like a solution marker")]
    [InlineData("/* BEGIN SOLUTION */\nx = 1;\n", 1, "looks like a solution marker")]
    public void A_malformed_marker_names_its_line(string source, int line, string problem)
    {
        var e = Assert.Throws<SolutionMarkerException>(() => StudentCopy.RemoveSolutions(source));

        Assert.Equal($"line {line}", e.Where);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Indented_markers_and_windows_line_ends_are_fine()
    {
        var source = "if (a)\n{\n    // BEGIN SOLUTION\r\n    x = 1;\n    // END SOLUTION\r\n}";

        Assert.Equal("if (a)\n{\n    // Your code here\n}", StudentCopy.RemoveSolutions(source));
    }

    [Fact]
    public void A_notebook_names_the_cell_and_the_line()
    {
        var notebook = new Notebook();
        notebook.Cells.Add(new Cell(CellKind.Markdown, "// END SOLUTION in prose is not code"));
        notebook.Cells.Add(new Cell(CellKind.Code, "int x = 0;"));
        notebook.Cells.Add(new Cell(CellKind.Code, "int y = 0;\n// BEGIN SOLUTION\ny = 1;"));

        var e = Assert.Throws<SolutionMarkerException>(() => StudentCopy.Create(notebook));

        Assert.Equal("cell 3, line 2: BEGIN SOLUTION is never closed by an END SOLUTION", e.Message);
    }

    [Fact]
    public void A_script_copy_records_its_fingerprint_and_notices_an_edit()
    {
        var copy = StudentCopy.CreateScript("int F()\n{\n    // BEGIN SOLUTION\n    return 42;\n    // END SOLUTION\n    return 0;\n}\n");

        Assert.DoesNotContain("42", copy, StringComparison.Ordinal);
        Assert.True(StudentCopy.IsUnchangedScript(copy));
        Assert.True(StudentCopy.IsUnchangedScript(copy.Replace("\n", "\r\n", StringComparison.Ordinal)));
        Assert.False(StudentCopy.IsUnchangedScript(copy.Replace("// Your code here", "return 7;", StringComparison.Ordinal)));
        Assert.False(StudentCopy.IsUnchangedScript("int F() => 7;\n"));
    }
}
