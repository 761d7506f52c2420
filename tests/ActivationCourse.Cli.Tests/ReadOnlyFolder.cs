using System.Diagnostics;

namespace ActivationCourse.Cli.Tests;

/// <summary>
/// Makes a folder read-only for this process: permissions 0555, and where the process runs as root (which ignores
/// permissions) the immutable attribute (<c>chattr +i</c>). <see cref="Reason"/> says why it could not, if it could not.
/// </summary>
internal sealed class ReadOnlyFolder : IDisposable
{
    private readonly string _path;
    private bool _immutable;

    public ReadOnlyFolder(string path)
    {
        _path = path;
        if (OperatingSystem.IsWindows())
        {
            Reason = "read-only folders are a POSIX permission test";
            return;
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (CanWrite())
        {
            _immutable = Run("chattr", "+i", path);
            if (!_immutable || CanWrite())
            {
                Reason = "this process writes through read-only permissions (root) and `chattr +i` is not available here";
            }
        }
    }

    /// <summary>Why the folder could not be made read-only, or null if it is.</summary>
    public string? Reason { get; }

    public void Dispose()
    {
        if (_immutable)
        {
            Run("chattr", "-i", _path);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private bool CanWrite()
    {
        string probe = Path.Combine(_path, ".probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool Run(string tool, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>A test that needs <see cref="ReadOnlyFolder"/>: skipped, with the reason, where no folder can be made read-only.</summary>
internal sealed class ReadOnlyFolderFactAttribute : FactAttribute
{
    public ReadOnlyFolderFactAttribute()
    {
        string probe = Directory.CreateTempSubdirectory("ac-readonly-probe-").FullName;
        try
        {
            using var folder = new ReadOnlyFolder(probe);
            if (folder.Reason is { } reason)
            {
                Skip = "Cannot make a read-only folder: " + reason;
            }
        }
        finally
        {
            Directory.Delete(probe, recursive: true);
        }
    }
}
