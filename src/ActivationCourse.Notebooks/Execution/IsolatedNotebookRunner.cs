using System.Diagnostics;
using ActivationCourse.Notebooks.IO;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// Runs each notebook in its own worker process (see <see cref="NotebookWorker"/>), so nothing of one notebook
/// reaches another: a cell that passes the timeout is stopped by ending its process, and a crash (a stack overflow,
/// <c>Environment.Exit</c>, an exception on a background thread) fails that notebook only, at the cell that ran.
/// </summary>
/// <param name="launch">How to start a worker.</param>
/// <param name="options">Timeout, repository root, progress and output limit, as for <see cref="NotebookRunner"/>.</param>
public sealed class IsolatedNotebookRunner(WorkerLaunch launch, RunnerOptions? options = null)
{
    /// <summary>The <see cref="ErrorOutput.EName"/> of a cell whose process ended under it.</summary>
    public const string ProcessExited = "ProcessExited";

    private readonly RunnerOptions options = options ?? new RunnerOptions();

    /// <summary>Reads a notebook file (<c>.ipynb</c> or <c>.dib</c>) and runs it in a worker process.</summary>
    /// <exception cref="NotebookFormatException">The file is not a notebook the runner can read.</exception>
    public Task<NotebookRunResult> RunAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        return RunAsync(NotebookReader.Load(full), Path.GetDirectoryName(full)!, NotebookRunner.DisplayName(full, options.RepositoryRoot), cancellationToken);
    }

    /// <summary>Runs a notebook in a worker process whose working directory is <paramref name="directory"/>. The given notebook is not changed.</summary>
    public async Task<NotebookRunResult> RunAsync(Notebook notebook, string directory, string name, CancellationToken cancellationToken = default)
    {
        directory = Path.GetFullPath(directory);
        var journalPath = Path.Combine(Path.GetTempPath(), $"activationcourse-{Environment.ProcessId}-{Guid.NewGuid():N}.journal");
        try
        {
            using var journal = OpenJournal(journalPath);
            await using var worker = WorkerProcess.Start(launch, directory);
            var run = new WorkerRun(notebook, directory, name, options, worker, journal, journal is null ? null : journalPath);
            return await run.RunAsync(cancellationToken);
        }
        finally
        {
            File.Delete(journalPath);
        }
    }

    /// <summary>The journal for the running cell's console text, or null when no file can be made for it (the run goes on without).</summary>
    private OutputJournal? OpenJournal(string path)
    {
        try
        {
            return OutputJournal.Create(path, OutputJournal.CapacityFor(Math.Min(options.CellOutputLimit, options.NotebookOutputLimit)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>One notebook's run in a worker: follows the worker's reports, enforces the cell timeout, and explains a crash.</summary>
    private sealed class WorkerRun(Notebook notebook, string directory, string name, RunnerOptions options, WorkerProcess worker, OutputJournal? journal, string? journalPath)
    {
        private readonly CellResultAssembler cells = new(notebook, name, options.Progress);
        private readonly Stopwatch total = Stopwatch.StartNew();
        private readonly Stopwatch cellClock = new();
        private int? running;
        private int? lastStarted;
        private List<CellOutput>? partial;
        private string? partialReason;

        public async Task<NotebookRunResult> RunAsync(CancellationToken cancellationToken)
        {
            try
            {
                if (!await worker.ConnectAsync(cancellationToken))
                    return Crashed($"the notebook worker ended before it started the notebook{Reason("")}");
                await worker.SendAsync(WorkerProtocol.Serialize(new WorkerRequest(
                    NotebookWriter.ToJson(notebook), directory, name, options.RepositoryRoot, options.CellOutputLimit, options.NotebookOutputLimit, journalPath)), cancellationToken);
                while (true)
                {
                    WorkerMessage? message;
                    try
                    {
                        message = await worker.ReadAsync(running is null || options.CellTimeout == Timeout.InfiniteTimeSpan ? null : options.CellTimeout - cellClock.Elapsed, cancellationToken);
                    }
                    catch (TimeoutException)
                    {
                        return await TimedOutAsync();
                    }
                    if (message is null)
                        return Ended();
                    if (Follow(message))
                    {
                        worker.Stop(); // the worker waits for this: what its cells started ends with it
                        return cells.Complete(total.Elapsed);
                    }
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or NotebookFormatException)
            {
                worker.Stop();
                return Crashed($"the notebook worker failed: {e.Message}{Reason()}");
            }
        }

        /// <summary>Takes in one report from the worker; true when it was the last (the notebook ended).</summary>
        private bool Follow(WorkerMessage message)
        {
            switch (message.Event)
            {
                case WorkerEvent.Progress:
                    if (message.Status == CellStatus.Running)
                        lastStarted = message.Number;
                    options.Progress?.Invoke(new CellProgress(name, message.Number, message.Count, message.Status, message.Elapsed));
                    break;
                case WorkerEvent.Executing:
                    running = message.Number;
                    cellClock.Restart();
                    break;
                case WorkerEvent.Finished:
                    running = null;
                    var outputs = WorkerProtocol.OutputsFromJson(message.Notebook!);
                    cells.Finished(new CellResult(message.Number, message.Status, message.Elapsed, message.Error, message.Line, message.Truncated), message.ExecutionCount, () => outputs);
                    partial = null;
                    partialReason = null;
                    break;
                case WorkerEvent.Partial:
                    Keep(message);
                    break;
                case WorkerEvent.Result:
                    return true;
            }
            return false;
        }

        private async Task<NotebookRunResult> TimedOutAsync()
        {
            var elapsed = cellClock.Elapsed;
            if (await worker.AskForPartialAsync() is { } message)
                Keep(message);
            worker.Stop();
            var text = $"the cell did not finish within {options.CellTimeout.TotalSeconds:0.###} s (the runner's cell timeout); its process was stopped and the rest of the notebook is abandoned";
            return cells.Abandon(running!.Value, "Timeout", text, elapsed, partial ?? Journaled(running.Value), total.Elapsed);
        }

        /// <summary>The pipe closed without a result: the process ended under the notebook.</summary>
        private NotebookRunResult Ended()
        {
            var how = worker.WaitForEnd();
            var signaled = how.StartsWith("killed", StringComparison.Ordinal);
            var silent = signaled
                ? "; it printed nothing (something outside the notebook ended it, or the system ran out of memory)"
                : "; it printed nothing (did a cell call Environment.Exit?)";
            return Crashed($"the notebook's process ended ({how}){Reason(silent)}");
        }

        private NotebookRunResult Crashed(string message)
        {
            var number = running ?? lastStarted;
            var kept = partial ?? (number is int n ? Journaled(n) : null);
            return cells.Abandon(number, ProcessExited, message, running is null ? TimeSpan.Zero : cellClock.Elapsed, kept, total.Elapsed);
        }

        /// <summary>What cell <paramref name="number"/> printed, from the journal, when the worker could not send it.</summary>
        private List<CellOutput>? Journaled(int number) =>
            journal?.Read() is ({ } cell, { Count: > 0 } outputs) && cell == number ? [.. outputs.Select(Scrubber().Scrub)] : null;

        private PathScrubber Scrubber() => new(directory, options.RepositoryRoot ?? RepositoryRoot.TryFind(directory));

        private string Reason(string silent = "; it printed nothing (did a cell call Environment.Exit?)")
        {
            var reason = partialReason is null ? worker.CrashLine() : "Unhandled exception. " + partialReason;
            return reason is null ? silent : $": {Scrubber().Scrub(reason)}";
        }

        private void Keep(WorkerMessage message)
        {
            partial = WorkerProtocol.OutputsFromJson(message.Notebook!);
            partialReason = message.Error;
        }
    }
}
