namespace ActivationCourse.Data;

/// <summary>The state of one cached MNIST file.</summary>
/// <param name="Name">The file name, e.g. <c>train-images-idx3-ubyte</c>.</param>
/// <param name="Path">Its full path in the cache.</param>
/// <param name="Exists">Whether the file is there.</param>
/// <param name="Length">Its size in bytes (0 when missing).</param>
/// <param name="Sha256">The expected SHA-256 (hex), matched when <paramref name="Verified"/>.</param>
/// <param name="Verified">Whether its SHA-256 matches the expected hash.</param>
/// <param name="Problem">What is wrong, when not verified.</param>
public sealed record MnistFileStatus(string Name, string Path, bool Exists, long Length, string Sha256, bool Verified, string? Problem);
