using System.IO.Pipes;
using System.Text;
using ActivationCourse.Notebooks.IO;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// The worker side of <see cref="IsolatedNotebookRunner"/>: runs one notebook in this process and reports each
/// step over the pipe the runner named. The host program calls <see cref="RunAsync"/> from a hidden command and
/// exits with its result (without waiting for threads the notebook left running).
/// </summary>
public static class NotebookWorker
{
    /// <summary>Runs the notebook the runner sends over <paramref name="pipeName"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string pipeName, CancellationToken cancellationToken = default)
    {
        // The processes cells start join this process's group, so the runner ends them with it.
        ProcessGroup.Lead();
        // Output written outside any cell (a thread the notebook left running) belongs to no cell: drop it.
        // (The runtime's own crash messages go to the real stderr, where the runner reads them.)
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);
        await using var pipe = new NamedPipeClientStream(".", pipeName, PipeDirection.InOut, PipeOptions.Asynchronous);
        await pipe.ConnectAsync(TimeSpan.FromMinutes(1), cancellationToken);
        using var reader = new StreamReader(pipe, new UTF8Encoding(false), false, 1 << 16, leaveOpen: true);
        await using var writer = new StreamWriter(pipe, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n", AutoFlush = true };
        var line = await reader.ReadLineAsync(cancellationToken);
        if (line is null)
            return 3;
        var request = WorkerProtocol.Deserialize<WorkerRequest>(line);
        using var journal = OpenJournal(request.JournalPath);
        var reporter = new Reporter(writer);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => reporter.SendPartial(null);
        AppDomain.CurrentDomain.UnhandledException += (_, e) => reporter.SendPartial(e.ExceptionObject is Exception ex ? $"{ex.GetType().FullName}: {ex.Message}" : null);
        var listening = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } request)
            {
                if (request == WorkerProtocol.SnapshotRequest)
                    reporter.SendPartial(null);
            }
        }, cancellationToken);

        var runner = new NotebookRunner(reporter.Options(request, journal));
        var notebook = NotebookReader.ParseIpynb(request.Notebook);
        var run = await runner.RunAsync(notebook, request.Directory, request.Name, cancellationToken);
        reporter.Send(new WorkerMessage(WorkerEvent.Result, Elapsed: run.Elapsed));
        // The runner now ends this process with every process its cells started; exit by ourselves only if it does not.
        await Task.WhenAny(listening, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
        return 0;
    }

    private static OutputJournal? OpenJournal(string? path)
    {
        try
        {
            return path is null ? null : OutputJournal.Open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Sends the run's events to the runner, one line each, and what the running cell printed when asked.</summary>
    private sealed class Reporter(StreamWriter writer)
    {
        private readonly Lock gate = new();
        private int running;
        private Func<IReadOnlyList<CellOutput>>? outputs;

        public void Send(WorkerMessage message)
        {
            var text = WorkerProtocol.Serialize(message);
            lock (gate)
                writer.WriteLine(text);
        }

        /// <summary>
        /// What the running cell printed: sent before the process ends under it (Environment.Exit, an unhandled
        /// exception) and when the runner asks (before it stops a cell that timed out).
        /// </summary>
        public void SendPartial(string? reason)
        {
            if (outputs is { } current && running > 0)
                Send(new WorkerMessage(WorkerEvent.Partial, running, Error: reason, Notebook: WorkerProtocol.OutputsToJson(current())));
        }

        public RunnerOptions Options(WorkerRequest request, OutputJournal? journal) => new()
        {
            // The runner that started this process enforces the timeout by ending it.
            CellTimeout = Timeout.InfiniteTimeSpan,
            RepositoryRoot = request.RepositoryRoot,
            CellOutputLimit = request.CellOutputLimit,
            NotebookOutputLimit = request.NotebookOutputLimit,
            Journal = journal,
            Progress = p => Send(new WorkerMessage(WorkerEvent.Progress, p.CellNumber, p.CellCount, p.Status, p.Elapsed)),
            CellExecuting = (number, snapshot) =>
            {
                outputs = snapshot;
                running = number;
                Send(new WorkerMessage(WorkerEvent.Executing, number));
            },
            CellFinished = (result, count, cellOutputs) =>
            {
                running = 0;
                outputs = null;
                Send(new WorkerMessage(
                    WorkerEvent.Finished, result.Number, 0, result.Status, result.Elapsed, result.Error, result.Line, count, WorkerProtocol.OutputsToJson(cellOutputs), result.OutputTruncated));
            },
        };
    }
}
