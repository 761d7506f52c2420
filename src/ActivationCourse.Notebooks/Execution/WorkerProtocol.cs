using System.Text.Json;
using System.Text.Json.Serialization;
using ActivationCourse.Notebooks.IO;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// What the runner asks a worker process to run: one notebook, as nbformat JSON, with the output limits and the
/// <see cref="OutputJournal"/> file for the running cell's console text (null: none).
/// </summary>
internal sealed record WorkerRequest(string Notebook, string Directory, string Name, string? RepositoryRoot, long CellOutputLimit, long NotebookOutputLimit, string? JournalPath);

/// <summary>The kinds of <see cref="WorkerMessage"/>.</summary>
internal enum WorkerEvent
{
    /// <summary>A progress report, as <see cref="RunnerOptions.Progress"/> gives it.</summary>
    Progress,

    /// <summary>A cell is compiled and its code starts running: the cell timeout starts now.</summary>
    Executing,

    /// <summary>A code cell ended; its outputs so far come with it.</summary>
    Finished,

    /// <summary>The outputs of the running cell so far: asked for before a timeout ends the process, or sent as it ends under the cell.</summary>
    Partial,

    /// <summary>The notebook ended (every cell has been reported); the worker then waits for the runner to end it and what its cells started.</summary>
    Result,
}

/// <summary>One line from the worker to the runner.</summary>
internal sealed record WorkerMessage(
    WorkerEvent Event,
    int Number = 0,
    int Count = 0,
    CellStatus Status = CellStatus.Running,
    TimeSpan Elapsed = default,
    string? Error = null,
    int? Line = null,
    int? ExecutionCount = null,
    string? Notebook = null,
    bool Truncated = false);

/// <summary>
/// The runner and its worker talk over a local pipe (never the worker's console, which notebook code may write to),
/// one JSON object per line; outputs travel as nbformat JSON.
/// </summary>
internal static class WorkerProtocol
{
    /// <summary>The line the runner sends to ask for a <see cref="WorkerEvent.Partial"/> message.</summary>
    public const string SnapshotRequest = "snapshot";

    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string line) =>
        JsonSerializer.Deserialize<T>(line, Options) ?? throw new InvalidDataException("the notebook worker sent an empty message");

    /// <summary>A cell's outputs as the JSON of a one-cell notebook.</summary>
    public static string OutputsToJson(IReadOnlyList<CellOutput> outputs)
    {
        var notebook = new Notebook();
        var cell = new Cell(CellKind.Code, "");
        cell.Outputs.AddRange(outputs);
        notebook.Cells.Add(cell);
        return NotebookWriter.ToJson(notebook);
    }

    public static List<CellOutput> OutputsFromJson(string json) => NotebookReader.ParseIpynb(json).Cells[0].Outputs;
}
