using System.Globalization;
using ActivationCourse.Activations;
using ActivationCourse.Plotting;
using ActivationCourse.Printing;
using ActivationCourse.Reports;

namespace ActivationCourse.Gradients;

/// <summary>One step size of a <see cref="StepSizeSweep"/>: both difference quotients and their absolute errors.</summary>
/// <param name="Step">The step h.</param>
/// <param name="Forward">The one-sided difference (f(x + h) − f(x)) / h.</param>
/// <param name="Centered">The centered difference (f(x + h) − f(x − h)) / (2h).</param>
/// <param name="ForwardError">|Forward − f′(x)|.</param>
/// <param name="CenteredError">|Centered − f′(x)|.</param>
public sealed record StepSizeRow(double Step, double Forward, double Centered, double ForwardError, double CenteredError);

/// <summary>
/// How the error of the one-sided and the centered difference quotient depends on the step h, measured at one
/// point in double or single precision against the exact derivative (evaluated in double), next to the error model
/// truncation + round-off.
/// </summary>
/// <remarks>
/// <para>Error model, with ε the machine epsilon of the precision and each evaluation of f rounded to within ε|f|/2:</para>
/// <para>one-sided: E(h) ≈ |f″(x)|·h/2 + ε|f(x)|/h, smallest at h* = √(2ε|f|/|f″|);</para>
/// <para>centered: E(h) ≈ |f‴(x)|·h²/6 + ε|f(x)|/(2h), smallest at h* = ∛(3ε|f|/(2|f‴|)).</para>
/// <para>The round-off terms are bounds for correctly rounded f; measured round-off scatters below them (and a
/// function that is a few ulps off, or the rounding of x ± h itself, can push it somewhat above).</para>
/// </remarks>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class StepSizeSweep : IHtmlRenderable
{
    private StepSizeSweep(string name, double x, Precision precision, double value, double exact, double second, double third, StepSizeRow[] rows)
    {
        FunctionName = name;
        X = x;
        Precision = precision;
        Value = value;
        Exact = exact;
        SecondDerivative = second;
        ThirdDerivative = third;
        Rows = rows;
    }

    /// <summary>The function's name, for titles and tables.</summary>
    public string FunctionName { get; }

    /// <summary>The point x where the derivative is approximated.</summary>
    public double X { get; }

    /// <summary>The precision the difference quotients were computed in.</summary>
    public Precision Precision { get; }

    /// <summary>Machine epsilon of <see cref="Precision"/>.</summary>
    public double Epsilon => DifferenceQuotients.MachineEpsilon(Precision);

    /// <summary>f(x), in double.</summary>
    public double Value { get; }

    /// <summary>The exact derivative f′(x), in double (the reference every error is measured against).</summary>
    public double Exact { get; }

    /// <summary>f″(x), estimated in double from the analytic f′ (used only by the error model).</summary>
    public double SecondDerivative { get; }

    /// <summary>f‴(x), estimated in double from the analytic f′ (used only by the error model).</summary>
    public double ThirdDerivative { get; }

    /// <summary>One row per step, largest step first.</summary>
    public IReadOnlyList<StepSizeRow> Rows { get; }

    /// <summary>The steps, for a chart's x values.</summary>
    public double[] Steps => [.. Rows.Select(r => r.Step)];

    /// <summary>The one-sided errors, for a chart's y values.</summary>
    public double[] ForwardErrors => [.. Rows.Select(r => r.ForwardError)];

    /// <summary>The centered errors, for a chart's y values.</summary>
    public double[] CenteredErrors => [.. Rows.Select(r => r.CenteredError)];

    /// <summary>The row with the smallest measured one-sided error.</summary>
    public StepSizeRow BestForward => Rows.MinBy(r => r.ForwardError)!;

    /// <summary>The row with the smallest measured centered error.</summary>
    public StepSizeRow BestCentered => Rows.MinBy(r => r.CenteredError)!;

    /// <summary>The modelled one-sided error |f″|h/2 + ε|f|/h.</summary>
    public double ModelForwardError(double h) => (Math.Abs(SecondDerivative) * h / 2) + (Epsilon * Math.Abs(Value) / h);

    /// <summary>The modelled centered error |f‴|h²/6 + ε|f|/(2h).</summary>
    public double ModelCenteredError(double h) => (Math.Abs(ThirdDerivative) * h * h / 6) + (Epsilon * Math.Abs(Value) / (2 * h));

    /// <summary>The step that minimizes <see cref="ModelForwardError"/>: √(2ε|f|/|f″|).</summary>
    public double ModelBestForwardStep => Math.Sqrt(2 * Epsilon * Math.Abs(Value) / Math.Abs(SecondDerivative));

    /// <summary>The step that minimizes <see cref="ModelCenteredError"/>: ∛(3ε|f|/(2|f‴|)).</summary>
    public double ModelBestCenteredStep => Math.Cbrt(3 * Epsilon * Math.Abs(Value) / (2 * Math.Abs(ThirdDerivative)));

    /// <summary>The row whose step is closest (on a log scale) to <paramref name="h"/>.</summary>
    public StepSizeRow At(double h) => Rows.MinBy(r => Math.Abs(Math.Log(r.Step / h)))!;

    /// <summary>Sweeps an activation: its double <see cref="Activation.Forward(double)"/> or its float span path.</summary>
    public static StepSizeSweep Run(Activation activation, double x, IReadOnlyList<double> steps, Precision precision)
    {
        ArgumentNullException.ThrowIfNull(activation);
        var input = new float[1];
        var output = new float[1];
        float Single(float v)
        {
            input[0] = v;
            activation.Forward(input, output);
            return output[0];
        }
        return Run(activation.DisplayName, activation.Forward, Single, activation.Derivative, x, steps, precision);
    }

    /// <summary>
    /// Sweeps any function given in double (<paramref name="f"/>), in float (<paramref name="fSingle"/>, used when
    /// <paramref name="precision"/> is <see cref="Precision.Single"/>) and its exact derivative.
    /// </summary>
    public static StepSizeSweep Run(string name, Func<double, double> f, Func<float, float> fSingle, Func<double, double> derivative,
        double x, IReadOnlyList<double> steps, Precision precision)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(fSingle);
        ArgumentNullException.ThrowIfNull(derivative);
        ArgumentNullException.ThrowIfNull(steps);
        double exact = derivative(x);
        var rows = new StepSizeRow[steps.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            double h = steps[i];
            double fwd, cen;
            if (precision == Precision.Double)
            {
                fwd = DifferenceQuotients.Forward(f, x, h);
                cen = DifferenceQuotients.Centered(f, x, h);
            }
            else
            {
                fwd = DifferenceQuotients.Forward(fSingle, (float)x, (float)h);
                cen = DifferenceQuotients.Centered(fSingle, (float)x, (float)h);
            }
            rows[i] = new StepSizeRow(h, fwd, cen, Math.Abs(fwd - exact), Math.Abs(cen - exact));
        }
        // Higher derivatives for the model only, from the analytic f′: f″ by a centered difference,
        // f‴ by a second difference (errors around 1e-8 and 1e-6, far below what the model needs).
        const double h2 = 1e-4, h3 = 1e-3;
        double second = (derivative(x + h2) - derivative(x - h2)) / (2 * h2);
        double third = (derivative(x + h3) - (2 * exact) + derivative(x - h3)) / (h3 * h3);
        return new StepSizeSweep(name, x, precision, f(x), exact, second, third, rows);
    }

    /// <inheritdoc/>
    public string ToHtml() => StepSizeSweepHtml.Render(this);

    /// <summary>The function, the point, the precision and the exact derivative: the table's caption.</summary>
    internal string Caption => string.Create(CultureInfo.InvariantCulture,
        $"{FunctionName} at x = {Num.Show(X)}, {(Precision == Precision.Double ? "double" : "float")} (ε = {G(Epsilon)}), exact f′(x) = {Num.Show(Exact, 10)}");

    private static string G(double v) => Num.Show(v, 3);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Caption}: best one-sided h = {G(BestForward.Step)} (error {G(BestForward.ForwardError)}), best centered h = {G(BestCentered.Step)} (error {G(BestCentered.CenteredError)})");
}
