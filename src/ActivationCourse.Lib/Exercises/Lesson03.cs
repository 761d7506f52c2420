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

    /// <summary>Exercise 3.1: ∂L/∂z through Leaky ReLU (slope 0.01) for the given pre-activations and upstream gradient.</summary>
    /// <param name="z">The pre-activations.</param>
    /// <param name="upstream">∂L/∂f for each element.</param>
    /// <param name="dz">The learner's ∂L/∂z (empty or null: no answer).</param>
    public static CheckResult LeakyReluBackward(double[] z, double[] upstream, double[]? dz)
    {
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(upstream);
        var expected = new double[z.Length];
        new LeakyReLU(0.01).Backward(z, upstream, expected);
        return Check.Vector("3.1", dz, expected, tolerance: 1e-12,
            hint: "Each upstream value is multiplied by the local slope of the function at that z. Which side does PyTorch take at exactly 0?");
    }

    /// <summary>
    /// Exercise 3.2 (predict, then measure): the learner predicted the share of ReLU units that die at a learning rate of
    /// their choice, then trained at that rate. Accepted when the measured mean share over the seeds is above
    /// <see cref="DyingThreshold"/> and no run diverged.
    /// </summary>
    /// <param name="predictedDeadShare">The prediction written before running (NaN: no answer).</param>
    /// <param name="rate">The learning rate the learner set.</param>
    /// <param name="deadShares">The measured share of dead hidden units after training, one per seed.</param>
    /// <param name="diverged">How many of the runs diverged.</param>
    public static CheckResult DyingRate(double predictedDeadShare, double rate, IReadOnlyList<double> deadShares, int diverged)
    {
        ArgumentNullException.ThrowIfNull(deadShares);
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

        double measured = deadShares.Average();
        return Check.True("3.2", measured > DyingThreshold,
            $"Measured: {Num.Percent(measured)} dead on average (you predicted {Num.Percent(predictedDeadShare)}). Not above {Num.Percent(DyingThreshold, 0)} yet: which way should the rate move?");
    }

    /// <summary>
    /// Exercise 3.3: at the rate that killed more than 40% of the ReLU units, another activation keeps its units alive.
    /// Accepted for a non-ReLU activation run at that same rate, with no divergence, at most <see cref="AliveThreshold"/>
    /// dead units and at least <see cref="LearnedThreshold"/> training accuracy on every seed.
    /// </summary>
    /// <param name="activation">The activation the learner chose (registry name).</param>
    /// <param name="rate">The rate it was trained at.</param>
    /// <param name="dyingRate">The rate accepted in exercise 3.2 (NaN when 3.2 is not done).</param>
    /// <param name="deadShares">Measured dead share per seed.</param>
    /// <param name="accuracies">Training accuracy per seed.</param>
    /// <param name="diverged">Runs that diverged.</param>
    public static CheckResult KeptAlive(string? activation, double rate, double dyingRate, IReadOnlyList<double> deadShares, IReadOnlyList<double> accuracies, int diverged)
    {
        ArgumentNullException.ThrowIfNull(deadShares);
        ArgumentNullException.ThrowIfNull(accuracies);
        if (string.IsNullOrWhiteSpace(activation) || deadShares.Count == 0)
        {
            return Check.Equal<string>("3.3", null, "");
        }

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

        double dead = deadShares.Average();
        if (dead > AliveThreshold)
        {
            return Check.True("3.3", false, $"Still {Num.Percent(dead)} dead on average.");
        }

        return Check.True("3.3", accuracies.Min() >= LearnedThreshold,
            $"The units are alive, but the worst seed reached only {Num.Percent(accuracies.Min())} training accuracy: alive is not the same as learning.");
    }

    /// <summary>Exercise 3.4: the share of points on which the ReLU unit w·x + b is active (w·x + b &gt; 0).</summary>
    /// <param name="points">The data, one row of two coordinates per point.</param>
    /// <param name="w">The unit's weights.</param>
    /// <param name="b">The unit's bias.</param>
    /// <param name="answer">The learner's share (NaN: no answer).</param>
    public static CheckResult ActiveShare(double[][] points, double[] w, double b, double answer)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(w);
        double expected = points.Count(p => (p[0] * w[0]) + (p[1] * w[1]) + b > 0) / (double)points.Length;
        return Check.Number("3.4", answer, expected, tolerance: 1e-12,
            hint: "Count the points with w·x + b strictly above 0, then divide by the number of points (a share, not a count).");
    }
}
