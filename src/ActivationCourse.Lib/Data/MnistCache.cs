using System.Globalization;
using System.Security.Cryptography;

namespace ActivationCourse.Data;

/// <summary>
/// The folder of verified raw MNIST files. Files enter it only through <see cref="Install"/>, which
/// writes to a temporary file in the same folder, checks the SHA-256 and only then moves the file into
/// place, so the cache never holds a half-written or unverified file under a final name.
/// </summary>
/// <remarks>
/// Every check hashes the files' content (about 55 MB, a few hundredths of a second with the CPU's SHA
/// instructions): a file's size and modification time say nothing about its bytes, and a corrupted
/// labels file with the original size and time must not reach training.
/// </remarks>
public static class MnistCache
{
    private const int BufferSize = 1 << 20;

    /// <summary>Checks each of the expected files in <paramref name="directory"/> by hashing its content.</summary>
    /// <param name="directory">The cache folder.</param>
    /// <param name="expectedSha256">Expected hashes by file name; default <see cref="MnistFiles.PinnedSha256"/>.</param>
    /// <returns>One status per expected file, in the order of <see cref="MnistFiles.All"/>; <see cref="MnistFileStatus.Problem"/> says what is wrong with a file that is not verified.</returns>
    public static IReadOnlyList<MnistFileStatus> Inspect(string directory, IReadOnlyDictionary<string, string>? expectedSha256 = null)
    {
        expectedSha256 ??= MnistFiles.PinnedSha256;
        var statuses = new List<MnistFileStatus>(expectedSha256.Count);
        foreach ((string name, string expected) in expectedSha256.OrderBy(p => OrderOf(p.Key)))
        {
            string path = Path.Combine(directory, name);
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                statuses.Add(new MnistFileStatus(name, path, false, 0, expected, false, "missing"));
                continue;
            }

            string actual;
            try
            {
                actual = HashFile(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                statuses.Add(new MnistFileStatus(name, path, true, info.Length, expected, false, $"unreadable ({e.Message})"));
                continue;
            }

            bool ok = string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);
            statuses.Add(new MnistFileStatus(name, path, true, info.Length, expected, ok, ok ? null : Describe(path, info.Length, expected, actual)));
        }

        return statuses;
    }

    /// <summary>Why a file's hash differs: cut short or too long by its IDX header, not an IDX file, or changed content.</summary>
    private static string Describe(string path, long length, string expected, string actual)
    {
        string hashes = $"SHA-256 {actual[..16]}…, expected {expected[..16]}…";
        try
        {
            if (IdxFile.HeaderProblem(path, out long announced) is { } problem)
            {
                return $"not a valid IDX file: {problem} ({hashes})";
            }

            if (length < announced)
            {
                return $"truncated: {length:N0} bytes, its header announces {announced:N0} ({hashes})";
            }

            if (length > announced)
            {
                return $"too long: {length:N0} bytes, its header announces {announced:N0} ({hashes})";
            }

            return $"corrupted: the size is right but the content differs ({hashes})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"unreadable ({e.Message})";
        }
    }

    /// <summary>
    /// Copies <paramref name="content"/> into the cache as <paramref name="name"/>: into a temporary
    /// file in the same folder first, then, only if its SHA-256 equals <paramref name="expectedSha256"/>,
    /// moved over the final path. On any failure the temporary file is deleted and nothing else changes.
    /// </summary>
    /// <param name="directory">The cache folder (created if needed).</param>
    /// <param name="name">The final file name.</param>
    /// <param name="content">The raw (already decompressed) file content.</param>
    /// <param name="expectedSha256">The expected hash, hex.</param>
    /// <param name="source">Where the content comes from, for messages.</param>
    /// <param name="expectedLength">The content length if known, for progress.</param>
    /// <param name="progress">Receives progress lines.</param>
    /// <returns>The full path of the installed file.</returns>
    /// <exception cref="MnistDataException">The hash does not match.</exception>
    public static string Install(string directory, string name, Stream content, string expectedSha256, string source,
        long? expectedLength = null, IProgress<string>? progress = null)
    {
        Directory.CreateDirectory(directory);
        string finalPath = Path.Combine(directory, name);
        string tempPath = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            string actual;
            long written = 0;
            using (var output = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[BufferSize];
                long nextReport = 0;
                int read;
                while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
                {
                    output.Write(buffer, 0, read);
                    hash.AppendData(buffer, 0, read);
                    written += read;
                    if (progress is not null && written >= nextReport)
                    {
                        progress.Report(expectedLength is > 0
                            ? $"{name}: {100.0 * written / expectedLength.Value:F0}% of {FormatSize(expectedLength.Value)}"
                            : $"{name}: {FormatSize(written)}");
                        nextReport = written + (expectedLength is > 0 ? Math.Max(expectedLength.Value / 10, BufferSize) : 8L * BufferSize);
                    }
                }

                actual = Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
                // On disk before the rename, so a crash cannot leave the final name pointing at unwritten blocks.
                output.Flush(flushToDisk: true);
            }

            if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new MnistDataException(
                    $"{name}: checksum mismatch for the file from {source}: SHA-256 is {actual}, expected {expectedSha256} "
                    + $"({FormatSize(written)} received). The file is corrupt or not the original MNIST release; nothing was cached. "
                    + "Fetch it again or from another source (`course data fetch --force`, `--from DIR`, `--mirror URL`).",
                    name);
            }

            File.Move(tempPath, finalPath, overwrite: true);
            var info = new FileInfo(finalPath);
            progress?.Report($"{name}: verified ({FormatSize(info.Length)}, SHA-256 {expectedSha256[..12]}…)");
            return finalPath;
        }
        finally
        {
            if (File.Exists(tempPath))
            {
                TryDelete(tempPath);
            }
        }
    }

    /// <summary>The SHA-256 of a file, lower-case hex.</summary>
    public static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.SequentialScan);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    /// <summary>A byte count as text: <c>47.0 MB</c>, <c>9.8 kB</c>, <c>12 B</c>.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1_000_000 => (bytes / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " MB",
        >= 1_000 => (bytes / 1e3).ToString("F1", CultureInfo.InvariantCulture) + " kB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    private static int OrderOf(string name)
    {
        int index = MnistFiles.All.ToList().IndexOf(name);
        return index < 0 ? int.MaxValue : index;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leftover temporary files are harmless: their names never collide with the final ones.
        }
    }
}
