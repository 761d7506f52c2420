using System.Globalization;
using System.Text.RegularExpressions;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Kernel.Tests;

/// <summary>
/// Reads the exercise checks an executed notebook shows: a failing check prints "✘ Exercise N.M: not yet …" and a
/// lesson's summary "N of M exercises correct". A lesson source in <c>solutions/</c> must show neither, in any run.
/// (Linked into the notebook tests, which use it on our runner's runs.)
/// </summary>
public static partial class ExerciseChecks
{
    [GeneratedRegex(@"(\d+) of (\d+) exercises? correct")]
    private static partial Regex SummaryLine();

    /// <summary>One line per output that shows a failing check or an incomplete summary (empty when every check passes).</summary>
    public static List<string> Failing(Notebook notebook)
    {
        var problems = new List<string>();
        var code = notebook.Cells.Where(c => c.Kind == CellKind.Code).ToList();
        for (var i = 0; i < code.Count; i++)
        {
            foreach (var text in Texts(code[i]))
            {
                if (text.Contains('✘', StringComparison.Ordinal) || text.Contains("not yet", StringComparison.Ordinal))
                    problems.Add($"code cell {i + 1}: a failing check: {Excerpt(text)}");
                foreach (Match m in SummaryLine().Matches(text))
                {
                    if (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) < int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
                        problems.Add($"code cell {i + 1}: \"{m.Value}\"");
                }
            }
        }
        return problems;
    }

    private static IEnumerable<string> Texts(Cell cell) => cell.Outputs.SelectMany(o => o switch
    {
        StreamOutput s => [s.Text],
        DataOutput d => d.Data.Select(kv => kv.Value),
        ErrorOutput e => [e.EValue],
        _ => Array.Empty<string>(),
    });

    private static string Excerpt(string text)
    {
        var at = Math.Max(0, Math.Max(text.IndexOf('✘', StringComparison.Ordinal), text.IndexOf("not yet", StringComparison.Ordinal)) - 60);
        var part = text[at..].Replace("\n", "⏎");
        return part.Length <= 160 ? part : part[..160] + "…";
    }
}
