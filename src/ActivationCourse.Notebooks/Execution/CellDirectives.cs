using System.Text.RegularExpressions;
using ActivationCourse.Notebooks.IO;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// The directives of a C# cell, taken out of its code: <c>#!csharp</c> magic lines, <c>#r "nuget: ..."</c> and
/// <c>#r "path.dll"</c>. Each directive line is blanked (not removed) so compiler line numbers stay the cell's own.
/// </summary>
internal sealed partial class CellDirectives
{
    public required string Code { get; init; }
    public List<(string Id, string? Version)> Packages { get; } = [];
    public List<string> AssemblyPaths { get; } = [];

    /// <summary>The first unsupported feature the cell uses, as a message, or null.</summary>
    public string? Unsupported { get; private set; }

    /// <summary>The 1-based line of <see cref="Unsupported"/>.</summary>
    public int UnsupportedLine { get; private set; }

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<id>[^,"]+?)\s*(,\s*(?<version>[^"]*?)\s*)?"\s*$""")]
    private static partial Regex NuGetReference();

    [GeneratedRegex("""^\s*#r\s+"(?<path>[^"]+)"\s*$""")]
    private static partial Regex AssemblyReference();

    public static CellDirectives Parse(string source, string kernel)
    {
        var lines = source.Split('\n');
        var result = new CellDirectives { Code = "" };
        var code = new List<string>(lines.Length);
        var atTop = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                var magic = trimmed[2..].Split(' ', 2)[0];
                var name = NotebookReader.NormalizeKernel(magic);
                if (atTop && name == "csharp")
                {
                    code.Add("");
                    continue;
                }
                result.Fail(i + 1, name is "fsharp" or "pwsh" or "javascript" or "html" or "sql" or "kql" or "mermaid" or "http" or "markdown"
                    ? $"#!{magic} (the {name} kernel) is not supported by the headless runner; only C# cells run"
                    : $"#!{magic} is not supported by the headless runner");
                code.Add("");
                continue;
            }
            if (trimmed.StartsWith("#r ", StringComparison.Ordinal) || trimmed.StartsWith("#r\t", StringComparison.Ordinal))
            {
                if (NuGetReference().Match(trimmed) is { Success: true } nuget)
                {
                    var version = nuget.Groups["version"].Success && nuget.Groups["version"].Value.Length > 0 ? nuget.Groups["version"].Value : null;
                    result.Packages.Add((nuget.Groups["id"].Value, version));
                }
                else if (AssemblyReference().Match(trimmed) is { Success: true } path)
                {
                    result.AssemblyPaths.Add(path.Groups["path"].Value);
                }
                else
                {
                    result.Fail(i + 1, $"this #r form is not supported by the headless runner: {trimmed}");
                }
                code.Add("");
                continue;
            }
            if (trimmed.StartsWith("#i ", StringComparison.Ordinal) || trimmed == "#i")
            {
                result.Fail(i + 1, "#i (package sources) is not supported by the headless runner");
                code.Add("");
                continue;
            }
            if (trimmed.Length > 0 && !trimmed.StartsWith("//", StringComparison.Ordinal))
                atTop = false;
            code.Add(line);
        }
        if (kernel != "csharp" && result.Unsupported is null)
            result.Fail(1, $"the {kernel} kernel is not supported by the headless runner; only C# cells run");
        return new CellDirectives { Code = string.Join("\n", code) }.CopyFrom(result);
    }

    private void Fail(int line, string message)
    {
        if (Unsupported is not null)
            return;
        Unsupported = message;
        UnsupportedLine = line;
    }

    private CellDirectives CopyFrom(CellDirectives other)
    {
        Packages.AddRange(other.Packages);
        AssemblyPaths.AddRange(other.AssemblyPaths);
        Unsupported = other.Unsupported;
        UnsupportedLine = other.UnsupportedLine;
        return this;
    }
}
