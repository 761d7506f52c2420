using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActivationCourse.IO;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.IO;

/// <summary>
/// Writes nbformat 4 JSON the way VS Code saves a Polyglot notebook: keys sorted at the cell level, multi-line text
/// as line arrays, 2-space indent, <c>\n</c> line endings and a trailing newline, and the metadata Polyglot Notebooks
/// writes (<c>language_info</c> named <c>polyglot-notebook</c>, a kernel name on every code cell). Same notebook in,
/// same bytes out.
/// </summary>
public static class NotebookWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the notebook to a file (creating its folder), as <c>.ipynb</c> JSON whatever the extension.</summary>
    public static void Save(Notebook notebook, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(path, ToJson(notebook));
    }

    /// <summary>The notebook as nbformat 4 JSON text.</summary>
    public static string ToJson(Notebook notebook)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteStartArray("cells");
            foreach (var cell in notebook.Cells)
                WriteCell(w, cell, notebook.DefaultKernel);
            w.WriteEndArray();
            w.WritePropertyName("metadata");
            PolyglotNotebookMetadata(notebook).WriteTo(w);
            w.WriteNumber("nbformat", 4);
            w.WriteNumber("nbformat_minor", notebook.NbformatMinor);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// The notebook's metadata as Polyglot Notebooks saves it: <c>language_info</c> is <c>{"name": "polyglot-notebook"}</c>
    /// (a Jupyter kernel's own language_info is replaced), and a missing kernelspec or kernel list gets Polyglot's C# one.
    /// </summary>
    internal static JsonObject PolyglotNotebookMetadata(Notebook notebook)
    {
        var metadata = (JsonObject)notebook.Metadata.DeepClone();
        var polyglot = Notebook.PolyglotMetadata(notebook.DefaultKernel);
        foreach (var key in new[] { "kernelspec", "polyglot_notebook" })
        {
            if (metadata[key] is null)
                metadata[key] = polyglot[key]!.DeepClone();
        }
        metadata["language_info"] = polyglot["language_info"]!.DeepClone();
        return Sorted(metadata);
    }

    /// <summary>A code cell's metadata as Polyglot saves it: its kernel name under <c>polyglot_notebook</c>, no Jupyter run times.</summary>
    internal static JsonObject PolyglotCellMetadata(Cell cell, string defaultKernel)
    {
        var metadata = (JsonObject)cell.Metadata.DeepClone();
        if (cell.Kind != CellKind.Code)
            return metadata;
        metadata.Remove("execution");
        if (metadata["polyglot_notebook"] is not JsonObject polyglot)
            metadata["polyglot_notebook"] = polyglot = [];
        polyglot["kernelName"] = cell.KernelName ?? defaultKernel;
        return Sorted(metadata);
    }

    /// <summary>Top-level keys in ordinal order, as VS Code writes them.</summary>
    private static JsonObject Sorted(JsonObject obj) =>
        new(obj.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));

    private static void WriteCell(Utf8JsonWriter w, Cell cell, string defaultKernel)
    {
        w.WriteStartObject();
        w.WriteString("cell_type", cell.Kind switch { CellKind.Code => "code", CellKind.Markdown => "markdown", _ => "raw" });
        if (cell.Kind == CellKind.Code)
        {
            if (cell.ExecutionCount is int count)
                w.WriteNumber("execution_count", count);
            else
                w.WriteNull("execution_count");
        }
        if (cell.Id is not null)
            w.WriteString("id", cell.Id);
        w.WritePropertyName("metadata");
        PolyglotCellMetadata(cell, defaultKernel).WriteTo(w);
        if (cell.Kind == CellKind.Code)
        {
            w.WriteStartArray("outputs");
            foreach (var output in cell.Outputs)
                WriteOutput(w, output);
            w.WriteEndArray();
        }
        WriteLines(w, "source", cell.Source);
        w.WriteEndObject();
    }

    private static void WriteOutput(Utf8JsonWriter w, CellOutput output)
    {
        w.WriteStartObject();
        switch (output)
        {
            case StreamOutput s:
                w.WriteString("name", s.Name);
                w.WriteString("output_type", "stream");
                WriteLines(w, "text", s.Text);
                break;
            case DataOutput d:
                w.WriteStartObject("data");
                foreach (var (mime, value) in d.Data.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    if (mime.EndsWith("json", StringComparison.Ordinal) && TryParse(value) is { } json)
                    {
                        w.WritePropertyName(mime);
                        json.WriteTo(w);
                    }
                    else
                    {
                        WriteLines(w, mime, value);
                    }
                }
                w.WriteEndObject();
                if (d.IsResult)
                    w.WriteNumber("execution_count", d.ExecutionCount ?? 0);
                w.WriteStartObject("metadata");
                w.WriteEndObject();
                w.WriteString("output_type", d.IsResult ? "execute_result" : "display_data");
                break;
            case ErrorOutput e:
                w.WriteString("ename", e.EName);
                w.WriteString("evalue", e.EValue);
                w.WriteString("output_type", "error");
                w.WriteStartArray("traceback");
                foreach (var line in e.Traceback)
                    w.WriteStringValue(line);
                w.WriteEndArray();
                break;
        }
        w.WriteEndObject();
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes text as Jupyter does: an array of lines, each keeping its <c>\n</c> except the last.</summary>
    private static void WriteLines(Utf8JsonWriter w, string name, string text)
    {
        w.WriteStartArray(name);
        foreach (var line in SplitKeepingNewlines(text))
            w.WriteStringValue(line);
        w.WriteEndArray();
    }

    internal static IEnumerable<string> SplitKeepingNewlines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                yield return text[start..];
                yield break;
            }
            yield return text[start..(end + 1)];
            start = end + 1;
        }
    }
}
