namespace ActivationCourse.Notebooks;

/// <summary>Finds the repository: the nearest folder, walking up, that holds <c>ActivationCourse.sln</c>.</summary>
public static class RepositoryRoot
{
    /// <summary>The solution file that marks the repository root.</summary>
    public const string MarkerFile = "ActivationCourse.sln";

    /// <summary>The repository root above <paramref name="start"/> (default: the current directory), or null.</summary>
    public static string? TryFind(string? start = null)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start ?? Environment.CurrentDirectory)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, MarkerFile)))
                return dir.FullName;
        }
        return null;
    }

    /// <summary>The repository root, or an exception saying to run from inside the repository.</summary>
    public static string Find(string? start = null) =>
        TryFind(start) ?? throw new InvalidOperationException(
            $"Could not find {MarkerFile} in {Path.GetFullPath(start ?? Environment.CurrentDirectory)} or any folder above it; run the command from inside the repository.");
}
