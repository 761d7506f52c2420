using ActivationCourse.Notebooks.Execution;
using ActivationCourse.Notebooks.IO;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Tests;

public class OutputFileTests
{
    [Fact]
    public async Task Running_an_unchanged_notebook_twice_gives_identical_bytes()
    {
        using var temp = TestFiles.Stage("references.ipynb", "runtime-error.dib");
        foreach (var name in new[] { "references.ipynb", "runtime-error.dib" })
        {
            var source = Path.Combine(temp.Path, "notebooks", name);
            var first = NotebookWriter.ToJson((await new NotebookRunner().RunAsync(source)).Executed);
            var second = NotebookWriter.ToJson((await new NotebookRunner().RunAsync(source)).Executed);

            Assert.Equal(first, second);
            Assert.EndsWith("}\n", first);
            Assert.DoesNotContain("\r", first);
            Assert.DoesNotContain(temp.Path, first);
            Assert.DoesNotContain(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + "/", first);
        }
    }

    [Fact]
    public async Task An_executed_notebook_written_and_read_back_is_unchanged()
    {
        using var temp = TestFiles.Stage("references.ipynb");
        var result = await new NotebookRunner().RunAsync(Path.Combine(temp.Path, "notebooks", "references.ipynb"));
        var json = NotebookWriter.ToJson(result.Executed);

        var reread = NotebookReader.ParseIpynb(json);

        Assert.Equal(json, NotebookWriter.ToJson(reread));
        Assert.Equal(result.Executed.Cells.Select(c => c.ExecutionCount), reread.Cells.Select(c => c.ExecutionCount));
        Assert.DoesNotContain("\"output_type\": \"execute_result\"", json); // VS Code saves values as display_data
        Assert.Contains("\"output_type\": \"display_data\"", json);
        Assert.Contains("\"text/html\"", json);
    }

    [Fact]
    public void Metadata_is_kept_as_given()
    {
        var text = File.ReadAllText(TestFiles.PathOf("references.ipynb"));

        var notebook = NotebookReader.ParseIpynb(text);

        Assert.Equal("csharp", notebook.DefaultKernel);
        Assert.Equal(text, NotebookWriter.ToJson(notebook));
    }

    [Fact]
    public void A_dib_becomes_a_polyglot_ipynb()
    {
        var notebook = NotebookReader.Load(TestFiles.PathOf("basics.dib"));

        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code, CellKind.Code], notebook.Cells.Select(c => c.Kind));
        Assert.All(notebook.Cells.Skip(1), c => Assert.Equal("csharp", c.KernelName));
        Assert.Equal("x + 2", notebook.Cells[2].Source);
        var json = NotebookWriter.ToJson(notebook);
        Assert.Contains("\".net-csharp\"", json);
        Assert.Contains("\"defaultKernelName\": \"csharp\"", json);
    }
}
