using System.Globalization;
using ActivationCourse.Plotting;
using ActivationCourse.Printing;
using ActivationCourse.Reports;

namespace ActivationCourse.Gradients;

/// <summary>One probe: the point (or parameter value), the analytic and numeric derivatives and their relative error.</summary>
/// <param name="Index">Probe or parameter index.</param>
/// <param name="Point">The x value (activation check) or the parameter's value (function check).</param>
/// <param name="Analytic">The derivative the code computes.</param>
/// <param name="Numeric">The centered-difference estimate.</param>
/// <param name="RelativeError">|a − n| / max(|a|, |n|).</param>
public sealed record GradientCheckEntry(int Index, double Point, double Analytic, double Numeric, double RelativeError);

/// <summary>The result of a <see cref="GradientCheck"/>: the worst probe, a verdict, warnings and every probe's details.</summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed record GradientCheckReport : IHtmlRenderable
{
    /// <summary>What was checked.</summary>
    public required string Name { get; init; }

    /// <summary>The finite-difference step h.</summary>
    public required double Step { get; init; }

    /// <summary>Every probe.</summary>
    public required IReadOnlyList<GradientCheckEntry> Details { get; init; }

    /// <summary>The largest relative error (NaN if any probe gave NaN; 0 with no probes).</summary>
    public required double WorstRelativeError { get; init; }

    /// <summary>Index of the worst probe (−1 with no probes).</summary>
    public required int WorstIndex { get; init; }

    /// <summary>The worst probe, or null with no probes.</summary>
    public GradientCheckEntry? Worst => WorstIndex >= 0 ? Details[WorstIndex] : null;

    /// <summary>The verdict for <see cref="WorstRelativeError"/>.</summary>
    public required GradientVerdict Verdict { get; init; }

    /// <summary>Warnings, e.g. probes within h of a kink.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>A sentence explaining the verdict and its threshold.</summary>
    public string Explanation => Verdict switch
    {
        GradientVerdict.Good => "good: relative error < 1e-7, the derivative is right",
        GradientVerdict.ProbablyFine => "probably fine: relative error in 1e-7..1e-4; expected near kinks or in float, otherwise look closer",
        GradientVerdict.Suspicious => "suspicious: relative error in 1e-4..1e-2; usually a bug unless a probe sits on a kink",
        _ => "probably wrong: relative error > 1e-2",
    };

    /// <summary>True when the worst relative error is below <paramref name="threshold"/>.</summary>
    public bool Passed(double threshold = 1e-7) => WorstRelativeError < threshold;

    internal static GradientCheckReport Create(string name, GradientCheckEntry[] entries, List<string> warnings, double step)
    {
        int worst = -1;
        double worstError = 0;
        for (int i = 0; i < entries.Length; i++)
        {
            double e = entries[i].RelativeError;
            if (double.IsNaN(e))
            {
                worst = i;
                worstError = double.NaN;
                break;
            }
            if (worst < 0 || e > worstError)
            {
                worst = i;
                worstError = e;
            }
        }
        return new GradientCheckReport
        {
            Name = name,
            Step = step,
            Details = entries,
            WorstIndex = worst,
            WorstRelativeError = worstError,
            Verdict = double.IsNaN(worstError) ? GradientVerdict.Wrong : GradientCheck.Judge(worstError),
            Warnings = warnings,
        };
    }

    /// <summary>One line: name, verdict, worst relative error and where.</summary>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        string where = Worst is { } w
            ? string.Format(ci, " at #{0} (x = {1}: analytic {2}, numeric {3})", w.Index, Num.Show(w.Point, 6), Num.Show(w.Analytic, 10), Num.Show(w.Numeric, 10))
            : "";
        string warn = Warnings.Count > 0 ? string.Format(ci, "; {0} warning(s)", Warnings.Count) : "";
        return string.Format(ci, "Gradient check {0}: {1}, worst relative error {2}{3} over {4} probe(s), h = {5}{6}",
            Name, Verdict, Num.Show(WorstRelativeError, 3), where, Details.Count, Num.Show(Step, 3), warn);
    }

    /// <summary>A small self-contained HTML table: summary, the worst probes, warnings.</summary>
    public string ToHtml() => GradientCheckReportHtml.Render(this);
}
