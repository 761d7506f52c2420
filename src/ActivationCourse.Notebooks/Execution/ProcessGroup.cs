using System.Runtime.InteropServices;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// A notebook worker leads its own process group (on Linux and macOS), so the processes its cells start belong to it
/// and end with it: the runner signals the whole group, even when the worker itself has already died.
/// </summary>
internal static class ProcessGroup
{
    private const int SigKill = 9;

    /// <summary>Signal names by number (Linux numbering; the common ones agree on macOS).</summary>
    private static readonly Dictionary<int, string> Signals = new()
    {
        [1] = "SIGHUP",
        [2] = "SIGINT",
        [3] = "SIGQUIT",
        [4] = "SIGILL",
        [5] = "SIGTRAP",
        [6] = "SIGABRT",
        [7] = "SIGBUS",
        [8] = "SIGFPE",
        [9] = "SIGKILL",
        [10] = "SIGUSR1",
        [11] = "SIGSEGV",
        [12] = "SIGUSR2",
        [13] = "SIGPIPE",
        [14] = "SIGALRM",
        [15] = "SIGTERM",
        [24] = "SIGXCPU",
        [25] = "SIGXFSZ",
    };

    /// <summary>Makes this process the leader of a new process group (the worker calls it before any cell runs).</summary>
    public static void Lead()
    {
        if (!OperatingSystem.IsWindows())
            _ = SetProcessGroup(0, 0);
    }

    /// <summary>Kills every process of the group <paramref name="leader"/> leads; false when there is no such group (or on Windows).</summary>
    public static bool Kill(int leader) => !OperatingSystem.IsWindows() && SendSignal(-leader, SigKill) == 0;

    /// <summary>
    /// The signal that ended a process, from its exit code as .NET reports it on Linux and macOS (128 + the signal's
    /// number), or null (on Windows, or for an ordinary exit code).
    /// </summary>
    public static string? SignalOf(int exitCode) =>
        !OperatingSystem.IsWindows() && exitCode is > 128 and < 128 + 32
            ? Signals.GetValueOrDefault(exitCode - 128, $"signal {exitCode - 128}")
            : null;

    [DllImport("libc", EntryPoint = "setpgid", SetLastError = true)]
    private static extern int SetProcessGroup(int pid, int pgid);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
