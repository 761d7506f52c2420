using ActivationCourse.Cli.Tests;
using ActivationCourse.Notebooks.Execution;

namespace ActivationCourse.Notebooks.Tests;

/// <summary>The built <c>course</c> command next to the tests: as a notebook worker, and run as a user runs it.</summary>
internal static class CourseCommand
{
    public static string Dll => CourseProcess.CourseDll;

    /// <summary>How the isolated runner starts <c>course notebooks worker</c> from the tests.</summary>
    public static WorkerLaunch Worker
    {
        get
        {
            Assert.True(File.Exists(Dll), $"course.dll is missing next to the tests: {Dll}");
            return new WorkerLaunch(CourseProcess.DotnetHost(), [Dll, "notebooks", "worker"]);
        }
    }

    /// <summary>Runs <c>course</c> with <paramref name="args"/> in <paramref name="directory"/>; a generous deadline guards against hangs only.</summary>
    public static (int ExitCode, string Output, string Error) Run(string directory, TimeSpan deadline, params string[] args)
    {
        var run = CourseProcess.RunIn(directory, deadline, null, args);
        return (run.ExitCode, run.Output, run.Error);
    }
}
