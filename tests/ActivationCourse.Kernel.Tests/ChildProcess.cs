using System.Diagnostics;
using System.Text;

namespace ActivationCourse.Kernel.Tests;

/// <summary>Starts Jupyter commands with an environment fit for the kernel (no MSBuild variables leaked from <c>dotnet test</c>).</summary>
internal static class ChildProcess
{
    public static ProcessStartInfo Start(string file, string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
            info.ArgumentList.Add(a);
        // The test host runs under MSBuild's environment; the kernel restores NuGet packages with its own SDK calls.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBUILD", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(key);
        info.Environment["PATH"] = Prerequisites.ChildPath;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        return info;
    }

    /// <summary>Runs to the end (or kills it after <paramref name="timeout"/>); returns the exit code and both streams.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo info, TimeSpan timeout)
    {
        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{info.FileName} did not finish within {timeout.TotalMinutes:0} min");
        }
        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }
}
