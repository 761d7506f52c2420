using System.Text.Json;
using System.Text.Json.Nodes;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.IO;

/// <summary>Reads Polyglot notebooks: <c>.ipynb</c> (nbformat 4) and <c>.dib</c>.</summary>
public static class NotebookReader
{
    /// <summary>Reads a notebook file; the extension decides the format.</summary>
    /// <exception cref="NotebookFormatException">The file is not a notebook the runner can read; the message names the file and the problem.</exception>
    public static Notebook Load(string path)
    {
        var text = File.ReadAllText(path);
        try
        {
            return Path.GetExtension(path).Equals(".dib", StringComparison.OrdinalIgnoreCase) ? ParseDib(text) : ParseIpynb(text);
        }
        catch (NotebookFormatException e)
        {
            throw new NotebookFormatException(path, e.Problem);
        }
    }

    /// <summary>Parses nbformat 4 JSON, checking the rules of the nbformat 4 schema the runner relies on.</summary>
    /// <exception cref="NotebookFormatException">The text is not an nbformat 4 notebook.</exception>
    public static Notebook ParseIpynb(string json)
    {
        CheckNoConflictMarkers(json);
        if (json.Trim().Length == 0)
            throw new NotebookFormatException("the file is empty, not a notebook");
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new NotebookFormatException($"not valid JSON (line {e.LineNumber + 1}): {(at > 0 ? message[..at] : message)}");
        }
        if (parsed is not JsonObject root)
            throw new NotebookFormatException($"not a notebook: the file holds a JSON {KindOf(parsed)}, not an object with \"cells\" and \"nbformat\"");
        var major = root["nbformat"] switch
        {
            null => throw new NotebookFormatException("not a notebook: no \"nbformat\" field (a Jupyter notebook has \"nbformat\": 4, \"cells\" and \"metadata\")"),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out int n) => n,
            var other => throw new NotebookFormatException($"\"nbformat\" must be the number 4, not {Describe(other)}"),
        };
        if (major != 4)
            throw new NotebookFormatException($"nbformat {major} is not supported, only nbformat 4 (open and save it in Jupyter or VS Code to convert it)");
        var minor = root["nbformat_minor"] switch
        {
            null => throw new NotebookFormatException("no \"nbformat_minor\" field"),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out int n) && n >= 0 => n,
            var other => throw new NotebookFormatException($"\"nbformat_minor\" must be a whole number of at least 0, not {Describe(other)}"),
        };
        var notebook = new Notebook
        {
            Metadata = root["metadata"] is JsonObject meta ? (JsonObject)meta.DeepClone() : throw Wrong("\"metadata\"", "an object", root["metadata"]),
            NbformatMinor = minor,
        };
        if (root["cells"] is not JsonArray cells)
            throw Wrong("\"cells\"", "an array", root["cells"]);
        for (var i = 0; i < cells.Count; i++)
            notebook.Cells.Add(ParseCell(cells[i], $"cell {i + 1}"));
        return notebook;
    }

    private static Cell ParseCell(JsonNode? node, string where)
    {
        if (node is not JsonObject c)
            throw Wrong(where, "an object", node);
        var kind = c["cell_type"] switch
        {
            JsonValue v when v.TryGetValue(out string? type) && type == "code" => CellKind.Code,
            JsonValue v when v.TryGetValue(out string? type) && type == "markdown" => CellKind.Markdown,
            JsonValue v when v.TryGetValue(out string? type) && type == "raw" => CellKind.Raw,
            var other => throw Wrong($"{where}: \"cell_type\"", "\"code\", \"markdown\" or \"raw\"", other),
        };
        var source = Text(c["source"], $"{where}: \"source\"");
        if (c["metadata"] is not JsonObject metadata)
            throw Wrong($"{where}: \"metadata\"", "an object", c["metadata"]);
        var cell = new Cell(kind, source, (JsonObject)metadata.DeepClone())
        {
            Id = c["id"] switch
            {
                null => null,
                JsonValue v when v.TryGetValue(out string? id) => id,
                var other => throw Wrong($"{where}: \"id\"", "a string", other),
            },
        };
        if (kind != CellKind.Code)
            return cell;
        cell.ExecutionCount = c["execution_count"] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out int n) => n,
            var other => throw Wrong($"{where}: \"execution_count\"", "a whole number or null", other),
        };
        if (c["outputs"] is not JsonArray outputs)
            throw Wrong($"{where}: \"outputs\"", "an array", c["outputs"]);
        for (var i = 0; i < outputs.Count; i++)
        {
            if (ParseOutput(outputs[i], $"{where}, output {i + 1}") is { } parsed)
                cell.Outputs.Add(parsed);
        }
        return cell;
    }

    /// <summary>Parses the <c>.dib</c> text format: an optional <c>#!meta</c> JSON header, then cells each opened by a <c>#!kernel</c> line.</summary>
    /// <exception cref="NotebookFormatException">The #!meta block is not a JSON object, or the file has merge-conflict markers.</exception>
    public static Notebook ParseDib(string text)
    {
        CheckNoConflictMarkers(text);
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
                defaultKernel = DefaultKernelOf(source);
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

    /// <summary>The default kernel a <c>.dib</c> file's <c>#!meta</c> block names, or null.</summary>
    private static string? DefaultKernelOf(string source)
    {
        JsonNode? meta;
        try
        {
            meta = source.Trim().Length == 0 ? new JsonObject() : JsonNode.Parse(source);
        }
        catch (JsonException e)
        {
            var at = e.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new NotebookFormatException($"the #!meta block is not valid JSON: {(at > 0 ? e.Message[..at] : e.Message)}");
        }
        if (meta is not JsonObject metaObject)
            throw Wrong("the #!meta block", "a JSON object", meta);
        return ((metaObject["kernelInfo"] as JsonObject)?["defaultKernelName"] as JsonValue)?.TryGetValue(out string? name) == true ? name : null;
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

    private static CellOutput? ParseOutput(JsonNode? node, string where)
    {
        if (node is not JsonObject o)
            throw Wrong(where, "an object", node);
        var type = o["output_type"] is JsonValue t && t.TryGetValue(out string? name) ? name : null;
        switch (type)
        {
            case "stream":
                return new StreamOutput(StringField(o, "name", where) ?? "stdout", Text(o["text"], $"{where}: \"text\""));
            case "execute_result":
            case "display_data":
                if (o["data"] is not JsonObject dataObject)
                    throw Wrong($"{where}: \"data\"", "an object", o["data"]);
                var data = dataObject
                    .Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value is JsonValue { } v && v.GetValueKind() == JsonValueKind.String || kv.Value is JsonArray
                        ? Text(kv.Value, $"{where}: \"{kv.Key}\"")
                        : kv.Value?.ToJsonString() ?? ""))
                    .ToList();
                var isResult = type == "execute_result";
                return new DataOutput(isResult, data, isResult && o["execution_count"] is JsonValue count && count.TryGetValue(out int n) ? n : null);
            case "error":
                if (o["traceback"] is not (JsonArray or null))
                    throw Wrong($"{where}: \"traceback\"", "an array of strings", o["traceback"]);
                return new ErrorOutput(StringField(o, "ename", where) ?? "", StringField(o, "evalue", where) ?? "",
                    (o["traceback"] as JsonArray ?? []).Select(t => t is JsonValue v && v.TryGetValue(out string? line) ? line : throw Wrong($"{where}: \"traceback\"", "an array of strings", t)).ToList());
            default:
                throw Wrong($"{where}: \"output_type\"", "\"stream\", \"display_data\", \"execute_result\" or \"error\"", o["output_type"]);
        }
    }

    /// <summary>nbformat multiline text: a string or an array of strings to concatenate.</summary>
    private static string Text(JsonNode? node, string where) => node switch
    {
        JsonArray array => string.Concat(array.Select(x => x is JsonValue v && v.TryGetValue(out string? s) ? s : throw Wrong(where, "a string or an array of strings", x))).Replace("\r\n", "\n"),
        JsonValue value when value.TryGetValue(out string? s) => s.Replace("\r\n", "\n"),
        _ => throw Wrong(where, "a string or an array of strings", node),
    };

    private static string? StringField(JsonObject o, string name, string where) => o[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        var other => throw Wrong($"{where}: \"{name}\"", "a string", other),
    };

    /// <summary>Git leaves these lines in a file whose merge conflict was not resolved.</summary>
    private static void CheckNoConflictMarkers(string text)
    {
        var line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            if (raw.StartsWith("<<<<<<< ", StringComparison.Ordinal) || raw.StartsWith(">>>>>>> ", StringComparison.Ordinal)
                || raw.TrimEnd('\r') is "=======" or "<<<<<<<" or ">>>>>>>")
                throw new NotebookFormatException($"unresolved merge-conflict marker at line {line} ({raw.TrimEnd('\r')}); resolve the conflict first");
        }
    }

    private static NotebookFormatException Wrong(string what, string expected, JsonNode? actual) =>
        new($"{what} must be {expected}, not {Describe(actual)}");

    /// <summary>A JSON value in a few words: <c>the number 123</c>, <c>the string "4"</c>, <c>missing</c>.</summary>
    private static string Describe(JsonNode? node)
    {
        if (node is null)
            return "missing";
        var text = node.ToJsonString();
        if (text.Length > 40)
            text = text[..37] + "...";
        return node switch
        {
            JsonObject => "an object",
            JsonArray => "an array",
            JsonValue v => v.GetValueKind() switch
            {
                JsonValueKind.String => $"the string {text}",
                JsonValueKind.Number => $"the number {text}",
                JsonValueKind.Null => "null",
                _ => text,
            },
            _ => text,
        };
    }

    private static string KindOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "value",
    };
}
