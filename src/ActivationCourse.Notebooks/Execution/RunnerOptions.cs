using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>How <see cref="NotebookRunner"/> runs notebooks.</summary>
public sealed record RunnerOptions
{
    /// <summary>The longest a single cell may run before the notebook is abandoned.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The repository root, replaced by <c>&lt;repo&gt;</c> in outputs (found from the notebook when null).</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Called when a cell starts and when it ends (never while a cell's console is captured).</summary>
    public Action<CellProgress>? Progress { get; init; }

    /// <summary>The most text a cell's outputs keep (10 MB by default); the rest is dropped, with a note in the output saying so.</summary>
    public long CellOutputLimit { get; init; } = OutputSink.DefaultLimit;

    /// <summary>
    /// The most text all the cells of a notebook keep together (25 MB by default): once the cells before have kept
    /// that much, a cell keeps only what is left, and later cells keep nothing but a note saying so.
    /// </summary>
    public long NotebookOutputLimit { get; init; } = OutputSink.DefaultNotebookLimit;

    /// <summary>
    /// Called once a cell is compiled, just before its code runs (the worker's timer starts here), with the cell number
    /// and a function that returns the cell's outputs so far (paths scrubbed).
    /// </summary>
    internal Action<int, Func<IReadOnlyList<CellOutput>>>? CellExecuting { get; init; }

    /// <summary>An output limit in words, as the runner's notes give it: "10 MB" from 1 MB up, else "1000 characters".</summary>
    public static string Describe(long limit) =>
        limit >= 1024 * 1024 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{limit / (1024.0 * 1024):0.##} MB") : $"{limit} characters";

    /// <summary>Where a worker keeps the running cell's console text as it is written (see <see cref="OutputJournal"/>), or null.</summary>
    internal OutputJournal? Journal { get; init; }

    /// <summary>Called when a code cell ends: its result, execution count and outputs so far (paths scrubbed).</summary>
    internal Action<CellResult, int?, IReadOnlyList<CellOutput>>? CellFinished { get; init; }
}

/// <summary>Progress of a run: a code cell started (<see cref="Status"/> is <see cref="CellStatus.Running"/>) or ended.</summary>
/// <param name="Notebook">The notebook's display name.</param>
/// <param name="CellNumber">The cell's 1-based number among all cells of the notebook.</param>
/// <param name="CellCount">How many cells the notebook has.</param>
/// <param name="Status">Running, or the cell's outcome.</param>
/// <param name="Elapsed">Time the cell took (zero when it starts).</param>
public sealed record CellProgress(string Notebook, int CellNumber, int CellCount, CellStatus Status, TimeSpan Elapsed);
