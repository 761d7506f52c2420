using ActivationCourse.Notebooks.Execution;

namespace ActivationCourse.Notebooks.Tests;

/// <summary>Where the test notebooks are, and a runner with a short timeout for them.</summary>
internal static class TestFiles
{
    public static string RepositoryRoot { get; } = Notebooks.RepositoryRoot.Find(AppContext.BaseDirectory);

    public static string Folder { get; } = Path.Combine(RepositoryRoot, "tests", "ActivationCourse.Notebooks.Tests", "TestNotebooks");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static Task<NotebookRunResult> RunAsync(string name, TimeSpan? timeout = null) =>
        new NotebookRunner(new RunnerOptions { CellTimeout = timeout ?? TimeSpan.FromMinutes(2) }).RunAsync(PathOf(name));

    /// <summary>
    /// A temporary folder with copies of the given test notebooks in <c>notebooks/</c> and the library
    /// (with its dependencies) in <c>lib/</c>, as test notebooks reference it: <c>#r "../lib/ActivationCourse.Lib.dll"</c>.
    /// </summary>
    public static TempFolder Stage(params string[] notebooks)
    {
        var temp = new TempFolder();
        var lib = Directory.CreateDirectory(System.IO.Path.Combine(temp.Path, "lib")).FullName;
        var libFolder = System.IO.Path.GetDirectoryName(typeof(ActivationCourse.Plotting.IHtmlRenderable).Assembly.Location)!;
        foreach (var dll in new[] { "ActivationCourse.Lib.dll", "MathNet.Numerics.dll", "System.Numerics.Tensors.dll" })
        {
            if (File.Exists(System.IO.Path.Combine(libFolder, dll)))
                File.Copy(System.IO.Path.Combine(libFolder, dll), System.IO.Path.Combine(lib, dll));
        }
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(temp.Path, "notebooks")).FullName;
        foreach (var name in notebooks)
            File.Copy(PathOf(name), System.IO.Path.Combine(folder, name));
        return temp;
    }

    /// <summary>A fresh temporary folder, deleted when disposed.</summary>
    public static TempFolder Temp() => new();

    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("activationcourse-tests-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
