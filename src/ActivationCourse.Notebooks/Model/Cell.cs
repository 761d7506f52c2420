using System.Text.Json.Nodes;

namespace ActivationCourse.Notebooks.Model;

/// <summary>The kind of a notebook cell.</summary>
public enum CellKind
{
    /// <summary>Source code, executed by a kernel.</summary>
    Code,

    /// <summary>Markdown prose, rendered, never executed.</summary>
    Markdown,

    /// <summary>Raw text, kept as is.</summary>
    Raw,
}

/// <summary>One notebook cell: its source, metadata and (for code) outputs.</summary>
public sealed class Cell
{
    /// <summary>Creates a cell.</summary>
    public Cell(CellKind kind, string source, JsonObject? metadata = null)
    {
        Kind = kind;
        Source = source;
        Metadata = metadata ?? [];
    }

    /// <summary>Code, markdown or raw.</summary>
    public CellKind Kind { get; }

    /// <summary>The cell's text, lines separated by <c>\n</c>.</summary>
    public string Source { get; set; }

    /// <summary>Cell metadata, kept in the order it was read.</summary>
    public JsonObject Metadata { get; }

    /// <summary>The nbformat 4.5 cell id, when the notebook has one.</summary>
    public string? Id { get; set; }

    /// <summary>The execution count of a code cell (null when not run).</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>The outputs of a code cell.</summary>
    public List<CellOutput> Outputs { get; } = [];

    /// <summary>The kernel this cell names in its metadata, or null when it names none.</summary>
    public string? KernelName
    {
        get
        {
            var name = (Metadata["polyglot_notebook"] as JsonObject)?["kernelName"]
                ?? (Metadata["dotnet_interactive"] as JsonObject)?["language"];
            return name is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : null;
        }
    }

    /// <summary>A deep copy.</summary>
    public Cell Clone()
    {
        var copy = new Cell(Kind, Source, (JsonObject)Metadata.DeepClone()) { Id = Id, ExecutionCount = ExecutionCount };
        copy.Outputs.AddRange(Outputs);
        return copy;
    }

    /// <summary>The metadata Polyglot Notebooks writes on a cell of the given kernel.</summary>
    public static JsonObject KernelMetadata(string kernel) => new()
    {
        ["dotnet_interactive"] = new JsonObject { ["language"] = kernel },
        ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel },
    };
}
