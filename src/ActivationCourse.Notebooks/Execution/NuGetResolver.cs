using System.Diagnostics;
using System.Xml.Linq;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// Resolves <c>#r "nuget: Id, Version"</c> to assembly paths: from the NuGet global packages folder when the
/// package is there (with its dependencies, for the best target framework), else after a <c>dotnet restore</c>
/// of a throw-away project that brings it into that folder.
/// </summary>
internal sealed class NuGetResolver
{
    private static readonly string[] FrameworkPreference =
        ["net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netcoreapp3.0", "netcoreapp2.1", "netcoreapp2.0", "netstandard2.1", "netstandard2.0", "netstandard1.6", "netstandard1.3", "netstandard1.1", "netstandard1.0"];

    private static readonly HashSet<string> PlatformAssemblies = new(
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.Contains("Microsoft.NETCore.App", StringComparison.Ordinal) || p.Contains("Microsoft.AspNetCore.App", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>(),
        StringComparer.OrdinalIgnoreCase);

    public static string PackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The assemblies of a package and its dependencies, or throws <see cref="NotSupportedException"/> with the reason.</summary>
    public IReadOnlyList<string> Resolve(string id, string? version)
    {
        var resolvedVersion = FindVersion(id, version);
        if (resolvedVersion is null)
        {
            if (version is null || version.Contains('*') || version.Contains('[') || version.Contains('('))
                throw new NotSupportedException($"#r \"nuget: {id}{(version is null ? "" : ", " + version)}\": the headless runner needs an exact version it can find or restore");
            Restore(id, version);
            resolvedVersion = FindVersion(id, version)
                ?? throw new InvalidOperationException($"dotnet restore did not bring {id} {version} into {PackagesFolder}");
        }
        var assemblies = new List<string>();
        Collect(id, resolvedVersion, assemblies, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        return assemblies;
    }

    private static string? FindVersion(string id, string? version)
    {
        var folder = Path.Combine(PackagesFolder, id.ToLowerInvariant());
        if (!Directory.Exists(folder))
            return null;
        var available = Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>()
            .Where(v => File.Exists(Path.Combine(folder, v, $"{id.ToLowerInvariant()}.nuspec")))
            .ToList();
        if (version is null)
            return available.OrderByDescending(ParseVersion).FirstOrDefault();
        if (version.EndsWith('*'))
        {
            var prefix = version.TrimEnd('*');
            return available.Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).OrderByDescending(ParseVersion).FirstOrDefault();
        }
        var exact = version.Trim('[', ']').ToLowerInvariant();
        return available.Contains(exact) ? exact : null;
    }

    /// <summary>The lowest version in the folder that satisfies a nuspec minimum version (the NuGet rule).</summary>
    private static string? FindAtLeast(string id, string range)
    {
        var min = range.Trim('[', '(', ' ').Split(',')[0].Trim();
        var folder = Path.Combine(PackagesFolder, id.ToLowerInvariant());
        if (!Directory.Exists(folder))
            return null;
        var minVersion = ParseVersion(min);
        return Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>()
            .Where(v => File.Exists(Path.Combine(folder, v, $"{id.ToLowerInvariant()}.nuspec")) && ParseVersion(v).CompareTo(minVersion) >= 0)
            .OrderBy(ParseVersion).FirstOrDefault();
    }

    private static Version ParseVersion(string? text)
    {
        var core = (text ?? "0").Split('-', '+')[0];
        return Version.TryParse(core.Contains('.') ? core : core + ".0", out var v) ? v : new Version(0, 0);
    }

    private void Collect(string id, string version, List<string> assemblies, HashSet<string> seen)
    {
        if (!seen.Add(id))
            return;
        var packageFolder = Path.Combine(PackagesFolder, id.ToLowerInvariant(), version);
        var nuspec = XDocument.Load(Path.Combine(packageFolder, $"{id.ToLowerInvariant()}.nuspec"));
        var libFolder = Path.Combine(packageFolder, "lib");
        if (Directory.Exists(libFolder) && BestFramework(Directory.GetDirectories(libFolder).Select(Path.GetFileName).OfType<string>()) is { } tfm)
            assemblies.AddRange(Directory.GetFiles(Path.Combine(libFolder, tfm), "*.dll").Order(StringComparer.Ordinal));

        var groups = nuspec.Descendants().Where(e => e.Name.LocalName == "group").ToList();
        var group = BestFramework(groups.Select(g => NormalizeFramework((string?)g.Attribute("targetFramework") ?? "")))
            is { } best ? groups.First(g => NormalizeFramework((string?)g.Attribute("targetFramework") ?? "") == best) : null;
        var dependencies = group?.Elements().Where(e => e.Name.LocalName == "dependency")
            ?? nuspec.Descendants().Where(e => e.Name.LocalName == "dependency" && e.Parent?.Name.LocalName == "dependencies");
        foreach (var dependency in dependencies)
        {
            var depId = (string?)dependency.Attribute("id");
            if (depId is null || PlatformAssemblies.Contains(depId))
                continue;
            var depVersion = FindAtLeast(depId, (string?)dependency.Attribute("version") ?? "0.0.0");
            if (depVersion is null)
            {
                Restore(depId, ((string?)dependency.Attribute("version") ?? "0.0.0").Trim('[', '(', ' ').Split(',')[0].Trim());
                depVersion = FindAtLeast(depId, (string?)dependency.Attribute("version") ?? "0.0.0");
            }
            if (depVersion is not null)
                Collect(depId, depVersion, assemblies, seen);
        }
    }

    private static string NormalizeFramework(string name) => name.ToLowerInvariant() switch
    {
        ".netstandard2.0" => "netstandard2.0",
        ".netstandard2.1" => "netstandard2.1",
        var n when n.StartsWith(".netstandard", StringComparison.Ordinal) => n[1..],
        var n when n.StartsWith(".netcoreapp", StringComparison.Ordinal) => n[1..],
        var n => n,
    };

    private static string? BestFramework(IEnumerable<string> frameworks)
    {
        var list = frameworks.Select(f => f.ToLowerInvariant()).ToList();
        return FrameworkPreference.FirstOrDefault(list.Contains);
    }

    /// <summary>Brings a package into the global packages folder with <c>dotnet restore</c> of a throw-away project.</summary>
    private static void Restore(string id, string version)
    {
        var folder = Path.Combine(Path.GetTempPath(), "activationcourse-restore-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "restore.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{id}" Version="{version}" />
                  </ItemGroup>
                </Project>
                """);
            var start = new ProcessStartInfo("dotnet", ["restore", "restore.csproj"])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet restore");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new NotSupportedException($"#r \"nuget: {id}, {version}\": dotnet restore failed:\n{stdout.Result}{stderr.Result}".TrimEnd());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
