using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Student;

/// <summary>
/// Makes the student copy of a lesson: in code cells, each block from <c>// BEGIN SOLUTION</c> to
/// <c>// END SOLUTION</c> (inclusive) becomes one <c>// Your code here</c> line (same indentation);
/// outputs and execution counts are cleared. Everything else is kept.
/// </summary>
public static class StudentCopy
{
    /// <summary>The line that opens a solution block.</summary>
    public const string BeginMarker = "// BEGIN SOLUTION";

    /// <summary>The line that closes a solution block.</summary>
    public const string EndMarker = "// END SOLUTION";

    /// <summary>What replaces a solution block.</summary>
    public const string Placeholder = "// Your code here";

    /// <summary>The student copy of a notebook (the given notebook is not changed).</summary>
    public static Notebook Create(Notebook notebook)
    {
        var copy = notebook.Clone();
        foreach (var cell in copy.Cells.Where(c => c.Kind == CellKind.Code))
        {
            cell.Source = RemoveSolutions(cell.Source);
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }
        return copy;
    }

    /// <summary>Replaces every solution block of a cell's source. An unclosed block runs to the end of the cell.</summary>
    public static string RemoveSolutions(string source)
    {
        var result = new List<string>();
        var inside = false;
        foreach (var line in source.Split('\n'))
        {
            var trimmed = line.Trim();
            if (!inside && trimmed == BeginMarker)
            {
                inside = true;
                result.Add(line[..(line.Length - line.TrimStart().Length)] + Placeholder);
            }
            else if (inside && trimmed == EndMarker)
            {
                inside = false;
            }
            else if (!inside)
            {
                result.Add(line);
            }
        }
        return string.Join("\n", result);
    }
}
