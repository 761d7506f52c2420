using ActivationCourse.Activations;
using ActivationCourse.Printing;

namespace ActivationCourse.Exercises;

/// <summary>The checks behind lesson 03's exercises (the ReLU family).</summary>
public static class Lesson03
{
    /// <summary>A share of dead units above which exercise 3.2 counts a learning rate as killing "more than 40%".</summary>
    public const double DyingThreshold = 0.40;

    /// <summary>Exercise 3.3 accepts a remedy when at most this share of units is dead at the dying rate.</summary>
    public const double AliveThreshold = 0.05;

    /// <summary>Exercise 3.3 also wants the network to learn: at least this training accuracy on every seed.</summary>
    public const double LearnedThreshold = 0.9;

    /// <summary>Exercise 3.2 grades the prediction: it must be within this distance of the measured mean dead share.</summary>
    public const double PredictionTolerance = 0.15;

    /// <summary>
    /// Exercise 3.1: ∂L/∂z through Leaky ReLU (slope 0.01) computed from the outputs y = f(z) alone, as a framework that
    /// overwrites z with y (an in-place activation) must: y has the sign of z, so it tells which slope applies.
    /// </summary>
    /// <param name="y">The outputs of the activation.</param>
    /// <param name="upstream">∂L/∂y for each element.</param>
    /// <param name="dz">The learner's ∂L/∂z (empty or null: no answer).</param>
    public static CheckResult LeakyReluBackwardFromOutputs(double[] y, double[] upstream, double[]? dz)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(upstream);
        var leaky = new LeakyReLU(0.01);
        var z = y.Select(v => v > 0 ? v : v / leaky.NegativeSlope).ToArray();
        var expected = new double[z.Length];
        leaky.Backward(z, upstream, expected);
        return Check.Vector("3.1", dz, expected, tolerance: 1e-12,
            hint: "Which z could have produced each y? Its sign decides the local slope; then the chain rule. And which side does PyTorch take at exactly 0?");
    }

    /// <summary>
    /// Exercise 3.2 (predict, then measure): the learner predicted the share of ReLU units that die at a learning rate of
    /// their choice, then trained at that rate. Accepted when no run diverged, every run learned (training accuracy at
    /// least <see cref="LearnedThreshold"/>), the measured mean share over the seeds is above <see cref="DyingThreshold"/>,
    /// and the prediction is within <see cref="PredictionTolerance"/> of that measurement.
    /// </summary>
    /// <param name="predictedDeadShare">The prediction written before running (NaN: no answer).</param>
    /// <param name="rate">The learning rate the learner set.</param>
    /// <param name="deadShares">The measured share of dead hidden units after training, one per seed.</param>
    /// <param name="accuracies">The training accuracy of each run (NaN for a run that diverged).</param>
    /// <param name="diverged">How many of the runs diverged.</param>
    public static CheckResult DyingRate(double predictedDeadShare, double rate, IReadOnlyList<double> deadShares, IReadOnlyList<double> accuracies, int diverged)
    {
        ArgumentNullException.ThrowIfNull(deadShares);
        ArgumentNullException.ThrowIfNull(accuracies);
        AcceptedDyingRate = double.NaN;
        if (double.IsNaN(predictedDeadShare) || double.IsNaN(rate) || deadShares.Count == 0)
        {
            return Check.Number("3.2", double.NaN, 0);
        }

        if (predictedDeadShare is < 0 or > 1)
        {
            return Check.True("3.2", false, "Write the prediction as a share between 0 and 1 (0.25 for a quarter of the units).");
        }

        if (!(rate > 0))
        {
            return Check.True("3.2", false, "A learning rate is a positive number.");
        }

        if (diverged > 0)
        {
            return Check.True("3.2", false, $"{diverged} of {deadShares.Count} runs diverged at this rate: nothing was learned, so count nothing. Try a rate between this one and the ones that trained.");
        }

        double worst = accuracies.Count == 0 ? double.NaN : accuracies.Min();
        if (!(worst >= LearnedThreshold))
        {
            return Check.True("3.2", false, $"The worst run reached only {Num.Percent(worst)} training accuracy: a network that did not learn says nothing about how units die while learning. Lower the rate a little.");
        }

        double measured = deadShares.Average();
        if (measured <= DyingThreshold)
        {
            return Check.True("3.2", false,
                $"Measured: {Num.Percent(measured)} dead on average (you predicted {Num.Percent(predictedDeadShare)}). Not above {Num.Percent(DyingThreshold, 0)} yet: which way should the rate move?");
        }

        var result = Check.True("3.2", Math.Abs(predictedDeadShare - measured) <= PredictionTolerance,
            $"The rate works: {Num.Percent(measured)} dead on average. Your prediction, {Num.Percent(predictedDeadShare)}, is more than {Num.Percent(PredictionTolerance, 0)} points away: what did you expect, and what did the table of section 6 suggest?");
        AcceptedDyingRate = result.Passed ? rate : double.NaN;
        return result;
    }

    /// <summary>The learning rate of the latest accepted answer to exercise 3.2 in this process (NaN until one is accepted); exercise 3.3 runs at it.</summary>
    public static double AcceptedDyingRate { get; private set; } = double.NaN;

    /// <summary>
    /// Exercise 3.3: at the rate that killed more than 40% of the ReLU units, another activation keeps its units alive.
    /// Accepted for a non-ReLU activation run at the rate accepted in exercise 3.2 (<see cref="AcceptedDyingRate"/>), with
    /// no divergence, at most <see cref="AliveThreshold"/> silent units (no gradient passes on any sample) and at least
    /// <see cref="LearnedThreshold"/> training accuracy on every seed.
    /// </summary>
    /// <param name="activation">The activation the learner chose (registry name).</param>
    /// <param name="rate">The rate it was trained at.</param>
    /// <param name="silentShares">Measured share of silent units per seed.</param>
    /// <param name="accuracies">Training accuracy per seed.</param>
    /// <param name="diverged">Runs that diverged.</param>
    public static CheckResult KeptAlive(string? activation, double rate, IReadOnlyList<double> silentShares, IReadOnlyList<double> accuracies, int diverged)
    {
        ArgumentNullException.ThrowIfNull(silentShares);
        ArgumentNullException.ThrowIfNull(accuracies);
        if (string.IsNullOrWhiteSpace(activation) || silentShares.Count == 0)
        {
            return Check.Equal<string>("3.3", null, "");
        }

        double dyingRate = AcceptedDyingRate;
        if (double.IsNaN(dyingRate))
        {
            return Check.True("3.3", false, "Finish exercise 3.2 first: this one runs at the rate you found there.");
        }

        if (rate != dyingRate)
        {
            return Check.True("3.3", false, "Run at the same learning rate as in exercise 3.2; at a lower rate ReLU survives too.");
        }

        if (activation.Trim().Equals("relu", StringComparison.OrdinalIgnoreCase))
        {
            return Check.True("3.3", false, "That is the activation whose units died in 3.2. Which units always pass some gradient?");
        }

        if (diverged > 0)
        {
            return Check.True("3.3", false, $"{diverged} run(s) diverged: a unit that passes gradient everywhere also passes the large steps. Try another remedy from the lesson.");
        }

        double silent = silentShares.Average();
        if (silent > AliveThreshold)
        {
            return Check.True("3.3", false, $"Still {Num.Percent(silent)} of the units pass no gradient, on average.");
        }

        return Check.True("3.3", accuracies.Min() >= LearnedThreshold,
            $"The units are alive, but the worst seed reached only {Num.Percent(accuracies.Min())} training accuracy: alive is not the same as learning.");
    }

    /// <summary>
    /// Exercise 3.4: the largest bias b at which the ReLU unit w·x + b is dead on the whole data set (w·x + b ≤ 0 for
    /// every point), that is −max over the points of w·x.
    /// </summary>
    /// <param name="points">The data, one row of two coordinates per point.</param>
    /// <param name="w">The unit's weights.</param>
    /// <param name="answer">The learner's bias (NaN: no answer).</param>
    public static CheckResult DeadBias(double[][] points, double[] w, double answer)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(w);
        double expected = -points.Max(p => (p[0] * w[0]) + (p[1] * w[1]));
        return Check.Number("3.4", answer, expected, tolerance: 1e-9,
            hint: "Dead means w·x + b ≤ 0 for every point at once. Which point is the hardest to switch off? Use the data, not a bound on its radius.");
    }
}
