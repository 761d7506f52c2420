namespace ActivationCourse.Kernel.Tests;

/// <summary>
/// What the real-kernel tests need on the machine: Jupyter (Debian's jupyter-nbconvert, python3-nbclient,
/// jupyter-client, jupyter-notebook), the pinned .NET Interactive tool registered as the <c>.net-csharp</c> kernel,
/// and Chromium. <c>scripts/test.sh</c> installs all of them; a missing one fails the test with one line saying so.
/// </summary>
internal static class Prerequisites
{
    public const string KernelVersion = "1.0.712001";

    public const string Chromium = "/usr/bin/chromium";

    public static string RepositoryRoot { get; } = Notebooks.RepositoryRoot.Find(AppContext.BaseDirectory);

    /// <summary>Global .NET tools live here; the kernelspec runs <c>dotnet interactive</c>, which needs it on PATH.</summary>
    public static string ToolsFolder { get; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");

    /// <summary>Null when Jupyter and the registered kernel are there, else one line saying what to install.</summary>
    public static string? MissingKernel()
    {
        if (FindOnPath("jupyter-nbconvert") is null || FindOnPath("jupyter-notebook") is null)
            return "Jupyter is missing: run scripts/test.sh, or apt-get install jupyter-nbconvert python3-nbclient jupyter-client jupyter-notebook.";
        if (!File.Exists(Path.Combine(ToolsFolder, "dotnet-interactive")) && FindOnPath("dotnet-interactive") is null)
            return $"The .NET Interactive kernel is missing: run scripts/test.sh, or dotnet tool install -g Microsoft.dotnet-interactive --version {KernelVersion} && dotnet interactive jupyter install.";
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] specs = [Path.Combine(home, ".local", "share", "jupyter", "kernels", ".net-csharp"), "/usr/local/share/jupyter/kernels/.net-csharp", "/usr/share/jupyter/kernels/.net-csharp"];
        if (!specs.Any(Directory.Exists))
            return "The .net-csharp Jupyter kernel is not registered: run scripts/test.sh, or dotnet interactive jupyter install.";
        return null;
    }

    /// <summary>PATH for child processes: the global tools folder first, so the kernelspec finds <c>dotnet interactive</c>.</summary>
    public static string ChildPath => ToolsFolder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
}
