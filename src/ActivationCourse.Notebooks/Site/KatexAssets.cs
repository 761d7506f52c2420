using System.ComponentModel;
using System.Formats.Tar;
using System.IO.Compression;
using ActivationCourse.IO;

namespace ActivationCourse.Notebooks.Site;

/// <summary>
/// KaTeX for the course site, from npm: <c>npm pack katex@version</c> into a cache folder (once), then the
/// tarball's <c>dist</c> files (script, auto-render, stylesheet, fonts) are copied into the site. No node_modules.
/// </summary>
public static class KatexAssets
{
    /// <summary>The pinned KaTeX version.</summary>
    public const string Version = "0.16.22";

    /// <summary>The KaTeX tarball in <paramref name="cacheFolder"/>, fetched with npm when missing.</summary>
    public static string EnsurePackage(string cacheFolder) =>
        EnsurePackage(cacheFolder, OperatingSystem.IsWindows() ? "npm.cmd" : "npm");

    /// <summary>As <see cref="EnsurePackage(string)"/>, with the npm executable named (tests use a missing one).</summary>
    internal static string EnsurePackage(string cacheFolder, string npm)
    {
        Directory.CreateDirectory(cacheFolder);
        var tarball = Path.Combine(cacheFolder, $"katex-{Version}.tgz");
        if (File.Exists(tarball))
            return tarball;

        // npm packs into a fresh folder; only a complete tarball is moved into the cache (an interrupted one never is).
        var staging = Directory.CreateDirectory(Path.Combine(cacheFolder, $".katex-{Guid.NewGuid():N}")).FullName;
        try
        {
            Pack(npm, staging);
            File.Move(Path.Combine(staging, Path.GetFileName(tarball)), tarball, overwrite: true);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
        return tarball;
    }

    /// <summary>How long <c>npm pack</c> may take.</summary>
    internal static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    private static void Pack(string npm, string folder)
    {
        var tarball = Path.Combine(folder, $"katex-{Version}.tgz");
        NpmPackRun? run;
        try
        {
            run = NpmPack.Run(npm, [$"katex@{Version}", "--pack-destination", folder, "--silent"], folder, PackTimeout);
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException(
                $"The course site needs KaTeX {Version} from npm, and npm was not found. Install Node.js (it includes npm), then run the command again.");
        }
        if (run is null)
            throw new InvalidOperationException(
                $"npm pack katex@{Version} did not finish within {PackTimeout.TotalMinutes:F0} minutes. Check the network connection to the npm registry and try again.");
        if (run.ExitCode != 0 || !File.Exists(tarball))
            throw new InvalidOperationException($"npm pack katex@{Version} failed (exit code {run.ExitCode}):\n{run.Output}{run.Error}".TrimEnd());
    }

    /// <summary>Copies KaTeX's script, auto-render, stylesheet and fonts from the tarball into <paramref name="assetsFolder"/>.</summary>
    public static void Extract(string tarball, string assetsFolder)
    {
        using var file = File.OpenRead(tarball);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                continue;
            var target = entry.Name switch
            {
                "package/dist/katex.min.js" => "katex.min.js",
                "package/dist/katex.min.css" => "katex.min.css",
                "package/dist/contrib/auto-render.min.js" => "auto-render.min.js",
                var n when n.StartsWith("package/dist/fonts/", StringComparison.Ordinal) && !n.EndsWith('/') => "fonts/" + n["package/dist/fonts/".Length..],
                _ => null,
            };
            if (target is null)
                continue;
            var path = Path.Combine(assetsFolder, target);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.Write(path, entry.DataStream.CopyTo);
        }
        if (!File.Exists(Path.Combine(assetsFolder, "katex.min.js")))
            throw new InvalidOperationException($"{tarball} does not contain package/dist/katex.min.js; delete it and run again.");
    }
}
