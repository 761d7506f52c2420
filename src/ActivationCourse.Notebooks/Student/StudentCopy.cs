using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Student;

/// <summary>
/// Makes the student copy of a lesson: in code cells (and in a C# script such as <c>my-network.csx</c>), each block
/// from <c>// BEGIN SOLUTION</c> to <c>// END SOLUTION</c> (inclusive) becomes one <c>// Your code here</c> line (same
/// indentation); outputs and execution counts are cleared. Everything else is kept. A marker must be alone on its line
/// (indentation allowed): a stray END, a BEGIN inside a block, a BEGIN never closed, or a line that looks like a marker
/// but is not exactly one stops the copy with a <see cref="SolutionMarkerException"/> naming the line.
/// </summary>
public static partial class StudentCopy
{
    /// <summary>The line that opens a solution block.</summary>
    public const string BeginMarker = "// BEGIN SOLUTION";

    /// <summary>The line that closes a solution block.</summary>
    public const string EndMarker = "// END SOLUTION";

    /// <summary>What replaces a solution block.</summary>
    public const string Placeholder = "// Your code here";

    /// <summary>The notebook metadata key under which a learner copy records the fingerprint of its cells.</summary>
    public const string FingerprintKey = "activationcourse_learner_copy";

    /// <summary>The student copy of a notebook (the given notebook is not changed), with its fingerprint in its metadata.</summary>
    /// <exception cref="SolutionMarkerException">A malformed marker, named by cell and line.</exception>
    public static Notebook Create(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var copy = notebook.Clone();
        for (int i = 0; i < copy.Cells.Count; i++)
        {
            var cell = copy.Cells[i];
            if (cell.Kind != CellKind.Code)
                continue;
            try
            {
                cell.Source = RemoveSolutions(cell.Source);
            }
            catch (SolutionMarkerException e)
            {
                throw new SolutionMarkerException($"cell {i + 1}, {e.Where}", e.Problem);
            }
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }
        copy.Metadata[FingerprintKey] = Fingerprint(copy);
        return copy;
    }

    /// <summary>
    /// Replaces every solution block of a cell's source (or a whole script) with the placeholder line.
    /// </summary>
    /// <exception cref="SolutionMarkerException">A malformed marker, named by its line (counting from 1).</exception>
    public static string RemoveSolutions(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var result = new List<string>();
        int? openedAt = null;
        var lines = source.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            var marker = MarkerOf(line, n + 1);
            if (marker == BeginMarker)
            {
                if (openedAt is { } open)
                    throw new SolutionMarkerException($"line {n + 1}", $"BEGIN SOLUTION inside the block opened at line {open} (blocks do not nest)");
                openedAt = n + 1;
                result.Add(line[..(line.Length - line.TrimStart().Length)] + Placeholder);
            }
            else if (marker == EndMarker)
            {
                if (openedAt is null)
                    throw new SolutionMarkerException($"line {n + 1}", "END SOLUTION without a BEGIN SOLUTION before it");
                openedAt = null;
            }
            else if (openedAt is null)
            {
                result.Add(line);
            }
        }
        if (openedAt is { } unclosed)
            throw new SolutionMarkerException($"line {unclosed}", "BEGIN SOLUTION is never closed by an END SOLUTION");
        return string.Join("\n", result);
    }

    /// <summary>The marker on this line, null for an ordinary line; a line that looks like a marker but is not exactly one throws.</summary>
    private static string? MarkerOf(string line, int number)
    {
        var text = line.TrimStart().TrimEnd('\r');
        if (text is BeginMarker or EndMarker)
            return text;
        var match = MarkerLike().Match(line);
        if (match.Success)
        {
            throw new SolutionMarkerException($"line {number}",
                $"\"{line.Trim()}\" looks like a solution marker but is not exactly \"{(match.Groups[1].Value.Equals("END", StringComparison.OrdinalIgnoreCase) ? EndMarker : BeginMarker)}\" alone on its line");
        }
        return null;
    }

    /// <summary>BEGIN or END, then SOLUTION, in any case and with any spacing: what a misspelt marker still contains.</summary>
    [GeneratedRegex(@"\b(BEGIN|END)\s*_?SOLUTION\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkerLike();

    /// <summary>
    /// A short fingerprint of what a learner writes in a notebook: the kind and source of every cell (not outputs or
    /// metadata, which running a lesson changes).
    /// </summary>
    public static string Fingerprint(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var text = new StringBuilder();
        foreach (var cell in notebook.Cells)
            text.Append(cell.Kind).Append('\0').Append(cell.Source.Replace("\r\n", "\n", StringComparison.Ordinal)).Append('\0');
        return Hash(text.ToString());
    }

    /// <summary>A short fingerprint of a text (line endings normalized).</summary>
    public static string Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));
        return Convert.ToHexStringLower(bytes)[..16];
    }

    /// <summary>The line a learner copy of a script ends with: it records the fingerprint of the lines above it.</summary>
    public const string ScriptFingerprintPrefix = "// Generated from solutions/ by `course notebooks student`, which will not overwrite this file once you change it. Fingerprint: ";

    /// <summary>The learner copy of a C# script: its solutions removed, and a last line with the fingerprint of the rest.</summary>
    /// <exception cref="SolutionMarkerException">A malformed marker, named by its line.</exception>
    public static string CreateScript(string script)
    {
        var body = RemoveSolutions(script.Replace("\r\n", "\n", StringComparison.Ordinal)).TrimEnd('\n') + "\n";
        return body + ScriptFingerprintPrefix + Hash(body) + "\n";
    }

    /// <summary>
    /// Whether a learner copy is exactly as the generator wrote it (its recorded fingerprint matches its content), so
    /// that overwriting it loses nothing. A copy without a fingerprint counts as changed.
    /// </summary>
    public static bool IsUnchanged(Notebook learnerCopy)
    {
        ArgumentNullException.ThrowIfNull(learnerCopy);
        return learnerCopy.Metadata[FingerprintKey] is JsonValue value && value.TryGetValue(out string? recorded)
            && recorded == Fingerprint(learnerCopy);
    }

    /// <summary>Whether a learner copy of a script is exactly as the generator wrote it (see <see cref="CreateScript"/>).</summary>
    public static bool IsUnchangedScript(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        int last = text.TrimEnd('\n').LastIndexOf('\n') + 1;
        var lastLine = text[last..].TrimEnd('\n');
        return lastLine.StartsWith(ScriptFingerprintPrefix, StringComparison.Ordinal)
            && lastLine[ScriptFingerprintPrefix.Length..] == Hash(text[..last]);
    }
}

/// <summary>A solution marker the student generator cannot read safely: where it is and what is wrong.</summary>
public sealed class SolutionMarkerException(string where, string problem) : Exception($"{where}: {problem}")
{
    /// <summary>Where, e.g. "cell 8, line 3".</summary>
    public string Where { get; } = where;

    /// <summary>What is wrong.</summary>
    public string Problem { get; } = problem;
}
