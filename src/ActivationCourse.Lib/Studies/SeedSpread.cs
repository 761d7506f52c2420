using System.Globalization;
using ActivationCourse.Plotting;
using ActivationCourse.Reports;

namespace ActivationCourse.Studies;

/// <summary>One measurement repeated over several random seeds (for example the final test accuracy of one activation).</summary>
/// <param name="Name">What was measured ("relu").</param>
/// <param name="Values">One value per seed.</param>
public sealed record SeedSummary(string Name, IReadOnlyList<double> Values)
{
    /// <summary>Number of seeds.</summary>
    public int Count => Values.Count;

    /// <summary>Arithmetic mean.</summary>
    public double Mean => Values.Count == 0 ? double.NaN : Values.Average();

    /// <summary>Sample standard deviation (divides by n − 1; NaN for fewer than two values).</summary>
    public double StandardDeviation
    {
        get
        {
            if (Values.Count < 2)
            {
                return double.NaN;
            }

            double mean = Mean;
            return Math.Sqrt(Values.Sum(v => (v - mean) * (v - mean)) / (Values.Count - 1));
        }
    }

    /// <summary>Smallest value.</summary>
    public double Min => Values.Count == 0 ? double.NaN : Values.Min();

    /// <summary>Largest value.</summary>
    public double Max => Values.Count == 0 ? double.NaN : Values.Max();
}

/// <summary>How two <see cref="SeedSummary"/>s compare, the one with the larger mean first.</summary>
/// <param name="Higher">The summary with the larger mean.</param>
/// <param name="Lower">The other one.</param>
/// <param name="Difference">Higher.Mean − Lower.Mean (≥ 0).</param>
/// <param name="Separated">
/// True when the min–max ranges do not overlap: every seed of <paramref name="Higher"/> is above every seed of
/// <paramref name="Lower"/>, so the gap is larger than the seed-to-seed spread.
/// </param>
public sealed record SpreadVerdict(SeedSummary Higher, SeedSummary Lower, double Difference, bool Separated)
{
    /// <summary>"larger than the seed spread" or "within the seed spread".</summary>
    public string Verdict => Separated ? "larger than the seed spread" : "within the seed spread";
}

/// <summary>
/// Decides, pair by pair, whether a difference between means is larger than the seed-to-seed spread. The rule:
/// the two min–max ranges over the seeds must not overlap (every run of one beats every run of the other).
/// </summary>
/// <remarks>
/// The rule is deliberately simple and its strength is easy to state: if the seeds of both settings came from the
/// same distribution, the chance that one setting's n runs all beat the other's m runs, in either direction, is
/// 2 / C(n + m, n) (see <see cref="ChanceOfSeparation"/>): 1/10 for three seeds each. So "separated" is evidence,
/// not proof; "within the spread" means the seeds cannot tell the two apart.
/// </remarks>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class SeedSpread : IHtmlRenderable
{
    private SeedSpread(IReadOnlyList<SeedSummary> summaries, IReadOnlyList<SpreadVerdict> verdicts)
    {
        Summaries = summaries;
        Verdicts = verdicts;
    }

    /// <summary>The summaries compared, in the order given.</summary>
    public IReadOnlyList<SeedSummary> Summaries { get; }

    /// <summary>One verdict per pair, ordered by the position of the first summary of the pair, then the second.</summary>
    public IReadOnlyList<SpreadVerdict> Verdicts { get; }

    /// <summary>Compares every pair of summaries.</summary>
    /// <param name="summaries">At least two summaries with at least one value each.</param>
    public static SeedSpread Compare(IEnumerable<SeedSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var list = summaries.ToArray();
        if (list.Any(s => s.Count == 0))
        {
            throw new ArgumentException("Every summary needs at least one value.", nameof(summaries));
        }

        var verdicts = new List<SpreadVerdict>();
        for (int i = 0; i < list.Length; i++)
        {
            for (int j = i + 1; j < list.Length; j++)
            {
                verdicts.Add(Judge(list[i], list[j]));
            }
        }

        return new SeedSpread(list, verdicts);
    }

    /// <summary>The verdict for one pair.</summary>
    /// <param name="a">One summary.</param>
    /// <param name="b">The other.</param>
    public static SpreadVerdict Judge(SeedSummary a, SeedSummary b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (hi, lo) = a.Mean >= b.Mean ? (a, b) : (b, a);
        return new SpreadVerdict(hi, lo, hi.Mean - lo.Mean, hi.Min > lo.Max);
    }

    /// <summary>
    /// If all n + m runs were exchangeable (no real difference), the probability that the n runs of one setting all
    /// beat the m runs of the other, or the other way round: each direction has probability 1 / C(n + m, n), so
    /// 2 / C(n + m, n) in all (capped at 1, which only n = m = 1 reaches).
    /// </summary>
    /// <param name="n">Runs of the first setting.</param>
    /// <param name="m">Runs of the second setting.</param>
    public static double ChanceOfSeparation(int n, int m)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        double binomial = 1;
        for (int k = 1; k <= n; k++)
        {
            binomial = binomial * (m + k) / k;
        }

        return Math.Min(1, 2 / binomial);
    }

    /// <summary>The pairs that are separated, as "a > b" lines.</summary>
    public IEnumerable<string> SeparatedPairs() => Verdicts.Where(v => v.Separated).Select(v => $"{v.Higher.Name} > {v.Lower.Name}");

    /// <summary>
    /// An HTML table: one row per pair with the difference of means, both min–max ranges and the verdict. The values
    /// are taken to be shares in [0, 1] (accuracies) and shown × 100, in percent and percentage points.
    /// </summary>
    public string ToHtml() => SeedSpreadHtml.Render(this);

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(Environment.NewLine, Verdicts.Select(v => string.Create(CultureInfo.InvariantCulture,
            $"{v.Higher.Name} − {v.Lower.Name}: {v.Difference * 100:0.00} points, {v.Verdict}")));
}
