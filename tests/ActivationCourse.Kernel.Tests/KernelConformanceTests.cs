using System.Text.Json.Nodes;
using ActivationCourse.Notebooks.Execution;
using ActivationCourse.Notebooks.IO;

namespace ActivationCourse.Kernel.Tests;

/// <summary>
/// Every lesson (notebooks/*.ipynb, and solutions/*.ipynb when that folder exists) runs in the real .NET Interactive
/// kernel through Jupyter with no error and no compiler warning, and shows, cell by cell, what our runner shows
/// (see <see cref="CellComparison"/>; timing cells start with <c>// timing</c>). New notebooks are picked up by themselves.
/// </summary>
public class KernelConformanceTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "notebooks", "solutions" })
        {
            var path = Path.Combine(Prerequisites.RepositoryRoot, folder);
            if (!Directory.Exists(path))
                continue;
            foreach (var file in Directory.GetFiles(path, "*.ipynb").Order(StringComparer.Ordinal))
                data.Add($"{folder}/{Path.GetFileName(file)}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task The_kernel_and_our_runner_show_the_same(string notebook)
    {
        var missing = Prerequisites.MissingKernel();
        Assert.True(missing is null, missing);
        var path = Path.Combine(Prerequisites.RepositoryRoot, notebook);
        var library = Path.Combine(Prerequisites.RepositoryRoot, "artifacts", "bin", "ActivationCourse.Lib", "release", "ActivationCourse.Lib.dll");
        Assert.True(File.Exists(library), $"The notebooks load {library}; build it first with `dotnet build -c Release`.");
        var temp = Directory.CreateTempSubdirectory("kernel-run-");
        try
        {
            // Both at once: the kernel is another process, so the wall time is about the longer of the two.
            var kernelRun = JupyterKernel.ExecuteAsync(path, temp.FullName, TimeSpan.FromMinutes(10));
            var ours = await new NotebookRunner().RunAsync(path);
            var kernel = await kernelRun;

            var problems = CellComparison.ErrorsAndWarnings(kernel, "kernel")
                .Concat(CellComparison.ErrorsAndWarnings(ours.Executed, "runner"))
                .Concat(CellComparison.Differences(ours.Executed, kernel))
                .ToList();
            Assert.True(problems.Count == 0, $"{notebook}: {problems.Count} problems\n" + string.Join("\n", problems));

            // What `course notebooks run --in-place` commits is what VS Code saves.
            var saved = JsonNode.Parse(NotebookWriter.ToJson(ours.Executed))!;
            Assert.Equal("polyglot-notebook", (string?)saved["metadata"]!["language_info"]!["name"]);
            Assert.DoesNotContain("\"execute_result\"", saved.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }
}
