using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
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

    private const int StderrLimit = 16 * 1024;

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
        var total = Stopwatch.StartNew();
        var pipeName = $"activationcourse-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40];
        await using var pipe = new NamedPipeServerStream(pipeName, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        var start = new ProcessStartInfo(launch.FileName)
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in launch.Arguments)
            start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--pipe");
        start.ArgumentList.Add(pipeName);
        foreach (var (variable, value) in launch.Environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                start.Environment.Remove(variable);
            else
                start.Environment[variable] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start the notebook worker {launch.FileName}");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                if (e.Data is not null && stderr.Length < StderrLimit)
                    stderr.Append(e.Data).Append('\n');
            }
        };
        process.OutputDataReceived += (_, _) => { }; // drained, never shown: it belongs to no cell
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var finished = new Dictionary<int, WorkerMessage>();
        List<CellOutput>? partial = null;
        string? partialReason = null;
        int? running = null;
        int? lastStarted = null;
        var cellClock = new Stopwatch();
        try
        {
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var exited = process.WaitForExitAsync(connect.Token);
                var connected = pipe.WaitForConnectionAsync(connect.Token);
                if (await Task.WhenAny(connected, exited) != connected)
                {
                    await connect.CancelAsync();
                    return Crashed(lastStarted, "the notebook worker ended before it started the notebook");
                }
                await connected;
                await connect.CancelAsync();
            }

            using var reader = new StreamReader(pipe, new UTF8Encoding(false), false, 1 << 16, leaveOpen: true);
            await using var writer = new StreamWriter(pipe, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            await writer.WriteLineAsync(WorkerProtocol.Serialize(new WorkerRequest(
                NotebookWriter.ToJson(notebook), directory, name, options.RepositoryRoot, options.CellOutputLimit)));
            await writer.FlushAsync(cancellationToken);

            CancellationTokenSource? timer = null;
            try
            {
                while (true)
                {
                    using var wait = timer is null
                        ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
                        : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
                    string? line;
                    try
                    {
                        line = await reader.ReadLineAsync(wait.Token);
                    }
                    catch (OperationCanceledException) when (timer?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
                    {
                        var elapsed = cellClock.Elapsed;
                        await AskForPartialAsync(reader, writer);
                        Stop(process);
                        return TimedOut(running!.Value, elapsed);
                    }
                    if (line is null)
                        break;
                    var message = WorkerProtocol.Deserialize<WorkerMessage>(line);
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
                            timer?.Dispose();
                            timer = new CancellationTokenSource(options.CellTimeout);
                            break;
                        case WorkerEvent.Finished:
                            running = null;
                            timer?.Dispose();
                            timer = null;
                            finished[message.Number] = message;
                            partial = null;
                            partialReason = null;
                            break;
                        case WorkerEvent.Partial:
                            Keep(message);
                            break;
                        case WorkerEvent.Result:
                            var executed = NotebookReader.ParseIpynb(message.Notebook!);
                            Stop(process, TimeSpan.FromSeconds(5));
                            return new NotebookRunResult(name, executed, message.Cells!, total.Elapsed);
                    }
                }
            }
            finally
            {
                timer?.Dispose();
            }

            // The pipe closed without a result: the process ended under the notebook.
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
                Stop(process);
            process.WaitForExit();
            var code = process.ExitCode;
            return Crashed(running ?? lastStarted, $"the notebook's process ended (exit code {code}){Reason()}");
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            throw;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or NotebookFormatException)
        {
            Stop(process);
            return Crashed(running ?? lastStarted, $"the notebook worker failed: {e.Message}{Reason()}");
        }

        string Reason()
        {
            string text;
            lock (stderr)
                text = stderr.ToString();
            var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var reason = (partialReason is null ? null : "Unhandled exception. " + partialReason) ?? lines.FirstOrDefault(l => l.StartsWith("Unhandled exception.", StringComparison.Ordinal)
                    || l.StartsWith("Stack overflow", StringComparison.Ordinal)
                    || l.StartsWith("Fatal error", StringComparison.Ordinal)
                    || l.StartsWith("Process terminated", StringComparison.Ordinal))
                ?? lines.FirstOrDefault();
            return reason is null ? "; it printed nothing (did a cell call Environment.Exit?)" : $": {new PathScrubber(directory, options.RepositoryRoot ?? RepositoryRoot.TryFind(directory)).Scrub(reason)}";
        }

        // What the cell printed before it timed out: asked for, with a short wait (a cell can hold up its own process).
        async Task AskForPartialAsync(StreamReader reader, StreamWriter writer)
        {
            try
            {
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await writer.WriteLineAsync(WorkerProtocol.SnapshotRequest.AsMemory(), wait.Token);
                await writer.FlushAsync(wait.Token);
                while (await reader.ReadLineAsync(wait.Token) is { } line)
                {
                    var message = WorkerProtocol.Deserialize<WorkerMessage>(line);
                    if (message.Event == WorkerEvent.Partial)
                    {
                        Keep(message);
                        return;
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or System.Text.Json.JsonException)
            {
                // Nothing came: the cell's outputs are lost with its process.
            }
        }

        void Keep(WorkerMessage message)
        {
            partial = WorkerProtocol.OutputsFromJson(message.Notebook!);
            partialReason = message.Error;
        }

        NotebookRunResult TimedOut(int number, TimeSpan elapsed)
        {
            var message = $"the cell did not finish within {options.CellTimeout.TotalSeconds:0.###} s (the runner's cell timeout); its process was stopped and the rest of the notebook is abandoned";
            return Partial(number, "Timeout", message, elapsed);
        }

        NotebookRunResult Crashed(int? number, string message)
        {
            // Blame the cell that ran; when none did, the first code cell that did not finish.
            var blamed = number is int n && !finished.ContainsKey(n)
                ? n
                : notebook.Cells.Select((c, i) => (c, i + 1)).Where(x => x.c.Kind == CellKind.Code && !finished.ContainsKey(x.Item2)).Select(x => x.Item2).FirstOrDefault(number ?? 1);
            return Partial(blamed, ProcessExited, message, running is null ? TimeSpan.Zero : cellClock.Elapsed);
        }

        NotebookRunResult Partial(int failed, string ename, string message, TimeSpan elapsed)
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
                    cell.Outputs.AddRange(WorkerProtocol.OutputsFromJson(done.Notebook!));
                    cell.ExecutionCount = done.ExecutionCount;
                    lastCount = done.ExecutionCount ?? lastCount;
                    results.Add(new CellResult(number, done.Status, done.Elapsed, done.Error, done.Line));
                }
                else if (number == failed)
                {
                    cell.ExecutionCount = lastCount + 1;
                    if (partial is not null)
                        cell.Outputs.AddRange(partial);
                    cell.Outputs.Add(new ErrorOutput(ename, message, [message]));
                    results.Add(new CellResult(number, CellStatus.Failed, elapsed, message));
                    options.Progress?.Invoke(new CellProgress(name, number, executed.Cells.Count, CellStatus.Failed, elapsed));
                }
                else
                {
                    results.Add(new CellResult(number, CellStatus.NotRun, TimeSpan.Zero));
                }
            }
            return new NotebookRunResult(name, executed, results, total.Elapsed);
        }
    }

    /// <summary>Ends the worker and anything it started, unless it ends by itself within <paramref name="grace"/>.</summary>
    private static void Stop(Process process, TimeSpan grace = default)
    {
        try
        {
            if (grace > TimeSpan.Zero && process.WaitForExit(grace))
                return;
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It had already ended.
        }
    }
}
