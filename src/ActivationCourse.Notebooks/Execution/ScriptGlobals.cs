using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// What notebook code sees as globals, as in .NET Interactive: <c>display(value)</c>.
/// Public because scripts compile against it; not meant to be used outside a notebook.
/// </summary>
public sealed class ScriptGlobals
{
    internal ScriptGlobals(OutputSink sink) => Sink = sink;

    internal OutputSink Sink { get; set; }

    /// <summary>Shows a value below the running cell, formatted as .NET Interactive would.</summary>
    /// <param name="value">The value to show.</param>
    /// <param name="mimeTypes">Optional MIME types to show it as (default: text/html and text/plain, or text/plain for strings).</param>
    /// <returns>A handle whose <see cref="DisplayedValue.Update"/> replaces what was shown.</returns>
#pragma warning disable IDE1006 // the name matches .NET Interactive's display()
    public DisplayedValue display(object? value, params string[] mimeTypes)
#pragma warning restore IDE1006
    {
        var output = new DataOutput(false, ValueFormatter.Format(value, mimeTypes));
        var sink = Sink;
        var index = sink.Add(output);
        return new DisplayedValue(sink, index, mimeTypes);
    }
}

/// <summary>A value shown with <c>display</c>; <see cref="Update"/> replaces it in place.</summary>
public sealed class DisplayedValue
{
    private readonly OutputSink sink;
    private readonly int index;
    private readonly string[] mimeTypes;

    internal DisplayedValue(OutputSink sink, int index, string[] mimeTypes)
    {
        this.sink = sink;
        this.index = index;
        this.mimeTypes = mimeTypes;
    }

    /// <summary>Replaces the displayed value.</summary>
    public void Update(object? value) => sink.Replace(index, new DataOutput(false, ValueFormatter.Format(value, mimeTypes)));
}
