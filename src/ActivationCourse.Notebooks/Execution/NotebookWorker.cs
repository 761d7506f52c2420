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
        var gate = new Lock();
        var running = 0;
        Func<IReadOnlyList<CellOutput>>? outputs = null;

        void Send(WorkerMessage message)
        {
            var text = WorkerProtocol.Serialize(message);
            lock (gate)
                writer.WriteLine(text);
        }

        // What the running cell printed is sent before the process ends under it (Environment.Exit, an unhandled
        // exception) and when the runner asks (before it stops a cell that timed out).
        void SendPartial(string? reason)
        {
            if (outputs is { } current && running > 0)
                Send(new WorkerMessage(WorkerEvent.Partial, running, Error: reason, Notebook: WorkerProtocol.OutputsToJson(current())));
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => SendPartial(null);
        AppDomain.CurrentDomain.UnhandledException += (_, e) => SendPartial(e.ExceptionObject is Exception ex ? $"{ex.GetType().FullName}: {ex.Message}" : null);
        _ = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } request)
            {
                if (request == WorkerProtocol.SnapshotRequest)
                    SendPartial(null);
            }
        }, cancellationToken);

        var runner = new NotebookRunner(new RunnerOptions
        {
            // The runner that started this process enforces the timeout by ending it.
            CellTimeout = Timeout.InfiniteTimeSpan,
            RepositoryRoot = request.RepositoryRoot,
            CellOutputLimit = request.CellOutputLimit,
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
                    WorkerEvent.Finished, result.Number, 0, result.Status, result.Elapsed, result.Error, result.Line, count, WorkerProtocol.OutputsToJson(cellOutputs)));
            },
        });
        var notebook = NotebookReader.ParseIpynb(request.Notebook);
        var run = await runner.RunAsync(notebook, request.Directory, request.Name, cancellationToken);
        Send(new WorkerMessage(WorkerEvent.Result, Elapsed: run.Elapsed, Notebook: NotebookWriter.ToJson(run.Executed), Cells: run.Cells));
        return 0;
    }
}
