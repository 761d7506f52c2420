using System.Text.Json;
using System.Text.Json.Nodes;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.IO;

/// <summary>Reads Polyglot notebooks: <c>.ipynb</c> (nbformat 4) and <c>.dib</c>.</summary>
public static class NotebookReader
{
    /// <summary>Reads a notebook file; the extension decides the format.</summary>
    public static Notebook Load(string path)
    {
        var text = File.ReadAllText(path);
        return Path.GetExtension(path).Equals(".dib", StringComparison.OrdinalIgnoreCase) ? ParseDib(text) : ParseIpynb(text);
    }

    /// <summary>Parses nbformat 4 JSON.</summary>
    public static Notebook ParseIpynb(string json)
    {
        var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true }) as JsonObject
            ?? throw new FormatException("A notebook must be a JSON object.");
        var major = root["nbformat"]?.GetValue<int>() ?? 4;
        if (major != 4)
            throw new FormatException($"Only nbformat 4 is supported (this notebook is nbformat {major}).");
        var notebook = new Notebook
        {
            Metadata = root["metadata"] is JsonObject meta ? (JsonObject)meta.DeepClone() : [],
            NbformatMinor = root["nbformat_minor"]?.GetValue<int>() ?? 2,
        };
        foreach (var node in root["cells"] as JsonArray ?? [])
        {
            if (node is not JsonObject c)
                continue;
            var kind = (string?)c["cell_type"] switch
            {
                "code" => CellKind.Code,
                "markdown" => CellKind.Markdown,
                _ => CellKind.Raw,
            };
            var cell = new Cell(kind, JoinText(c["source"]), c["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : null)
            {
                Id = (string?)c["id"],
                ExecutionCount = c["execution_count"] is JsonValue count && count.TryGetValue(out int n) ? n : null,
            };
            foreach (var output in c["outputs"] as JsonArray ?? [])
            {
                if (output is JsonObject o && ParseOutput(o) is { } parsed)
                    cell.Outputs.Add(parsed);
            }
            notebook.Cells.Add(cell);
        }
        return notebook;
    }

    /// <summary>Parses the <c>.dib</c> text format: an optional <c>#!meta</c> JSON header, then cells each opened by a <c>#!kernel</c> line.</summary>
    public static Notebook ParseDib(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var notebook = new Notebook();
        string? defaultKernel = null;
        string? kind = null;
        var body = new List<string>();

        void Flush()
        {
            if (kind is null)
                return;
            while (body.Count > 0 && body[^1].Trim().Length == 0)
                body.RemoveAt(body.Count - 1);
            while (body.Count > 0 && body[0].Trim().Length == 0)
                body.RemoveAt(0);
            var source = string.Join("\n", body);
            if (kind == "meta")
            {
                var meta = JsonNode.Parse(source) as JsonObject;
                defaultKernel = ((meta?["kernelInfo"] as JsonObject)?["defaultKernelName"] as JsonValue)?.GetValue<string>();
            }
            else if (kind == "markdown")
            {
                notebook.Cells.Add(new Cell(CellKind.Markdown, source));
            }
            else
            {
                notebook.Cells.Add(new Cell(CellKind.Code, source, Cell.KernelMetadata(kind)));
            }
            body.Clear();
        }

        foreach (var line in lines)
        {
            if (line.StartsWith("#!", StringComparison.Ordinal) && IsCellKind(line[2..].Trim()))
            {
                Flush();
                kind = NormalizeKernel(line[2..].Trim());
                continue;
            }
            if (kind is null && line.Trim().Length == 0)
                continue;
            kind ??= "csharp";
            body.Add(line);
        }
        Flush();
        notebook.Metadata = Notebook.PolyglotMetadata(defaultKernel ?? "csharp");
        return notebook;
    }

    private static readonly HashSet<string> CellKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "meta", "markdown", "md", "csharp", "c#", "fsharp", "f#", "pwsh", "powershell", "javascript", "js",
        "html", "sql", "kql", "mermaid", "http", "value",
    };

    private static bool IsCellKind(string name) => CellKinds.Contains(name);

    /// <summary>The canonical kernel name for a magic (<c>c#</c> → <c>csharp</c>).</summary>
    internal static string NormalizeKernel(string name) => name.ToLowerInvariant() switch
    {
        "c#" => "csharp",
        "f#" => "fsharp",
        "md" => "markdown",
        "powershell" => "pwsh",
        "js" => "javascript",
        var other => other,
    };

    private static CellOutput? ParseOutput(JsonObject o)
    {
        switch ((string?)o["output_type"])
        {
            case "stream":
                return new StreamOutput((string?)o["name"] ?? "stdout", JoinText(o["text"]));
            case "execute_result":
            case "display_data":
                var data = (o["data"] as JsonObject ?? [])
                    .Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value is JsonValue or JsonArray ? JoinText(kv.Value) : kv.Value?.ToJsonString() ?? ""))
                    .ToList();
                var isResult = (string?)o["output_type"] == "execute_result";
                return new DataOutput(isResult, data, isResult && o["execution_count"] is JsonValue v && v.TryGetValue(out int n) ? n : null);
            case "error":
                return new ErrorOutput((string?)o["ename"] ?? "", (string?)o["evalue"] ?? "",
                    (o["traceback"] as JsonArray ?? []).Select(t => (string?)t ?? "").ToList());
            default:
                return null;
        }
    }

    /// <summary>nbformat multiline text: a string or an array of strings to concatenate.</summary>
    private static string JoinText(JsonNode? node) => node switch
    {
        JsonArray array => string.Concat(array.Select(x => (string?)x ?? "")).Replace("\r\n", "\n"),
        JsonValue value when value.TryGetValue(out string? s) => s.Replace("\r\n", "\n"),
        _ => "",
    };
}
