using System.Diagnostics;

namespace ActivationCourse.Cli.Tests;

/// <summary>What one run of <c>course</c> printed, and how it ended.</summary>
internal sealed record CourseRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

/// <summary>
/// Runs the built <c>course</c> command in a child process, with its output redirected (as in CI): the one helper that
/// starts <c>course.dll</c> in the tests (linked into the Notebooks tests too).
/// </summary>
internal static class CourseProcess
{
    /// <summary>The built <c>course.dll</c> next to the tests.</summary>
    public static string CourseDll { get; } = Path.Combine(AppContext.BaseDirectory, "course.dll");

    /// <summary><c>dotnet course.dll args</c> with both streams redirected and the given variables set.</summary>
    private static ProcessStartInfo StartInfo(string[] args, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(CourseDll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    public static CourseRun Run(TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunIn(null, timeout, environment, args);

    /// <summary>
    /// <c>dotnet course.dll args</c> in <paramref name="workingDirectory"/> (null: this process's), both streams
    /// redirected; the timeout guards against hangs only.
    /// </summary>
    public static CourseRun RunIn(string? workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        Assert.True(File.Exists(CourseDll), $"course.dll is missing next to the tests: {CourseDll}");
        using var process = Process.Start(StartInfo(args, environment, workingDirectory))!;
        // Read both streams concurrently so that neither pipe fills up and blocks the child.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"course {string.Join(' ', args)} did not finish within {timeout.TotalSeconds} s");
        }

        return new CourseRun(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>
    /// Runs <c>course</c> until a line of its stdout satisfies <paramref name="stop"/>, then stops it; returns stdout so far
    /// and the child's peak working set at that moment.
    /// </summary>
    public static (string Output, long PeakWorkingSet) RunUntil(TimeSpan timeout, Func<string, bool> stop, params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var error = process.StandardError.ReadToEndAsync();
        var output = new System.Text.StringBuilder();
        var deadline = Stopwatch.StartNew();
        try
        {
            while (process.StandardOutput.ReadLineAsync().WaitAsync(timeout - deadline.Elapsed).GetAwaiter().GetResult() is { } line)
            {
                output.AppendLine(line);
                if (stop(line))
                {
                    process.Refresh();
                    return (output.ToString(), process.PeakWorkingSet64);
                }
            }
        }
        catch (TimeoutException)
        {
            Assert.Fail($"course {string.Join(' ', args)} printed no stopping line within {timeout.TotalSeconds} s:\n{output}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.Fail($"course {string.Join(' ', args)} ended before the stopping line:\n{output}\n{error.Result}");
        return default;
    }

    /// <summary>Runs <c>course</c> to the end, calling <paramref name="onLine"/> for each stdout line as it arrives.</summary>
    public static CourseRun RunWatching(TimeSpan timeout, Action<string> onLine, params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var error = process.StandardError.ReadToEndAsync();
        var output = new System.Text.StringBuilder();
        var reader = Task.Run(() =>
        {
            while (process.StandardOutput.ReadLine() is { } line)
            {
                output.AppendLine(line);
                onLine(line);
            }
        });
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"course {string.Join(' ', args)} did not finish within {timeout.TotalSeconds} s");
        }

        reader.GetAwaiter().GetResult();
        return new CourseRun(process.ExitCode, output.ToString(), error.Result);
    }

    // The test host normally runs under the dotnet muxer; use the same one, else the one on PATH.
    public static string DotnetHost()
    {
        string? self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
