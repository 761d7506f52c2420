using System.Text.Json.Nodes;
using ActivationCourse.Notebooks.Execution;
using ActivationCourse.Notebooks.IO;

namespace ActivationCourse.Kernel.Tests;

/// <summary>
/// Every lesson (notebooks/*.ipynb, and solutions/*.ipynb when that folder exists) runs in the real .NET Interactive
/// kernel through Jupyter with no error and no compiler warning, and shows, cell by cell, what our runner shows
/// (see <see cref="CellComparison"/>; timing cells start with <c>// timing</c>); a lesson source (solutions/) shows no
/// failing exercise check there (<see cref="ExerciseChecks"/>). New notebooks are picked up by themselves.
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
            // The committed notebook is our runner's output (`course notebooks run --in-place`, `course notebooks student`).
            // Comparing the kernel's fresh run with it also proves the committed outputs are current: a library change
            // that alters an output fails here until the notebooks are re-executed. The kernel runs alone, so the
            // lessons' timing cells measure an unloaded machine.
            var ours = NotebookReader.Load(path);
            var kernel = await JupyterKernel.ExecuteAsync(path, temp.FullName, TimeSpan.FromMinutes(10));

            var problems = CellComparison.ErrorsAndWarnings(kernel, "kernel")
                .Concat(CellComparison.ErrorsAndWarnings(ours, "runner"))
                .Concat(CellComparison.Differences(ours, kernel))
                .ToList();
            // A lesson source passes its own exercise checks in the kernel too (timing cells included).
            if (notebook.StartsWith("solutions/", StringComparison.Ordinal))
                problems.AddRange(ExerciseChecks.Failing(kernel).Select(p => "kernel, " + p));
            Assert.True(problems.Count == 0, $"{notebook}: {problems.Count} problems\n" + string.Join("\n", problems));

            // What `course notebooks run --in-place` commits is what VS Code saves.
            var saved = JsonNode.Parse(NotebookWriter.ToJson(ours))!;
            Assert.Equal("polyglot-notebook", (string?)saved["metadata"]!["language_info"]!["name"]);
            Assert.DoesNotContain("\"execute_result\"", saved.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }
}
