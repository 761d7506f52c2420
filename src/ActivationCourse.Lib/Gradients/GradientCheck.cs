using ActivationCourse.Activations;

namespace ActivationCourse.Gradients;

/// <summary>
/// Numerical gradient checking, the way CS231n teaches it: compare an analytic derivative with the centered difference
/// (f(x + h) − f(x − h)) / 2h computed in double, using the relative error |a − n| / max(|a|, |n|)
/// (reported as 0 when both |a| and |n| are below 1e-12).
/// </summary>
/// <remarks>
/// Verdict thresholds on the worst relative error:
/// <list type="bullet">
/// <item>&lt; 1e-7: <see cref="GradientVerdict.Good"/> — the derivative is right;</item>
/// <item>1e-7 … 1e-4: <see cref="GradientVerdict.ProbablyFine"/> — fine for functions with kinks or float math, check the kinks;</item>
/// <item>1e-4 … 1e-2: <see cref="GradientVerdict.Suspicious"/> — usually a bug unless a probe sits on a kink;</item>
/// <item>&gt; 1e-2: <see cref="GradientVerdict.Wrong"/> — the derivative is probably wrong.</item>
/// </list>
/// A probe within h of a kink gets a warning: the centered difference straddles the kink there and means nothing.
/// </remarks>
public static class GradientCheck
{
    /// <summary>The default finite-difference step.</summary>
    public const double DefaultStep = 1e-5;

    /// <summary>Both values below this (in absolute value) count as agreeing exactly.</summary>
    public const double ZeroTolerance = 1e-12;

    /// <summary>Checks <see cref="Activations.Activation.Derivative(double)"/> against centered differences of f at each point.</summary>
    public static GradientCheckReport Activation(Activation f, ReadOnlySpan<double> points, double step = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        ValidateStep(step);
        var entries = new GradientCheckEntry[points.Length];
        var warnings = new List<string>();
        for (int i = 0; i < points.Length; i++)
        {
            double x = points[i];
            double analytic = f.Derivative(x);
            double numeric = (f.Forward(x + step) - f.Forward(x - step)) / (2 * step);
            entries[i] = new GradientCheckEntry(i, x, analytic, numeric, RelativeError(analytic, numeric));
            foreach (double kink in f.Kinks)
            {
                if (Math.Abs(x - kink) <= step)
                {
                    warnings.Add($"Probe {i} at x = {x:G6} is within h = {step:G3} of the kink at {kink:G6}; its numeric derivative straddles the kink.");
                }
            }
        }
        return GradientCheckReport.Create(f.DisplayName, entries, warnings, step);
    }

    /// <summary>
    /// Checks the gradient of a scalar function of many parameters: numeric[i] = (f(p + h·eᵢ) − f(p − h·eᵢ)) / 2h
    /// against <paramref name="analyticGradient"/>[i]. <paramref name="parameters"/> is restored after each probe.
    /// </summary>
    public static GradientCheckReport Function(Func<double[], double> f, double[] parameters, double[] analyticGradient, double step = DefaultStep, string name = "function")
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(analyticGradient);
        ValidateStep(step);
        if (parameters.Length != analyticGradient.Length)
        {
            throw new ArgumentException(
                $"Lengths differ: parameters has length {parameters.Length} but analyticGradient has length {analyticGradient.Length}.",
                nameof(analyticGradient));
        }
        var entries = new GradientCheckEntry[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            double saved = parameters[i];
            parameters[i] = saved + step;
            double plus = f(parameters);
            parameters[i] = saved - step;
            double minus = f(parameters);
            parameters[i] = saved;
            double numeric = (plus - minus) / (2 * step);
            entries[i] = new GradientCheckEntry(i, saved, analyticGradient[i], numeric, RelativeError(analyticGradient[i], numeric));
        }
        return GradientCheckReport.Create(name, entries, [], step);
    }

    /// <summary>Convenience form: evaluates <paramref name="gradient"/> at <paramref name="at"/> and checks it.</summary>
    public static GradientCheckReport Function(Func<double[], double> f, Func<double[], double[]> gradient, double[] at, double step = DefaultStep, string name = "function")
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(at);
        double[] analytic = gradient((double[])at.Clone());
        return Function(f, at, analytic, step, name);
    }

    /// <summary>|a − n| / max(|a|, |n|), or 0 when both are below <see cref="ZeroTolerance"/>; NaN if either is NaN.</summary>
    public static double RelativeError(double analytic, double numeric)
    {
        if (double.IsNaN(analytic) || double.IsNaN(numeric))
        {
            return double.NaN;
        }
        double scale = Math.Max(Math.Abs(analytic), Math.Abs(numeric));
        return scale < ZeroTolerance ? 0.0 : Math.Abs(analytic - numeric) / scale;
    }

    /// <summary>The verdict for a relative error (NaN is <see cref="GradientVerdict.Wrong"/>).</summary>
    public static GradientVerdict Judge(double relativeError) => relativeError switch
    {
        < 1e-7 => GradientVerdict.Good,
        < 1e-4 => GradientVerdict.ProbablyFine,
        < 1e-2 => GradientVerdict.Suspicious,
        _ => GradientVerdict.Wrong,
    };

    private static void ValidateStep(double step)
    {
        if (!(step > 0) || double.IsInfinity(step))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The step h must be positive and finite.");
        }
    }
}
