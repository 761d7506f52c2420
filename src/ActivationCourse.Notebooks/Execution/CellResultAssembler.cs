using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// Builds a run's result the same way for both runners (<see cref="NotebookRunner"/> in this process,
/// <see cref="IsolatedNotebookRunner"/> from its worker's reports): each code cell's outputs, execution count and
/// result as it finished; a cell the run was abandoned in (its process ended, or it timed out in a worker) with what
/// it printed and an error; every other code cell not run.
/// </summary>
internal sealed class CellResultAssembler(Notebook notebook, string name, Action<CellProgress>? progress)
{
    private readonly Dictionary<int, Finish> finished = [];

    /// <summary>Records a code cell that ended; <paramref name="outputs"/> is read when the result is assembled.</summary>
    public void Finished(CellResult result, int? executionCount, Func<IReadOnlyList<CellOutput>> outputs) =>
        finished[result.Number] = new Finish(result, executionCount, outputs);

    /// <summary>The result of a run that ended by itself: every cell finished, or the notebook stopped at a failed cell.</summary>
    public NotebookRunResult Complete(TimeSpan elapsed) => Assemble(null, elapsed);

    /// <summary>
    /// The result of a run abandoned in cell <paramref name="number"/> (when that cell had finished, or is null: the
    /// first code cell that had not), which keeps <paramref name="partial"/> and ends with an error
    /// <paramref name="ename"/>: <paramref name="message"/>.
    /// </summary>
    public NotebookRunResult Abandon(int? number, string ename, string message, TimeSpan cellElapsed, IReadOnlyList<CellOutput>? partial, TimeSpan elapsed)
    {
        var blamed = number is int n && !finished.ContainsKey(n)
            ? n
            : notebook.Cells.Select((c, i) => (c, i + 1)).Where(x => x.c.Kind == CellKind.Code && !finished.ContainsKey(x.Item2)).Select(x => x.Item2).FirstOrDefault(number ?? 1);
        progress?.Invoke(new CellProgress(name, blamed, notebook.Cells.Count, CellStatus.Failed, cellElapsed));
        return Assemble(new Abandoned(blamed, ename, message, cellElapsed, partial ?? []), elapsed);
    }

    private NotebookRunResult Assemble(Abandoned? abandoned, TimeSpan elapsed)
    {
        var executed = notebook.Clone();
        var results = new List<CellResult>();
        var lastCount = 0;
        for (var i = 0; i < executed.Cells.Count; i++)
        {
            var cell = executed.Cells[i];
            var number = i + 1;
            if (cell.Kind != CellKind.Code)
            {
                results.Add(new CellResult(number, CellStatus.NotCode, TimeSpan.Zero));
                continue;
            }
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
            if (finished.TryGetValue(number, out var done))
            {
                cell.Outputs.AddRange(done.Outputs());
                cell.ExecutionCount = done.ExecutionCount;
                lastCount = done.ExecutionCount ?? lastCount;
                results.Add(done.Result);
            }
            else if (abandoned?.Number == number)
            {
                cell.ExecutionCount = lastCount + 1;
                cell.Outputs.AddRange(abandoned.Partial);
                cell.Outputs.Add(new ErrorOutput(abandoned.EName, abandoned.Message, [abandoned.Message]));
                results.Add(new CellResult(number, CellStatus.Failed, abandoned.Elapsed, abandoned.Message));
            }
            else
            {
                results.Add(new CellResult(number, CellStatus.NotRun, TimeSpan.Zero));
            }
        }
        return new NotebookRunResult(name, executed, results, elapsed);
    }

    private sealed record Finish(CellResult Result, int? ExecutionCount, Func<IReadOnlyList<CellOutput>> Outputs);

    private sealed record Abandoned(int Number, string EName, string Message, TimeSpan Elapsed, IReadOnlyList<CellOutput> Partial);
}
