using System.Runtime.InteropServices;
using System.Text;

namespace ActivationCourse.IO;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new one, never a part: the new
/// content goes to a temporary file in the same folder, is flushed to disk, then renamed over the target.
/// If anything fails (a full disk, a read-only target), the temporary file is removed and the target is untouched.
/// </summary>
/// <remarks>
/// <para>
/// Writes go where the path points, or nowhere: a symbolic link is followed (to its final target, which is
/// replaced; the link stays a link), and anything that exists but is not a regular file (a directory, a device,
/// a pipe, a socket) is refused before anything is written. A replaced file keeps its permissions.
/// </para>
/// <para>
/// One source file shared by the library (for its data cache and models), the notebook runner and the command
/// line (linked into ActivationCourse.Notebooks and ActivationCourse.Cli), internal in each, so none exposes it as API.
/// </para>
/// </remarks>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    public static void WriteAllText(string path, string text) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true);
        writer.Write(text);
    });

    /// <summary>Writes <paramref name="bytes"/>.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes, 0, bytes.Length));

    /// <summary>Creates the new content with <paramref name="write"/>, then puts it in place of the file <paramref name="path"/> names.</summary>
    /// <exception cref="UnauthorizedAccessException">The target exists and is read-only (it is not replaced).</exception>
    /// <exception cref="IOException">
    /// The path names something other than a regular file, or writing failed (the message names the file); the target is unchanged.
    /// </exception>
    public static void Write(string path, Action<Stream> write)
    {
        var target = ResolveTarget(path);
        var folder = Path.GetDirectoryName(target)!;
        // A rename replaces a read-only file as long as its folder is writable, so honor the attribute explicitly.
        if (File.Exists(target) && File.GetAttributes(target).HasFlag(FileAttributes.ReadOnly))
            throw new UnauthorizedAccessException($"{Named(path, target)} is read-only; it was left unchanged");
        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            KeepMode(target, temp);
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            // Name the file the caller asked for, not the temporary one.
            throw new IOException($"could not write {Named(path, target)}: {e.Message.Replace(temp, target, StringComparison.Ordinal)}", e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// The full path of the file a write to <paramref name="path"/> replaces: symbolic links followed to their
    /// final target (which may not exist yet).
    /// </summary>
    /// <exception cref="IOException">
    /// The path names a directory, a device, a pipe or a socket, or a link that cannot be resolved (a loop); the message names it.
    /// </exception>
    public static string ResolveTarget(string path)
    {
        var full = Path.GetFullPath(path);
        string target;
        try
        {
            target = new FileInfo(full).LinkTarget is null ? full : File.ResolveLinkTarget(full, returnFinalTarget: true)!.FullName;
        }
        catch (IOException e)
        {
            throw new IOException($"refusing to write {full}: its symbolic link cannot be followed ({e.Message}); nothing was written", e);
        }
        var kind = FileKind.Of(target);
        if (kind is not (FileKind.Missing or FileKind.Regular))
            throw new IOException($"refusing to write {Named(full, target)}: it is {FileKind.Describe(kind)}, not a regular file; nothing was written");
        return target;
    }

    private static string Named(string path, string target)
    {
        var full = Path.GetFullPath(path);
        return full == target ? target : $"{full} (a link to {target})";
    }

    private static void KeepMode(string target, string temp)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(target))
            File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary file has a name no reader looks for.
        }
    }

    /// <summary>What a path names: the Unix file type bits (S_IFMT), or <see cref="Missing"/>.</summary>
    private static class FileKind
    {
        public const int Missing = 0, Regular = 0x8000, Directory = 0x4000, CharacterDevice = 0x2000,
            BlockDevice = 0x6000, Pipe = 0x1000, Socket = 0xC000, Other = -1;

        /// <summary>The kind of file at <paramref name="path"/> (after symbolic links): one of the constants above.</summary>
        public static int Of(string path)
        {
            if (System.IO.Directory.Exists(path))
                return Directory;
            if (!File.Exists(path))
                return Missing;
            if (OperatingSystem.IsWindows())
                return Regular;
            // .NET's FileAttributes do not tell a device or a pipe from a regular file; the runtime's own native
            // shim does, with the same S_IFMT values on every Unix (its FileStatus starts with Flags, then Mode).
            return Stat(path, out var status) == 0 ? status.Mode & 0xF000 : Other;
        }

        public static string Describe(int kind) => kind switch
        {
            Directory => "a directory",
            CharacterDevice => "a character device",
            BlockDevice => "a block device",
            Pipe => "a named pipe",
            Socket => "a socket",
            _ => "not a regular file",
        };

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out Status status);

        /// <summary>The start of the runtime's FileStatus; the size leaves room for the fields that follow.</summary>
        [StructLayout(LayoutKind.Sequential, Size = 256)]
        private struct Status
        {
            public int Flags;
            public int Mode;
        }
    }
}
