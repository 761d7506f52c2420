using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>What happened to one cell.</summary>
public enum CellStatus
{
    /// <summary>The cell is running (progress reports only).</summary>
    Running,

    /// <summary>The code cell ran without error.</summary>
    Succeeded,

    /// <summary>The code cell failed: compile error, exception, timeout or unsupported feature.</summary>
    Failed,

    /// <summary>The code cell was not run because an earlier cell failed.</summary>
    NotRun,

    /// <summary>A markdown or raw cell: kept, never executed.</summary>
    NotCode,
}

/// <summary>The outcome of one cell.</summary>
/// <param name="Number">1-based number among all cells of the notebook (markdown included).</param>
/// <param name="Status">What happened.</param>
/// <param name="Elapsed">Time the cell took.</param>
/// <param name="Error">The error message when it failed.</param>
/// <param name="Line">The 1-based line within the cell where it failed, when known.</param>
/// <param name="OutputTruncated">True when some of the cell's output was dropped for going past the cell's or the notebook's output limit.</param>
public sealed record CellResult(int Number, CellStatus Status, TimeSpan Elapsed, string? Error = null, int? Line = null, bool OutputTruncated = false);

/// <summary>The outcome of running one notebook.</summary>
/// <param name="Name">The notebook's display name (its path relative to the repository, or its file name).</param>
/// <param name="Executed">The notebook with outputs and execution counts.</param>
/// <param name="Cells">One result per cell, in order.</param>
/// <param name="Elapsed">Time the whole notebook took.</param>
public sealed record NotebookRunResult(string Name, Notebook Executed, IReadOnlyList<CellResult> Cells, TimeSpan Elapsed)
{
    /// <summary>True when no cell failed.</summary>
    public bool Succeeded => Cells.All(c => c.Status != CellStatus.Failed);

    /// <summary>The cells whose output was cut at an output limit (see <see cref="CellResult.OutputTruncated"/>).</summary>
    public IReadOnlyList<int> TruncatedCells => [.. Cells.Where(c => c.OutputTruncated).Select(c => c.Number)];

    /// <summary>The failed cell, if any.</summary>
    public CellResult? Failure => Cells.FirstOrDefault(c => c.Status == CellStatus.Failed);

    /// <summary>The failure as one line: <c>notebook, cell N (line L): message</c>; null on success.</summary>
    public string? FailureMessage => Failure is { } f
        ? $"{Name}, cell {f.Number}{(f.Line is int line ? $" (line {line})" : "")}: {f.Error}"
        : null;
}
