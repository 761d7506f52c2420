using ActivationCourse.Activations;
using ActivationCourse.Gradients;

namespace ActivationCourse.Exercises;

/// <summary>The centered-difference error of sin′ at one input, averaged over nearby inputs, for a range of steps.</summary>
/// <param name="X">Where the derivative is taken.</param>
/// <param name="Steps">The steps h, largest first.</param>
/// <param name="Errors">For each step, the mean relative error |quotient − cos x| / |cos x| over the nearby inputs.</param>
public sealed record StepErrors(double X, double[] Steps, double[] Errors)
{
    /// <summary>The step with the smallest mean error.</summary>
    public double BestStep => Steps[Array.IndexOf(Errors, Errors.Min())];

    /// <summary>The smallest mean error.</summary>
    public double BestError => Errors.Min();

    /// <summary>The mean error at the sweep's step nearest to <paramref name="h"/> (on a log scale).</summary>
    /// <param name="h">A positive step.</param>
    public double ErrorAt(double h) => Errors[Array.IndexOf(Steps, Steps.MinBy(s => Math.Abs(Math.Log(s / h))))];

    /// <summary>
    /// How <see cref="BalanceStep"/> is computed, for printing once exercise 5.1 has passed (the lesson's source does not
    /// show it, so the learner copy does not give the answer away).
    /// </summary>
    public const string BalanceFormula = "∛(3ε|x|/2)";

    /// <summary>
    /// The step that balances the truncation error h²/6 (relative, for sin) against the round-off of the input,
    /// ε|x|/(2h): ∛(3ε|x|/2) with ε = 2⁻⁵², the answer exercise 5.1 expects.
    /// </summary>
    public double BalanceStep => Math.Cbrt(1.5 * Math.Pow(2, -52) * Math.Abs(X));
}

/// <summary>Checks for the exercises of lesson 05 (gradient checking).</summary>
public static class Lesson05
{
    /// <summary>
    /// The measurement behind exercise 5.1: centered differences of sin at 20 inputs spread over [x, x + 1], for
    /// steps from 10 down to 1e-12 (four per decade), each compared with the exact cos. Averaging over the inputs
    /// smooths the erratic round-off so the best step is a property of x, not of one lucky input.
    /// </summary>
    /// <param name="x">Where the derivative is taken (the lesson uses 1e6).</param>
    public static StepErrors MeasureSineSteps(double x)
    {
        double[] steps = DifferenceQuotients.LogSpacedSteps(10, 1e-12, perDecade: 4);
        double[] points = [.. Enumerable.Range(0, 20).Select(i => x + (i / 20.0))];
        double[] errors = [.. steps.Select(h => points.Average(p =>
            Math.Abs(DifferenceQuotients.Centered(Math.Sin, p, h) - Math.Cos(p)) / Math.Abs(Math.Cos(p))))];
        return new StepErrors(x, steps, errors);
    }

    /// <summary>
    /// Exercise 5.1 (predict, then measure): the predicted best step must lie within one decade of the step that
    /// measured best.
    /// </summary>
    /// <param name="predictedStep">The learner's prediction (NaN: not answered).</param>
    /// <param name="measured">The sweep of <see cref="MeasureSineSteps"/>.</param>
    public static CheckResult BestStep(double predictedStep, StepErrors measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        bool close = predictedStep > 0 && Math.Abs(Math.Log10(predictedStep / measured.BestStep)) <= 1;
        return double.IsNaN(predictedStep)
            ? Check.Number("5.1", double.NaN, 0)
            : Check.True("5.1", close,
                "compare two errors as functions of h: the truncation h²·|f‴|/6 and the round-off of the input, "
                + "since x + h itself is rounded to within about ε·|x|/2; balance them");
    }

    /// <summary>
    /// Exercise 5.2 (derive, then check): the values the learner's derivation gives at x = −3 and x = 1, written by hand
    /// before coding, must be softsign′ there (1/16 and 1/4, to 1e-6); then the coded f′ is compared with centered
    /// differences of the library's softsign at 40 seeded points in [−5, 5].
    /// </summary>
    /// <param name="answer">The learner's f′.</param>
    /// <param name="atMinusThree">The learner's f′(−3), computed by hand (NaN: not answered).</param>
    /// <param name="atOne">The learner's f′(1), computed by hand (NaN: not answered).</param>
    public static CheckResult SoftsignDerivative(Func<double, double> answer, double atMinusThree, double atOne)
    {
        ArgumentNullException.ThrowIfNull(answer);
        const string id = "5.2";
        if (double.IsNaN(atMinusThree) || double.IsNaN(atOne))
        {
            return Check.Number(id, double.NaN, 0);
        }

        var softsign = ActivationRegistry.Get("softsign");
        if (Math.Abs(atMinusThree - softsign.Derivative(-3.0)) > 1e-6 || Math.Abs(atOne - softsign.Derivative(1.0)) > 1e-6)
        {
            return Check.True(id, false,
                "your values at x = −3 and x = 1 are not f′ there: for x > 0, f = x/(1 + x) (quotient rule); for x < 0, |x| = −x");
        }

        var random = new Random(52);
        double[] probes = [.. Enumerable.Range(0, 40).Select(_ => (10 * random.NextDouble()) - 5)];
        double[] given;
        try
        {
            given = [.. probes.Select(answer)];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Check.True(id, false, "the function threw " + e.GetType().Name);
        }

        return Check.Vector(id, given, [.. probes.Select(x => DifferenceQuotients.Centered(softsign.Forward, x, 1e-5))],
            tolerance: 1e-7,
            hint: "your values by hand are right, your code is not: code the same formula for every x, in |x|");
    }

    /// <summary>
    /// Exercise 5.3 (predict, then measure): which planted bugs the gradient check flags. Both arguments are bug
    /// letters ("ACD" or "A, C, D"); order, case, spaces and commas do not matter.
    /// </summary>
    /// <param name="predicted">The learner's prediction, written before the check ran.</param>
    /// <param name="flagged">The letters of the bugs the check flagged (null: not measured, because the learner's network
    /// does not pass exercises 1.1 and 2.2 yet).</param>
    public static CheckResult PlantedBugs(string? predicted, string? flagged)
    {
        if (string.IsNullOrWhiteSpace(predicted))
        {
            return Lesson01.NoAnswer("5.3");
        }

        if (flagged is null)
        {
            return Check.True("5.3", false, "the measurement plants the bugs in your network: finish exercises 1.1 and 2.2 in my-network.csx first");
        }

        return Check.SetEqual("5.3", Letters(predicted), Letters(flagged)!,
            "a bug only shows when it changes a gradient for these inputs: for each one, ask whether the buggy "
            + "expression can differ from the right one anywhere a ReLU unit is active, or inactive");
    }

    private static char[]? Letters(string? text) =>
        text is null ? null : [.. text.ToUpperInvariant().Where(char.IsLetter).Distinct()];
}
