namespace ActivationCourse.Notebooks.Model;

/// <summary>One output of a code cell, as nbformat 4 stores it.</summary>
public abstract record CellOutput;

/// <summary>Text the cell wrote to a stream.</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The text written.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A displayed value (<c>display_data</c>) or the cell's result (<c>execute_result</c>).</summary>
/// <param name="IsResult">True for <c>execute_result</c>, false for <c>display_data</c>.</param>
/// <param name="Data">The value per MIME type (<c>text/plain</c>, <c>text/html</c>, ...), in a stable order.</param>
/// <param name="ExecutionCount">The execution count of an <c>execute_result</c>.</param>
public sealed record DataOutput(bool IsResult, IReadOnlyList<KeyValuePair<string, string>> Data, int? ExecutionCount = null) : CellOutput
{
    /// <summary>The value for one MIME type, or null.</summary>
    public string? Get(string mimeType) => Data.FirstOrDefault(d => d.Key == mimeType).Value;
}

/// <summary>A failure: a compile error, an exception, a timeout or an unsupported feature.</summary>
/// <param name="EName">The error's name (exception type, <c>CompilationError</c>, ...).</param>
/// <param name="EValue">The message.</param>
/// <param name="Traceback">Details, one line per entry.</param>
public sealed record ErrorOutput(string EName, string EValue, IReadOnlyList<string> Traceback) : CellOutput;
