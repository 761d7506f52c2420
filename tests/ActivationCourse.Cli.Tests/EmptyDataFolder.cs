namespace ActivationCourse.Cli.Tests;

/// <summary>
/// A temporary folder, empty at first, that the child <c>course</c> process sees as its data folder
/// (through <see cref="ActivationCourse.Data.Mnist.DataEnvironmentVariable"/>); deleted when disposed.
/// </summary>
internal sealed class EmptyDataFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("activationcourse-cli-").FullName;

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        [ActivationCourse.Data.Mnist.DataEnvironmentVariable] = Path,
    };

    public bool IsStillEmpty => !Directory.EnumerateFileSystemEntries(Path).Any();

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
