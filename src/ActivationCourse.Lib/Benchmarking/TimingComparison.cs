using System.Text;
using ActivationCourse.Printing;

namespace ActivationCourse.Benchmarking;

/// <summary>
/// What <see cref="Timing.Compare(ValueTuple{string, Action}[])"/> measured: each contender's best time per call, from one
/// run on one machine. Read it through <see cref="Ratio"/>; printed, it shows every contender's cost relative to the
/// first one and <see cref="Machine.Line"/>, never an absolute time.
/// </summary>
public sealed class TimingComparison
{
    private readonly double[] _seconds;
    private readonly double[] _firstCall;

    internal TimingComparison(string[] names, double[] seconds, double[] firstCall, int runs)
    {
        Names = names;
        _seconds = seconds;
        _firstCall = firstCall;
        Runs = runs;
    }

    /// <summary>The contenders, in the order given.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Timed rounds; each contender's fastest counts.</summary>
    public int Runs { get; }

    /// <summary>
    /// How many times longer one call of <paramref name="name"/> took than one call of <paramref name="baseline"/>, best
    /// against best: 4.1 means "<paramref name="name"/> costs 4.1× <paramref name="baseline"/>".
    /// </summary>
    public double Ratio(string name, string baseline) => Seconds(name) / Seconds(baseline);

    /// <summary>
    /// How many times longer the very first (cold) call of <paramref name="name"/> took than its best call: what timing a
    /// single, unwarmed call would have got wrong.
    /// </summary>
    public double FirstCallRatio(string name) => _firstCall[IndexOf(name)] / Seconds(name);

    /// <summary>
    /// The best time per call in seconds, on this machine under its current load: use it to form ratios within one
    /// comparison, not as a fact about the code.
    /// </summary>
    public double Seconds(string name) => _seconds[IndexOf(name)];

    /// <summary>
    /// One line per contender, its cost relative to the first ("costs 4.1× ReLU", or "23× faster than scalar loop"), then
    /// the machine line.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        int width = Names.Max(n => n.Length);
        string baseline = Names[0];
        foreach (string name in Names)
        {
            text.Append(name.PadRight(width)).Append("  ");
            double ratio = Ratio(name, baseline);
            text.AppendLine(name == baseline ? "the baseline"
                : ratio >= 1 ? $"costs {Num.Times(ratio)} {baseline}"
                : $"{Num.Times(1 / ratio)} faster than {baseline}");
        }

        text.Append($"(best of {Runs} interleaved runs after a warm-up) ").Append(Machine.Line);
        return text.ToString();
    }

    private int IndexOf(string name)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"No contender is named \"{name}\"; the names are: {string.Join(", ", Names)}.", nameof(name));
    }
}
