using System.Diagnostics;
using System.IO.Pipes;
using System.Text;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// One notebook worker process, seen from the runner: started with a pipe to talk over, read one message at a time
/// (with a deadline), and ended together with every process its cells started. When it ends by itself, it says how
/// (an exit code, or the signal that killed it) and what it wrote to stderr.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private const int StderrLimit = 16 * 1024;

    private readonly Process process;
    private readonly NamedPipeServerStream pipe;
    private readonly StringBuilder stderr = new();
    private StreamReader? reader;
    private StreamWriter? writer;

    private WorkerProcess(Process process, NamedPipeServerStream pipe)
    {
        this.process = process;
        this.pipe = pipe;
    }

    /// <summary>Starts a worker in <paramref name="directory"/> with a new pipe; its stdout is drained, its stderr kept (the start of it).</summary>
    public static WorkerProcess Start(WorkerLaunch launch, string directory)
    {
        var pipeName = $"activationcourse-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40];
        var pipe = new NamedPipeServerStream(pipeName, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
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

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start the notebook worker {launch.FileName}");
        }
        catch
        {
            pipe.Dispose();
            throw;
        }
        var worker = new WorkerProcess(process, pipe);
        process.ErrorDataReceived += (_, e) => worker.KeepStderr(e.Data);
        process.OutputDataReceived += (_, _) => { }; // drained, never shown: it belongs to no cell
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return worker;
    }

    /// <summary>Waits for the worker to connect; false when its process ended first.</summary>
    public async Task<bool> ConnectAsync(CancellationToken cancellationToken)
    {
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var exited = process.WaitForExitAsync(connect.Token);
        var connected = pipe.WaitForConnectionAsync(connect.Token);
        var first = await Task.WhenAny(connected, exited);
        await connect.CancelAsync();
        if (first != connected)
            return false;
        await connected;
        reader = new StreamReader(pipe, new UTF8Encoding(false), false, 1 << 16, leaveOpen: true);
        writer = new StreamWriter(pipe, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        return true;
    }

    /// <summary>Sends one line to the worker.</summary>
    public async Task SendAsync(string line, CancellationToken cancellationToken)
    {
        await writer!.WriteLineAsync(line.AsMemory(), cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// The next message, or null when the pipe closed (the process ended). Throws <see cref="TimeoutException"/>
    /// when none comes within <paramref name="within"/> (null: no deadline).
    /// </summary>
    public async Task<WorkerMessage?> ReadAsync(TimeSpan? within, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (within is { } deadline)
            wait.CancelAfter(deadline < TimeSpan.Zero ? TimeSpan.Zero : deadline);
        try
        {
            return await reader!.ReadLineAsync(wait.Token) is { } line ? WorkerProtocol.Deserialize<WorkerMessage>(line) : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException();
        }
    }

    /// <summary>
    /// Asks for the running cell's outputs so far, with a short wait (a cell can hold up its own process);
    /// null when none came.
    /// </summary>
    public async Task<WorkerMessage?> AskForPartialAsync()
    {
        try
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await SendAsync(WorkerProtocol.SnapshotRequest, wait.Token);
            while (await reader!.ReadLineAsync(wait.Token) is { } line)
            {
                var message = WorkerProtocol.Deserialize<WorkerMessage>(line);
                if (message.Event == WorkerEvent.Partial)
                    return message;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or System.Text.Json.JsonException)
        {
            // Nothing came: the cell's outputs are lost with its process (but for its journal).
        }
        return null;
    }

    /// <summary>After the pipe closed: waits a little for the process to end by itself, then ends it; says how it ended.</summary>
    public string WaitForEnd()
    {
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            Stop();
        process.WaitForExit();
        return ProcessGroup.SignalOf(process.ExitCode) is { } signal ? $"killed by {signal}" : $"exit code {process.ExitCode}";
    }

    /// <summary>The line of stderr that says why the process ended (the runtime's crash message), else its first line, or null.</summary>
    public string? CrashLine()
    {
        string text;
        lock (stderr)
            text = stderr.ToString();
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.FirstOrDefault(l => l.StartsWith("Unhandled exception.", StringComparison.Ordinal)
                || l.StartsWith("Stack overflow", StringComparison.Ordinal)
                || l.StartsWith("Fatal error", StringComparison.Ordinal)
                || l.StartsWith("Process terminated", StringComparison.Ordinal))
            ?? lines.FirstOrDefault();
    }

    /// <summary>Ends the worker and every process of its group (what its cells started), even if the worker already ended.</summary>
    public void Stop()
    {
        ProcessGroup.Kill(process.Id);
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It had already ended.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        reader?.Dispose();
        if (writer is not null)
        {
            try
            {
                await writer.DisposeAsync();
            }
            catch (IOException)
            {
                // The worker is gone: nothing to flush to.
            }
        }
        await pipe.DisposeAsync();
        process.Dispose();
    }

    private void KeepStderr(string? line)
    {
        lock (stderr)
        {
            if (line is not null && stderr.Length < StderrLimit)
                stderr.Append(line).Append('\n');
        }
    }
}
