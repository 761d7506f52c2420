using System.IO.Compression;

namespace ActivationCourse.Data;

/// <summary>Gets MNIST from a folder the user names: <c>&lt;name&gt;.gz</c> files (decompressed on the way) or raw files.</summary>
internal static class FolderSource
{
    public static void Fetch(string cacheDirectory, IReadOnlyCollection<string> needed, MnistFetchOptions options)
    {
        string folder = Path.GetFullPath(options.FromDirectory!);
        if (!Directory.Exists(folder))
        {
            throw new MnistDataException($"The folder {folder} does not exist. Name the folder that holds {MnistFiles.TrainImages}.gz and the other three files.", folder);
        }

        foreach (string name in needed)
        {
            string gz = Path.Combine(folder, name + ".gz");
            string raw = Path.Combine(folder, name);
            if (File.Exists(gz))
            {
                options.Progress?.Report($"{name}: decompressing {gz}");
                try
                {
                    using var file = File.OpenRead(gz);
                    using var gzip = new GZipStream(file, CompressionMode.Decompress);
                    MnistCache.Install(cacheDirectory, name, gzip, options.ExpectedSha256[name], gz, null, options.Progress);
                }
                catch (InvalidDataException e)
                {
                    throw new MnistDataException($"{name}.gz: not a valid gzip file ({e.Message}). Replace {gz} with a good copy.", gz, e);
                }
            }
            else if (File.Exists(raw) && !IsSamePath(raw, Path.Combine(cacheDirectory, name)))
            {
                options.Progress?.Report($"{name}: copying {raw}");
                using var file = File.OpenRead(raw);
                MnistCache.Install(cacheDirectory, name, file, options.ExpectedSha256[name], raw, file.Length, options.Progress);
            }
            else
            {
                throw new MnistDataException(
                    $"{name}.gz not found in {folder}. Put the four MNIST files there ({string.Join(", ", MnistFiles.All.Select(n => n + ".gz"))}), "
                    + "gzip-compressed or raw.", gz);
            }
        }
    }

    private static bool IsSamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
