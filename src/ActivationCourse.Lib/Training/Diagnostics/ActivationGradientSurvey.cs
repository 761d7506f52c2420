using System.Globalization;
using System.Text;
using ActivationCourse.Activations;
using ActivationCourse.Gradients;
using ActivationCourse.Plotting;
using ActivationCourse.Printing;
using ActivationCourse.Reports;

namespace ActivationCourse.Training.Diagnostics;

/// <summary>One activation's line in an <see cref="ActivationGradientSurvey"/>.</summary>
/// <param name="Name">Registry name, e.g. "leaky_relu".</param>
/// <param name="DisplayName">Human-readable name.</param>
/// <param name="Report">The gradient check over the probes that are not near a kink.</param>
/// <param name="SkippedNearKinks">Probes dropped because they lay within the kink margin.</param>
public sealed record ActivationSurveyRow(string Name, string DisplayName, GradientCheckReport Report, int SkippedNearKinks)
{
    /// <summary>The largest relative error over the probes.</summary>
    public double WorstRelativeError => Report.WorstRelativeError;

    /// <summary>The verdict on <see cref="WorstRelativeError"/>.</summary>
    public GradientVerdict Verdict => Report.Verdict;
}

/// <summary>
/// Gradient-checks many activations at the same seeded random points (uniform in [−range, range]), leaving out,
/// for each activation, the points within a margin of one of its kinks, where no derivative exists to check.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class ActivationGradientSurvey : IHtmlRenderable
{
    private ActivationGradientSurvey(IReadOnlyList<ActivationSurveyRow> rows, int points, double range, int seed, double step, double margin)
    {
        Rows = rows;
        Points = points;
        Range = range;
        Seed = seed;
        Step = step;
        KinkMargin = margin;
    }

    /// <summary>One row per activation, in the order given.</summary>
    public IReadOnlyList<ActivationSurveyRow> Rows { get; }

    /// <summary>Random probes drawn (before dropping those near kinks).</summary>
    public int Points { get; }

    /// <summary>Probes are uniform in [−Range, Range].</summary>
    public double Range { get; }

    /// <summary>Seed of the probe generator.</summary>
    public int Seed { get; }

    /// <summary>The finite-difference step h.</summary>
    public double Step { get; }

    /// <summary>Probes closer than this to a kink are dropped.</summary>
    public double KinkMargin { get; }

    /// <summary>The row with the largest worst relative error (NaN counts as largest).</summary>
    public ActivationSurveyRow Worst => Rows.MaxBy(r => double.IsNaN(r.WorstRelativeError) ? double.PositiveInfinity : r.WorstRelativeError)!;

    /// <summary>Checks each activation at <paramref name="points"/> seeded random probes in [−range, range].</summary>
    public static ActivationGradientSurvey Run(IEnumerable<Activation> activations, int points = 200, double range = 5, int seed = 1,
        double step = GradientCheck.DefaultStep, double kinkMargin = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(activations);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        if (!(kinkMargin > step))
        {
            throw new ArgumentOutOfRangeException(nameof(kinkMargin), kinkMargin, $"The kink margin must exceed the step h = {step}, or probes can straddle a kink.");
        }
        var rng = new Random(seed);
        var probes = new double[points];
        for (int i = 0; i < points; i++)
        {
            probes[i] = range * ((2 * rng.NextDouble()) - 1);
        }
        var rows = new List<ActivationSurveyRow>();
        foreach (var activation in activations)
        {
            var kept = probes.Where(x => activation.Kinks.All(k => Math.Abs(x - k) > kinkMargin)).ToArray();
            var report = GradientCheck.Activation(activation, kept, step);
            rows.Add(new ActivationSurveyRow(activation.Name, activation.DisplayName, report, points - kept.Length));
        }
        return new ActivationGradientSurvey(rows, points, range, seed, step, kinkMargin);
    }

    /// <inheritdoc/>
    public string ToHtml() => ActivationGradientSurveyHtml.Render(this);

    /// <inheritdoc/>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        foreach (var r in Rows)
        {
            sb.AppendLine(string.Create(ci, $"{r.DisplayName,-28}{Num.Show(r.WorstRelativeError, 3),12}  {r.Verdict}"));
        }
        return sb.ToString().TrimEnd();
    }
}
