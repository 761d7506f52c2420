using ActivationCourse.Notebooks.Execution;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Tests;

/// <summary>
/// Every lesson source in solutions/ and every learner copy in notebooks/ executes without a failing cell. New notebooks
/// are picked up by themselves.
/// </summary>
public class RepositoryNotebookTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "solutions", "notebooks" })
        {
            foreach (var path in Directory.GetFiles(Path.Combine(TestFiles.RepositoryRoot, folder), "*.ipynb").Order(StringComparer.Ordinal))
                data.Add($"{folder}/{Path.GetFileName(path)}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task The_notebook_runs_without_errors(string notebook)
    {
        var library = Path.Combine(TestFiles.RepositoryRoot, "artifacts", "bin", "ActivationCourse.Lib", "release", "ActivationCourse.Lib.dll");
        Assert.True(File.Exists(library), $"The notebooks load {library}; build it first with `dotnet build -c Release` (or run `dotnet test -c Release`).");

        var result = await new NotebookRunner().RunAsync(Path.Combine(TestFiles.RepositoryRoot, notebook));

        var details = result.Executed.Cells.SelectMany(c => c.Outputs).OfType<ErrorOutput>().SelectMany(e => e.Traceback);
        Assert.True(result.Succeeded, $"{result.FailureMessage}\n{string.Join("\n", details)}");
        if (notebook.StartsWith("notebooks/", StringComparison.Ordinal))
        {
            // A learner copy has no solutions, so none of its checks may pass.
            Assert.DoesNotContain(result.Executed.Cells.SelectMany(c => c.Outputs), o => LearnerCopyTests.SaysCorrect(o));
        }
    }
}
