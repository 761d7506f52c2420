using System.Diagnostics;

namespace ActivationCourse.Notebooks.Site;

/// <summary>
/// Puts the Activation Explorer (src/ActivationCourse.Explorer, Blazor WebAssembly) into the course site:
/// <c>dotnet publish</c> in Release, then its static files into <c>site/explorer/</c>. The explorer's page loads
/// KaTeX from the site's <c>assets/</c>, so it belongs next to a built site.
/// </summary>
public static class ExplorerSite
{
    /// <summary>The explorer's project, relative to the repository root.</summary>
    public static readonly string Project = Path.Combine("src", "ActivationCourse.Explorer", "ActivationCourse.Explorer.csproj");

    /// <summary>The folder of the site the explorer goes in.</summary>
    public const string Folder = "explorer";

    /// <summary>Publishes the explorer and copies it to <paramref name="siteFolder"/>/explorer; returns that folder.</summary>
    /// <param name="repositoryRoot">The repository (holds the project).</param>
    /// <param name="siteFolder">The site folder (artifacts/site).</param>
    /// <param name="publishFolder">Where <c>dotnet publish</c> writes (artifacts/explorer).</param>
    /// <exception cref="InvalidOperationException">The publish failed; the message holds its output.</exception>
    public static string Publish(string repositoryRoot, string siteFolder, string publishFolder)
    {
        var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(repositoryRoot, Project), "-c", "Release", "-o", publishFolder, "--nologo", "-v", "quiet"])
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the explorer failed (exit code {process.ExitCode}):\n{output.Result}{error.Result}".TrimEnd());
        }
        return CopyInto(Path.Combine(publishFolder, "wwwroot"), siteFolder);
    }

    /// <summary>Replaces <paramref name="siteFolder"/>/explorer with the files of a published wwwroot folder.</summary>
    public static string CopyInto(string publishedWwwroot, string siteFolder)
    {
        if (!File.Exists(Path.Combine(publishedWwwroot, "index.html")))
        {
            throw new InvalidOperationException($"{publishedWwwroot} has no index.html: is it the explorer's published wwwroot?");
        }
        string target = Path.Combine(siteFolder, Folder);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }
        foreach (var file in Directory.EnumerateFiles(publishedWwwroot, "*", SearchOption.AllDirectories))
        {
            string destination = Path.Combine(target, Path.GetRelativePath(publishedWwwroot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
