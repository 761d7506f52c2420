using System.Text.Json.Nodes;

namespace ActivationCourse.Notebooks.Model;

/// <summary>A Polyglot notebook in memory: its cells and the metadata it came with (kept as given).</summary>
public sealed class Notebook
{
    /// <summary>Notebook-level metadata, kept in the order it was read.</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>nbformat minor version (the major version is always 4).</summary>
    public int NbformatMinor { get; set; } = 2;

    /// <summary>The cells, in order.</summary>
    public List<Cell> Cells { get; } = [];

    /// <summary>The kernel a code cell without its own kernel name runs in ("csharp" unless the metadata says otherwise).</summary>
    public string DefaultKernel
    {
        get
        {
            var polyglot = Metadata["polyglot_notebook"] as JsonObject;
            var name = (polyglot?["kernelInfo"] as JsonObject)?["defaultKernelName"] ?? polyglot?["defaultKernelName"];
            return name is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : "csharp";
        }
    }

    /// <summary>A deep copy, so a run never changes the notebook it was given.</summary>
    public Notebook Clone()
    {
        var copy = new Notebook { Metadata = (JsonObject)Metadata.DeepClone(), NbformatMinor = NbformatMinor };
        copy.Cells.AddRange(Cells.Select(c => c.Clone()));
        return copy;
    }

    /// <summary>The metadata VS Code's Polyglot Notebooks writes for a C# notebook.</summary>
    public static JsonObject PolyglotMetadata(string defaultKernel = "csharp") => new()
    {
        ["kernelspec"] = new JsonObject
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        },
        ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = defaultKernel,
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = defaultKernel }),
            },
        },
    };
}
