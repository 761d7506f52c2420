using ActivationCourse.IO;
using ActivationCourse.Notebooks.IO;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>What happened to one notebook of a <see cref="NotebookBatch"/>.</summary>
/// <param name="Path">The notebook file.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Result">The run, or null when the file could not be read as a notebook.</param>
/// <param name="Problem">One line naming the notebook and what went wrong (and where its outputs went), or null when all went well.</param>
/// <param name="WrittenTo">The file the executed notebook was written to, or null when none was.</param>
public sealed record NotebookOutcome(string Path, string Name, NotebookRunResult? Result, string? Problem, string? WrittenTo)
{
    /// <summary>True when the notebook was read, ran without a failing cell and was saved.</summary>
    public bool Succeeded => Problem is null;
}

/// <summary>
/// Runs notebooks one after another and saves each executed copy, so that one notebook's problem (a file that is
/// not a notebook, a failing cell, a target that cannot be written) is reported in one line and never stops the
/// others or loses a file: every write is atomic, and with <see cref="InPlace"/> a failed run leaves the original
/// as it was unless <see cref="KeepFailed"/> says otherwise.
/// </summary>
public sealed class NotebookBatch
{
    /// <summary>Runs one notebook file (an <see cref="IsolatedNotebookRunner"/> or a <see cref="NotebookRunner"/>).</summary>
    public required Func<string, CancellationToken, Task<NotebookRunResult>> Run { get; init; }

    /// <summary>The folder for executed copies (and, with <see cref="InPlace"/>, for the copies of failed runs).</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Rewrite each notebook with its outputs (a <c>.dib</c> gets an <c>.ipynb</c> next to it).</summary>
    public bool InPlace { get; init; }

    /// <summary>With <see cref="InPlace"/>: rewrite a notebook even when a cell failed (its error saved in it).</summary>
    public bool KeepFailed { get; init; }

    /// <summary>The repository root, for notebook names in messages (found from each notebook when null).</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Writes a file atomically; tests replace it to simulate a full disk.</summary>
    public Action<string, string> WriteFile { get; init; } = AtomicFile.WriteAllText;

    /// <summary>Called after each notebook, in order.</summary>
    public Action<NotebookOutcome>? Finished { get; init; }

    /// <summary>Runs and saves the notebooks; returns one outcome per path, in order.</summary>
    public async Task<IReadOnlyList<NotebookOutcome>> RunAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<NotebookOutcome>();
        foreach (var path in paths)
        {
            var outcome = await RunOneAsync(Path.GetFullPath(path), cancellationToken);
            outcomes.Add(outcome);
            Finished?.Invoke(outcome);
        }
        return outcomes;
    }

    private async Task<NotebookOutcome> RunOneAsync(string path, CancellationToken cancellationToken)
    {
        var name = NotebookRunner.DisplayName(path, RepositoryRoot);
        NotebookRunResult result;
        try
        {
            result = await Run(path, cancellationToken);
        }
        catch (NotebookFormatException e)
        {
            return new NotebookOutcome(path, name, null, $"{name}: {e.Problem}", null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new NotebookOutcome(path, name, null, $"{name}: could not be read: {e.Message}", null);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // The worker process could not be started.
            return new NotebookOutcome(path, name, null, $"{name}: not run: {e.Message}", null);
        }

        var inPlaceTarget = Path.ChangeExtension(path, ".ipynb");
        var copyTarget = Path.Combine(OutputFolder, Path.GetFileNameWithoutExtension(path) + ".ipynb");
        var failure = result.FailureMessage;
        if (failure is null)
        {
            var target = InPlace ? inPlaceTarget : copyTarget;
            return Save(result, target) is { } error
                ? new NotebookOutcome(path, name, result, $"{name}: ran, but was not saved: {error}{(InPlace && File.Exists(target) ? $"; {Shown(target)} is unchanged" : "")}", null)
                : new NotebookOutcome(path, name, result, null, target);
        }

        if (InPlace && !KeepFailed)
        {
            var kept = File.Exists(inPlaceTarget) ? $"{Shown(inPlaceTarget)} is unchanged (--keep-failed writes it anyway)" : $"{Shown(inPlaceTarget)} was not written";
            return Save(result, copyTarget) is { } error
                ? new NotebookOutcome(path, name, result, $"{failure}; {kept}; the executed copy could not be saved either: {error}", null)
                : new NotebookOutcome(path, name, result, $"{failure}; {kept}; the executed copy with the error is {Shown(copyTarget)}", copyTarget);
        }

        var written = InPlace ? inPlaceTarget : copyTarget;
        return Save(result, written) is { } saveError
            ? new NotebookOutcome(path, name, result, $"{failure}; the executed notebook was not saved: {saveError}", null)
            : new NotebookOutcome(path, name, result, InPlace ? $"{failure}; saved with the error in {Shown(written)}" : failure, written);
    }

    /// <summary>Writes the executed notebook; returns the error, or null.</summary>
    private string? Save(NotebookRunResult result, string target)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            WriteFile(target, NotebookWriter.ToJson(result.Executed));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    private static string Shown(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);
}
