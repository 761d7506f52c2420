using System.Text.RegularExpressions;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Kernel.Tests;

/// <summary>
/// Compares, cell by cell, a notebook executed by our runner with the same notebook executed by the real kernel.
/// Rules: the kernel shows no error and no compiler warning in any cell; every code cell shows the same outputs in
/// the same order (streams, and each value's text per MIME type), except timing cells, which need only the same
/// shape (the same kinds of outputs). Differences that are the front end's, not the notebook's, are normalized:
/// <list type="bullet">
/// <item>a value the kernel sends as <c>execute_result</c> counts as <c>display_data</c> (VS Code saves it so);</item>
/// <item>the kernel's own outputs are dropped: its front-end bootstrap script (in the first cell it runs) and, in
/// cells that reference NuGet packages, its "Installed Packages" list;</item>
/// <item>Windows line endings in the kernel's HTML become <c>\n</c>, and consecutive writes to one stream merge.</item>
/// </list>
/// </summary>
public static partial class CellComparison
{
    /// <summary>
    /// A timing cell starts with this comment on its first line (for example <c>// timing: ratios vary between runs</c>).
    /// Its numbers change from run to run, so only its output shape is compared.
    /// </summary>
    public const string TimingMarker = "// timing";

    /// <summary>True when the cell's first line is the timing marker, alone or followed by a space or a colon.</summary>
    public static bool IsTimingCell(Cell cell)
    {
        var first = cell.Source.Split('\n')[0].TrimEnd('\r').Trim();
        return first == TimingMarker || first.StartsWith(TimingMarker + " ", StringComparison.Ordinal) || first.StartsWith(TimingMarker + ":", StringComparison.Ordinal);
    }

    /// <summary>Compiler warnings as the kernel prints them: <c>(line,column): warning CS8632: ...</c>.</summary>
    [GeneratedRegex(@"\(\d+,\d+\): warning [A-Z]+\d+:")]
    public static partial Regex CompilerWarning();

    /// <summary>One comparable output: its kind and its text.</summary>
    public sealed record Item(string Kind, string Text)
    {
        public override string ToString() => $"{Kind}: {Excerpt(Text)}";
    }

    /// <summary>The cell's outputs in comparable form.</summary>
    public static List<Item> Items(Cell cell)
    {
        var items = new List<Item>();
        var usesNuGet = cell.Source.Contains("#r \"nuget:", StringComparison.Ordinal);
        foreach (var output in cell.Outputs)
        {
            switch (output)
            {
                case StreamOutput s when items.Count > 0 && items[^1].Kind == "stream " + s.Name:
                    items[^1] = items[^1] with { Text = items[^1].Text + Normalize(s.Text) };
                    break;
                case StreamOutput s:
                    items.Add(new Item("stream " + s.Name, Normalize(s.Text)));
                    break;
                case DataOutput d when IsBootstrapScript(d) || (usesNuGet && IsPackageList(d)):
                    break;
                case DataOutput d:
                    foreach (var (mime, text) in d.Data.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                        items.Add(new Item("data " + mime, Normalize(text)));
                    break;
                case ErrorOutput e:
                    items.Add(new Item("error", $"{e.EName}: {e.EValue}"));
                    break;
            }
        }
        return items;
    }

    /// <summary>Problems of one executed notebook on its own: errors and compiler warnings, one line each.</summary>
    public static IEnumerable<string> ErrorsAndWarnings(Notebook notebook, string who)
    {
        var code = notebook.Cells.Where(c => c.Kind == CellKind.Code).ToList();
        for (var i = 0; i < code.Count; i++)
        {
            foreach (var item in Items(code[i]))
            {
                if (item.Kind == "error")
                    yield return $"{who}, code cell {i + 1}: {item}";
                else if (item.Kind.StartsWith("stream", StringComparison.Ordinal) && CompilerWarning().Match(item.Text) is { Success: true } m)
                    yield return $"{who}, code cell {i + 1}: {Excerpt(item.Text[m.Index..])}";
            }
        }
    }

    /// <summary>Differences between our runner's notebook and the kernel's, one line each (empty when they agree).</summary>
    public static List<string> Differences(Notebook runner, Notebook kernel)
    {
        var problems = new List<string>();
        var ours = runner.Cells.Where(c => c.Kind == CellKind.Code).ToList();
        var theirs = kernel.Cells.Where(c => c.Kind == CellKind.Code).ToList();
        if (ours.Count != theirs.Count)
        {
            problems.Add($"the runner has {ours.Count} code cells, the kernel {theirs.Count}");
            return problems;
        }
        for (var i = 0; i < ours.Count; i++)
        {
            var a = Items(ours[i]);
            var b = Items(theirs[i]);
            var timing = IsTimingCell(ours[i]);
            var where = $"code cell {i + 1}{(timing ? " (timing)" : "")} «{Excerpt(ours[i].Source)}»";
            if (a.Count != b.Count)
            {
                problems.Add($"{where}: the runner shows {a.Count} outputs [{string.Join(" | ", a)}], the kernel {b.Count} [{string.Join(" | ", b)}]");
                continue;
            }
            for (var j = 0; j < a.Count; j++)
            {
                if (a[j].Kind != b[j].Kind)
                    problems.Add($"{where}, output {j + 1}: the runner shows {a[j].Kind}, the kernel {b[j].Kind}");
                else if (!timing && a[j].Text != b[j].Text)
                    problems.Add($"{where}, output {j + 1}: {FirstDifference(a[j].Text, b[j].Text)}");
            }
        }
        return problems;
    }

    private static bool IsPackageList(DataOutput d) =>
        d.Get("text/html")?.Contains("<strong>Installed Packages</strong>", StringComparison.Ordinal) == true;

    private static bool IsBootstrapScript(DataOutput d) =>
        d.Get("text/html") is { } html && html.Contains("dotnet-interactive-this-cell", StringComparison.Ordinal) && html.Contains("<script", StringComparison.Ordinal);

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string FirstDifference(string a, string b)
    {
        var at = 0;
        while (at < a.Length && at < b.Length && a[at] == b[at])
            at++;
        var from = Math.Max(0, at - 40);
        return $"differs at character {at}: the runner «{Excerpt(a[from..])}», the kernel «{Excerpt(b[from..])}»";
    }

    private static string Excerpt(string text)
    {
        var line = text.Replace("\n", "⏎");
        return line.Length <= 120 ? line : line[..120] + "…";
    }
}
