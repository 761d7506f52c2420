using ActivationCourse.IO;

namespace ActivationCourse.Cli.Files;

/// <summary>Output files of the commands: checked before long work starts (they are then written with <see cref="AtomicFile"/>).</summary>
internal static class OutputFile
{
    /// <summary>
    /// Makes sure <paramref name="path"/> can be written now, by creating and deleting a probe file next to it,
    /// and returns its full path. Throws an <see cref="ArgumentException"/> naming <paramref name="option"/> and the reason otherwise.
    /// </summary>
    public static string CheckWritable(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new ArgumentException($"{option} {path}: this is a folder; name the file to write, e.g. {Path.Combine(path, "model.bin")}.");
        }

        string full;
        try
        {
            full = AtomicFile.ResolveTarget(path);
        }
        catch (IOException e)
        {
            throw new ArgumentException($"{option} {path}: {e.Message}.");
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
}
