using System.Collections.Immutable;
using System.Diagnostics;
using ActivationCourse.Notebooks.IO;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// Runs the C# cells of a Polyglot notebook in order, as chained Roslyn script submissions (state carries
/// from cell to cell, as in .NET Interactive), with the notebook's folder as the working directory.
/// The first failing cell stops the notebook: later cells are recorded as not run.
/// </summary>
/// <remarks>
/// Console redirection and the working directory are process-wide, so runs are serialized. A cell that times out
/// here is abandoned, not stopped (a thread cannot be ended safely), and a crash ends the whole process:
/// <see cref="IsolatedNotebookRunner"/> runs each notebook in its own process instead, and the <c>course</c> commands use it.
/// </remarks>
public sealed class NotebookRunner(RunnerOptions? options = null)
{
    /// <summary>The namespaces every cell sees, as in .NET Interactive's C# kernel.</summary>
    public static readonly ImmutableArray<string> DefaultUsings =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private readonly RunnerOptions options = options ?? new RunnerOptions();
    private readonly NuGetResolver nuget = new();

    /// <summary>Reads and runs a notebook file (<c>.ipynb</c> or <c>.dib</c>).</summary>
    public Task<NotebookRunResult> RunAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        return RunAsync(NotebookReader.Load(full), Path.GetDirectoryName(full)!, DisplayName(full, options.RepositoryRoot), cancellationToken);
    }

    /// <summary>A notebook's name in messages: its path relative to the repository, else its file name.</summary>
    internal static string DisplayName(string fullPath, string? repositoryRoot)
    {
        var root = repositoryRoot ?? RepositoryRoot.TryFind(Path.GetDirectoryName(fullPath)!);
        return root is not null && fullPath.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetRelativePath(root, fullPath).Replace('\\', '/')
            : Path.GetFileName(fullPath);
    }

    /// <summary>Runs a notebook whose relative paths are relative to <paramref name="directory"/>. The given notebook is not changed.</summary>
    public async Task<NotebookRunResult> RunAsync(Notebook notebook, string directory, string name, CancellationToken cancellationToken = default)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        var previousDirectory = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = directory;
            return await RunCoreAsync(notebook, Path.GetFullPath(directory), name, cancellationToken);
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            OneAtATime.Release();
        }
    }

    private async Task<NotebookRunResult> RunCoreAsync(Notebook notebook, string directory, string name, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var fileName = name.Contains('/') ? name[(name.LastIndexOf('/') + 1)..] : name;
        var session = new ScriptSession(directory, fileName, notebook.DefaultKernel, options.CellTimeout, nuget);
        var scrubber = new PathScrubber(directory, options.RepositoryRoot ?? RepositoryRoot.TryFind(directory));
        var cells = new CellResultAssembler(notebook, name, options.Progress);
        var executionCount = 0;
        long kept = 0;
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            var number = i + 1;
            if (cell.Kind != CellKind.Code)
                continue;
            options.Progress?.Invoke(new CellProgress(name, number, notebook.Cells.Count, CellStatus.Running, TimeSpan.Zero));
            var sink = NewSink(kept, number);
            var count = ++executionCount;
            var result = await session.RunCellAsync(cell, number, sink,
                () => options.CellExecuting?.Invoke(number, () => [.. sink.Snapshot().Select(scrubber.Scrub)]), cancellationToken);
            kept += sink.Size;
            cells.Finished(result, count, () => [.. sink.Snapshot().Select(scrubber.Scrub)]);
            options.CellFinished?.Invoke(result, count, [.. sink.Snapshot().Select(scrubber.Scrub)]);
            options.Progress?.Invoke(new CellProgress(name, number, notebook.Cells.Count, result.Status, result.Elapsed));
            if (result.Status == CellStatus.Failed)
                break;
        }
        return cells.Complete(total.Elapsed);
    }

    /// <summary>
    /// The sink for the next cell: it keeps up to the cell's output limit, or what is left of the notebook's after the
    /// cells before kept <paramref name="kept"/> characters, whichever is less (its note then names the notebook's limit).
    /// </summary>
    private OutputSink NewSink(long kept, int number)
    {
        var left = Math.Max(0, options.NotebookOutputLimit - kept);
        var sink = left < options.CellOutputLimit
            ? new OutputSink(left, $"the notebook's cells wrote more than {RunnerOptions.Describe(options.NotebookOutputLimit)} together (the runner's limit per notebook)")
            : new OutputSink(options.CellOutputLimit);
        if (options.Journal is { } journal)
        {
            journal.Begin(number);
            sink.Kept = journal.Append;
        }
        return sink;
    }
}
