namespace ActivationCourse.Cli.Files;

/// <summary>Output files of the commands: checked before long work starts, and written so that a failure never leaves half a file.</summary>
internal static class OutputFile
{
    /// <summary>
    /// Makes sure <paramref name="path"/> can be written now, by creating and deleting a probe file next to it,
    /// and returns its full path. Throws an <see cref="ArgumentException"/> naming <paramref name="option"/> and the reason otherwise.
    /// </summary>
    public static string CheckWritable(string path, string option)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new ArgumentException($"{option} {path}: this is a folder; name the file to write, e.g. {Path.Combine(path, "model.bin")}.");
        }

        string folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new ArgumentException($"{option} {path}: the folder {folder} does not exist. Create it first or choose another path.");
        }

        if (File.Exists(full) && File.GetAttributes(full).HasFlag(FileAttributes.ReadOnly))
        {
            throw new ArgumentException($"{option} {path}: the file exists and is read-only.");
        }

        string probe = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.probe");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{option} {path}: cannot write in {folder} ({e.Message}).");
        }

        return full;
    }

    /// <summary>
    /// Writes <paramref name="path"/> through a temporary file in the same folder, flushed to disk and then renamed over the
    /// target, so the target holds either its old content or the complete new one. The temporary file is removed on failure.
    /// </summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
