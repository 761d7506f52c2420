using ActivationCourse.Notebooks.Execution;
using ActivationCourse.Notebooks.IO;
using ActivationCourse.Notebooks.Model;
using ActivationCourse.Notebooks.Student;

namespace ActivationCourse.Notebooks.Tests;

public class StudentCopyTests
{
    [Fact]
    public void Solution_blocks_become_a_placeholder_line()
    {
        var source = "double answer = double.NaN;\n    // BEGIN SOLUTION\n    answer = 3;\n    // END SOLUTION\nConsole.WriteLine(answer);";

        Assert.Equal("double answer = double.NaN;\n    // Your code here\nConsole.WriteLine(answer);", StudentCopy.RemoveSolutions(source));
    }

    [Fact]
    public async Task The_student_copy_has_no_solution_and_outputs_and_still_runs_to_not_yet()
    {
        using var temp = TestFiles.Stage("exercise.dib");
        var original = await new NotebookRunner().RunAsync(Path.Combine(temp.Path, "notebooks", "exercise.dib"));
        Assert.Equal(new StreamOutput("stdout", "correct\n"), Assert.Single(original.Executed.Cells[2].Outputs));

        var student = StudentCopy.Create(original.Executed);
        var path = Path.Combine(temp.Path, "notebooks", "exercise-student.ipynb");
        NotebookWriter.Save(student, path);

        Assert.All(student.Cells, c => Assert.Empty(c.Outputs));
        Assert.Contains("// Your code here", student.Cells[1].Source);
        Assert.DoesNotContain("answer = 3", student.Cells[1].Source);
        Assert.Equal(original.Executed.Cells[0].Source, student.Cells[0].Source);
        var result = await new NotebookRunner().RunAsync(path);
        Assert.True(result.Succeeded, result.FailureMessage);
        var output = Assert.IsType<StreamOutput>(Assert.Single(result.Executed.Cells[2].Outputs));
        Assert.StartsWith("not yet", output.Text);
    }
}
