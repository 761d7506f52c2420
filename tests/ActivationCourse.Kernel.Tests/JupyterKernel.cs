using ActivationCourse.Notebooks.IO;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Kernel.Tests;

/// <summary>
/// Executes a notebook in the real .NET Interactive kernel the way a learner's Jupyter does:
/// <c>jupyter nbconvert --execute</c> with the <c>.net-csharp</c> kernelspec, in the notebook's own folder.
/// </summary>
internal static class JupyterKernel
{
    public static async Task<Notebook> ExecuteAsync(string notebookPath, string outputFolder, TimeSpan timeout)
    {
        var name = Path.GetFileNameWithoutExtension(notebookPath) + ".kernel";
        var info = ChildProcess.Start("jupyter", Path.GetDirectoryName(notebookPath)!,
            "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
            "--ExecutePreprocessor.kernel_name=.net-csharp",
            $"--ExecutePreprocessor.timeout={(int)timeout.TotalSeconds}",
            "--output-dir", outputFolder, "--output", name, notebookPath);
        var (exit, output) = await ChildProcess.RunAsync(info, timeout + TimeSpan.FromMinutes(2));
        var written = Path.Combine(outputFolder, name + ".ipynb");
        if (exit != 0 || !File.Exists(written))
            throw new InvalidOperationException($"jupyter nbconvert failed on {notebookPath} (exit {exit}):\n{output}");
        return NotebookReader.Load(written);
    }
}
