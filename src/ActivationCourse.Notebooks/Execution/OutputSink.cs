using System.Text;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// Collects one cell's outputs in the order they happen: console text (consecutive writes to the same stream
/// merge into one stream output) and displayed values. Thread-safe.
/// </summary>
/// <remarks>
/// The stream output being written to stays a <see cref="StringBuilder"/> until a snapshot is taken, so capture
/// costs time linear in the text (a string per write would copy everything written so far, every time).
/// Past <paramref name="limit"/> characters the rest of the cell's output is dropped, with a note saying so
/// (<paramref name="reason"/>, when given, says which limit that was; by default the cell's own).
/// </remarks>
internal sealed class OutputSink(long limit = OutputSink.DefaultLimit, string? reason = null)
{
    /// <summary>10 MB of text per cell.</summary>
    public const long DefaultLimit = 10L * 1024 * 1024;

    /// <summary>25 MB of text per notebook (the largest lesson holds under 1 MB).</summary>
    public const long DefaultNotebookLimit = 25L * 1024 * 1024;

    private readonly List<CellOutput> outputs = [];
    private readonly Lock gate = new();

    /// <summary>The stream output at the end of <see cref="outputs"/> still being appended to, if any.</summary>
    private StringBuilder? open;
    private string? openStream;
    private long size;
    private bool truncated;

    public TextWriter Stdout => new StreamWriter(this, "stdout");

    public TextWriter Stderr => new StreamWriter(this, "stderr");

    /// <summary>Text kept so far, in characters (what counts against the limit).</summary>
    public long Size
    {
        get
        {
            lock (gate)
                return size;
        }
    }

    /// <summary>Called with each piece of console text kept (the stream's name and the text), under the sink's lock, so in order.</summary>
    public Action<string, string>? Kept { get; set; }

    /// <summary>True once output was dropped for going past the limit.</summary>
    public bool Truncated
    {
        get
        {
            lock (gate)
                return truncated;
        }
    }

    public int Add(CellOutput output)
    {
        lock (gate)
        {
            Close();
            var length = LengthOf(output);
            if (output is not ErrorOutput && !Fits(length))
            {
                // The handle still needs a slot to update; it holds the note (or nothing) instead of the value.
                outputs.Add(new StreamOutput("stderr", Note()));
                return outputs.Count - 1;
            }
            size += length;
            outputs.Add(output);
            return outputs.Count - 1;
        }
    }

    public void Replace(int index, CellOutput output)
    {
        lock (gate)
        {
            Close();
            if (outputs[index] is StreamOutput)
                return; // the slot holds the truncation note
            var length = LengthOf(output);
            var growth = length - LengthOf(outputs[index]);
            if (growth > 0 && !Fits(growth))
            {
                outputs.Add(new StreamOutput("stderr", Note()));
                return;
            }
            size += growth;
            outputs[index] = output;
        }
    }

    public List<CellOutput> Snapshot()
    {
        lock (gate)
        {
            List<CellOutput> copy = [.. outputs];
            if (open is not null)
                copy[^1] = new StreamOutput(openStream!, open.ToString());
            copy.RemoveAll(o => o is StreamOutput { Text.Length: 0 });
            return copy;
        }
    }

    private void Append(string stream, string text)
    {
        if (text.Length == 0)
            return;
        text = text.Replace("\r\n", "\n");
        lock (gate)
        {
            if (truncated)
                return;
            var room = limit - size;
            var kept = text.Length <= room ? text : text[..(int)Math.Max(0, room)];
            size += kept.Length;
            if (open is null || openStream != stream)
            {
                Close();
                if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == stream)
                {
                    open = new StringBuilder(last.Text);
                    outputs.RemoveAt(outputs.Count - 1);
                }
                else
                {
                    open = new StringBuilder();
                }
                openStream = stream;
                outputs.Add(new StreamOutput(stream, "")); // placeholder, filled in by Close or Snapshot
            }
            var note = kept.Length < text.Length ? Note() : "";
            open.Append(kept).Append(note);
            Kept?.Invoke(stream, kept + note);
        }
    }

    /// <summary>Materializes the open stream output (caller holds the lock).</summary>
    private void Close()
    {
        if (open is null)
            return;
        outputs[^1] = new StreamOutput(openStream!, open.ToString());
        open = null;
        openStream = null;
    }

    private bool Fits(long length) => !truncated && size + length <= limit;

    /// <summary>The note that ends a truncated output (once per cell; empty afterwards).</summary>
    private string Note()
    {
        if (truncated)
            return "";
        truncated = true;
        return $"\n[output truncated: {reason ?? $"this cell wrote more than {RunnerOptions.Describe(limit)}"}; the rest was dropped]\n";
    }


    private static long LengthOf(CellOutput output) => output switch
    {
        StreamOutput s => s.Text.Length,
        DataOutput d => d.Data.Sum(kv => (long)kv.Value.Length),
        ErrorOutput e => e.EValue.Length + e.Traceback.Sum(l => (long)l.Length),
        _ => 0,
    };

    private sealed class StreamWriter(OutputSink sink, string stream) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override string NewLine => "\n";

        public override void Write(char value) => sink.Append(stream, value.ToString());

        public override void Write(string? value) => sink.Append(stream, value ?? "");

        public override void Write(char[] buffer, int index, int count) => sink.Append(stream, new string(buffer, index, count));

        public override void WriteLine(string? value) => sink.Append(stream, (value ?? "") + "\n");
    }
}
