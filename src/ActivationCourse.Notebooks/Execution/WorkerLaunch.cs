using System.Reflection;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>How to start a notebook worker process: an executable and the arguments before <c>--pipe NAME</c>.</summary>
/// <param name="FileName">The executable (the <c>course</c> apphost, or <c>dotnet</c>).</param>
/// <param name="Arguments">The arguments that make it a worker (for <c>course</c>: the DLL when run by <c>dotnet</c>, then <c>notebooks worker</c>).</param>
/// <param name="Environment">
/// Variables set (or, with a null value, removed) in the worker's environment on top of this process's, for example
/// <c>DOTNET_EnableAVX=0</c> or <c>LC_ALL=de_DE.UTF-8</c> to run a notebook as on another machine; null for none.
/// </param>
public sealed record WorkerLaunch(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string?>? Environment = null)
{
    /// <summary>This program again (the same executable, or the same DLL under <c>dotnet</c>) with the given arguments.</summary>
    public static WorkerLaunch ThisProgram(params string[] arguments)
    {
        var process = System.Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown, so no notebook worker can be started.");
        if (Path.GetFileNameWithoutExtension(process) != "dotnet")
            return new WorkerLaunch(process, arguments);
        var entry = Assembly.GetEntryAssembly()?.Location;
        if (string.IsNullOrEmpty(entry))
            throw new InvalidOperationException("This program runs under dotnet without an entry assembly, so no notebook worker can be started.");
        return new WorkerLaunch(process, [entry, .. arguments]);
    }
}
