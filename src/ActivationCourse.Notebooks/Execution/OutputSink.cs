using System.Text;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// Collects one cell's outputs in the order they happen: console text (consecutive writes to the same stream
/// merge into one stream output) and displayed values. Thread-safe.
/// </summary>
internal sealed class OutputSink
{
    private readonly List<CellOutput> outputs = [];
    private readonly Lock gate = new();

    public TextWriter Stdout => new StreamWriter(this, "stdout");

    public TextWriter Stderr => new StreamWriter(this, "stderr");

    public int Add(CellOutput output)
    {
        lock (gate)
        {
            outputs.Add(output);
            return outputs.Count - 1;
        }
    }

    public void Replace(int index, CellOutput output)
    {
        lock (gate)
            outputs[index] = output;
    }

    public List<CellOutput> Snapshot()
    {
        lock (gate)
            return [.. outputs];
    }

    private void Append(string stream, string text)
    {
        if (text.Length == 0)
            return;
        text = text.Replace("\r\n", "\n");
        lock (gate)
        {
            if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == stream)
                outputs[^1] = last with { Text = last.Text + text };
            else
                outputs.Add(new StreamOutput(stream, text));
        }
    }

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
