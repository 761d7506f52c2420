using System.Diagnostics;
using ActivationCourse.Notebooks.Execution;

namespace ActivationCourse.Notebooks.Tests;

/// <summary>The built <c>course</c> command next to the tests: as a notebook worker, and run as a user runs it.</summary>
internal static class CourseCommand
{
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "course.dll");

    /// <summary>How the isolated runner starts <c>course notebooks worker</c> from the tests.</summary>
    public static WorkerLaunch Worker
    {
        get
        {
            Assert.True(File.Exists(Dll), $"course.dll is missing next to the tests: {Dll}");
            return new WorkerLaunch(DotnetHost(), [Dll, "notebooks", "worker"]);
        }
    }

    /// <summary>Runs <c>course</c> with <paramref name="args"/> in <paramref name="directory"/>; a generous deadline guards against hangs only.</summary>
    public static (int ExitCode, string Output, string Error) Run(string directory, TimeSpan deadline, params string[] args)
    {
        Assert.True(File.Exists(Dll), $"course.dll is missing next to the tests: {Dll}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(deadline))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"course {string.Join(' ', args)} did not finish within {deadline.TotalSeconds} s");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    // The test host normally runs under the dotnet muxer; use the same one, else the one on PATH.
    private static string DotnetHost() =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
}
