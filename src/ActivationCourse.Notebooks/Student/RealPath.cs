namespace ActivationCourse.Notebooks.Student;

/// <summary>
/// Where a path really leads: absolute, <c>..</c> removed and every symbolic link along it followed (the final
/// component too), so that two paths to the same file compare equal. Parts that do not exist yet are kept as given.
/// </summary>
public static class RealPath
{
    private const int MaxLinks = 40;

    /// <summary>The resolved path of <paramref name="path"/>.</summary>
    /// <exception cref="IOException">A cycle of links, or more than 40 links along the path.</exception>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = root;
        int links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
                continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)   // a link, even one whose target is missing
            {
                if (++links > MaxLinks)
                    throw new IOException($"{path}: too many symbolic links (a cycle?)");
                var targetPath = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                var resolved = Path.GetFullPath(targetPath);
                var resolvedRoot = Path.GetPathRoot(resolved)!;
                foreach (var piece in resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
                    pending.Push(piece);
                current = resolvedRoot;
                continue;
            }
            current = next;
        }
        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or inside it (both already resolved).</summary>
    public static bool IsInside(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var trimmed = folder.TrimEnd(Path.DirectorySeparatorChar);
        return path.Equals(trimmed, comparison) || path.StartsWith(trimmed + Path.DirectorySeparatorChar, comparison);
    }
}
