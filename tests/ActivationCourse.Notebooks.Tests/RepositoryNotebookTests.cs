using ActivationCourse.Notebooks.Execution;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Tests;

/// <summary>Every lesson in notebooks/ executes without a failing cell. New notebooks are picked up by themselves.</summary>
public class RepositoryNotebookTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(TestFiles.RepositoryRoot, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task The_notebook_runs_without_errors(string notebook)
    {
        var library = Path.Combine(TestFiles.RepositoryRoot, "artifacts", "bin", "ActivationCourse.Lib", "release", "ActivationCourse.Lib.dll");
        Assert.True(File.Exists(library), $"The notebooks load {library}; build it first with `dotnet build -c Release` (or run `dotnet test -c Release`).");

        var result = await new NotebookRunner().RunAsync(Path.Combine(TestFiles.RepositoryRoot, "notebooks", notebook));

        var details = result.Executed.Cells.SelectMany(c => c.Outputs).OfType<ErrorOutput>().SelectMany(e => e.Traceback);
        Assert.True(result.Succeeded, $"{result.FailureMessage}\n{string.Join("\n", details)}");
    }
}
