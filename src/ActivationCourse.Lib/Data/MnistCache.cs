using System.Globalization;
using System.Security.Cryptography;

namespace ActivationCourse.Data;

/// <summary>
/// The folder of verified raw MNIST files. Files enter it only through <see cref="Install"/>, which
/// writes to a temporary file in the same folder, checks the SHA-256 and only then moves the file into
/// place, so the cache never holds a half-written or unverified file under a final name.
/// </summary>
/// <remarks>
/// A marker file (<c>.verified</c>) remembers the size, modification time and hash of each verified
/// file, so loading does not hash 55 MB every time; a file whose size or time changed is hashed again.
/// </remarks>
public static class MnistCache
{
    /// <summary>The marker file name inside the cache folder.</summary>
    public const string MarkerFileName = ".verified";

    private const int BufferSize = 1 << 20;

    /// <summary>Checks each of the expected files in <paramref name="directory"/>.</summary>
    /// <param name="directory">The cache folder.</param>
    /// <param name="expectedSha256">Expected hashes by file name; default <see cref="MnistFiles.PinnedSha256"/>.</param>
    /// <param name="trustMarker">Accept a file without hashing when the marker recorded the same size and time.</param>
    public static IReadOnlyList<MnistFileStatus> Inspect(string directory, IReadOnlyDictionary<string, string>? expectedSha256 = null, bool trustMarker = true)
    {
        expectedSha256 ??= MnistFiles.PinnedSha256;
        Dictionary<string, MarkerEntry> marker = trustMarker ? ReadMarker(directory) : [];
        var statuses = new List<MnistFileStatus>(expectedSha256.Count);
        bool markerChanged = false;
        foreach ((string name, string expected) in expectedSha256.OrderBy(p => OrderOf(p.Key)))
        {
            string path = Path.Combine(directory, name);
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                statuses.Add(new MnistFileStatus(name, path, false, 0, expected, false, "missing"));
                continue;
            }

            var entry = new MarkerEntry(info.Length, info.LastWriteTimeUtc.Ticks, expected.ToLowerInvariant());
            if (marker.TryGetValue(name, out MarkerEntry? recorded) && recorded == entry)
            {
                statuses.Add(new MnistFileStatus(name, path, true, info.Length, expected, true, null));
                continue;
            }

            string actual = HashFile(path);
            bool ok = string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);
            statuses.Add(new MnistFileStatus(name, path, true, info.Length, expected, ok,
                ok ? null : $"SHA-256 mismatch: expected {expected}, found {actual}"));
            if (ok)
            {
                marker[name] = entry;
                markerChanged = true;
            }
        }

        if (markerChanged)
        {
            TryWriteMarker(directory, marker);
        }

        return statuses;
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
            Dictionary<string, MarkerEntry> marker = ReadMarker(directory);
            marker[name] = new MarkerEntry(info.Length, info.LastWriteTimeUtc.Ticks, expectedSha256.ToLowerInvariant());
            TryWriteMarker(directory, marker);
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

    private sealed record MarkerEntry(long Length, long WriteTicks, string Sha256);

    private static Dictionary<string, MarkerEntry> ReadMarker(string directory)
    {
        var entries = new Dictionary<string, MarkerEntry>();
        string path = Path.Combine(directory, MarkerFileName);
        try
        {
            if (!File.Exists(path))
            {
                return entries;
            }

            foreach (string line in File.ReadAllLines(path))
            {
                string[] parts = line.Split('\t');
                if (parts.Length == 4
                    && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long length)
                    && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks))
                {
                    entries[parts[0]] = new MarkerEntry(length, ticks, parts[3]);
                }
            }
        }
        catch (IOException)
        {
            // An unreadable marker only costs a re-hash.
        }

        return entries;
    }

    private static void TryWriteMarker(string directory, Dictionary<string, MarkerEntry> entries)
    {
        string path = Path.Combine(directory, MarkerFileName);
        string temp = Path.Combine(directory, $"{MarkerFileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllLines(temp, entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
                string.Join('\t', e.Key, e.Value.Length.ToString(CultureInfo.InvariantCulture),
                    e.Value.WriteTicks.ToString(CultureInfo.InvariantCulture), e.Value.Sha256)));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The marker is only a shortcut; without it the next load hashes the files again.
            TryDelete(temp);
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
            // Leftover temporary files are harmless: their names never collide with the final ones.
        }
    }
}
