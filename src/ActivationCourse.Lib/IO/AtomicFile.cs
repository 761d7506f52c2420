using System.Text;

namespace ActivationCourse.IO;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new one, never a part: the new
/// content goes to a temporary file in the same folder, is flushed to disk, then renamed over the target.
/// If anything fails (a full disk, a read-only target), the temporary file is removed and the target is untouched.
/// </summary>
/// <remarks>
/// One source file shared by the library (for its data cache and models) and the notebook runner (linked into
/// ActivationCourse.Notebooks), internal in each, so neither exposes it as API.
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

    /// <summary>Creates the new content with <paramref name="write"/>, then puts it in place of <paramref name="path"/>.</summary>
    /// <exception cref="UnauthorizedAccessException">The target exists and is read-only (it is not replaced).</exception>
    /// <exception cref="IOException">Writing failed (the message names the file); the target is unchanged.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target)!;
        // A rename replaces a read-only file as long as its folder is writable, so honor the attribute explicitly.
        if (File.Exists(target) && File.GetAttributes(target).HasFlag(FileAttributes.ReadOnly))
            throw new UnauthorizedAccessException($"{target} is read-only; it was left unchanged");
        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            // Name the file the caller asked for, not the temporary one.
            throw new IOException($"could not write {target}: {e.Message.Replace(temp, target, StringComparison.Ordinal)}", e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
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
}
