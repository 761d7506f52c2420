using ActivationCourse.Experiments;

namespace ActivationCourse.Exercises;

/// <summary>Checks for the exercises of lesson 06 (an MLP on MNIST).</summary>
public static class Lesson06
{
    /// <summary>The share of a layer's units that counts as a collapse in exercise 6.1 (CS231n's "as much as 40%").</summary>
    public const double CollapseShare = 0.40;

    /// <summary>
    /// Exercise 6.1 (predict, then measure): the smallest learning rate of the sweep at which at least 40% of some
    /// hidden layer's units are dead.
    /// </summary>
    /// <param name="predictedRate">The learner's prediction, one of the sweep's rates (NaN: not answered).</param>
    /// <param name="sweep">The measured sweep.</param>
    public static CheckResult CollapseRate(double predictedRate, DeadUnitSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return CollapseRate(predictedRate, [.. sweep.Points.Select(p => p.LearningRate)], [.. sweep.Points.Select(p => p.DeadShare.Max())]);
    }

    /// <summary>Exercise 6.1 from the measured rates and each rate's worst-layer dead share.</summary>
    /// <param name="predictedRate">The learner's prediction (NaN: not answered).</param>
    /// <param name="rates">The sweep's learning rates, in increasing order.</param>
    /// <param name="worstDeadShares">For each rate, the dead share of its worst hidden layer.</param>
    public static CheckResult CollapseRate(double predictedRate, IReadOnlyList<double> rates, IReadOnlyList<double> worstDeadShares)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(worstDeadShares);
        if (double.IsNaN(predictedRate))
        {
            return Check.Number("6.1", double.NaN, 0);
        }

        int first = Enumerable.Range(0, rates.Count).FirstOrDefault(i => worstDeadShares[i] >= CollapseShare, -1);
        bool right = first >= 0 && Math.Abs(predictedRate - rates[first]) <= 1e-9 * rates[first];
        return Check.True("6.1", right,
            "answer with one of the sweep's rates; momentum's factor of 10 is what a gradient that keeps its direction "
            + "reaches after many steps, so ask how much of it the steps that kill units really got");
    }

    /// <summary>Exercise 6.2: the accuracy computed from the confusion matrix's counts.</summary>
    /// <param name="answer">The learner's accuracy, a fraction in [0, 1] (NaN: not answered).</param>
    /// <param name="confusion">The measured confusion matrix.</param>
    public static CheckResult AccuracyFromCounts(double answer, ConfusionMatrix confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        return Check.Number("6.2", answer, confusion.Accuracy, tolerance: 1e-9,
            hint: "correct predictions are on the diagonal; divide their sum by the sum of all cells (a fraction, not a percentage)");
    }

    /// <summary>Exercise 6.3: [true digit, predicted digit] of an off-diagonal cell with the largest count (any tie is accepted).</summary>
    /// <param name="answer">The learner's pair (empty: not answered).</param>
    /// <param name="confusion">The measured confusion matrix.</param>
    public static CheckResult MostConfusedPair(int[]? answer, ConfusionMatrix confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        if (answer is null || answer.Length == 0)
        {
            return Check.Equal<int[]>("6.3", null, []);
        }

        int largest = Enumerable.Range(0, confusion.Classes)
            .SelectMany(t => Enumerable.Range(0, confusion.Classes).Where(p => p != t).Select(p => confusion[t, p])).Max();
        bool right = answer.Length == 2 && answer[0] != answer[1]
            && answer.All(d => d >= 0 && d < confusion.Classes)
            && confusion[answer[0], answer[1]] == largest;
        return Check.True("6.3", right, "skip the diagonal (t == p); the answer is [row, column] of the largest remaining count");
    }

    /// <summary>
    /// The source article's LeNet-style network for 32 × 32 × 3 images, as Keras builds it: Conv2D 6, 16 and 120
    /// filters of 5 × 5 with "same" padding and ReLU, 2 × 2 max pools after the first two, Flatten, Dense 84 (ReLU)
    /// and Dense 10 (softmax).
    /// </summary>
    public static ConvNetSummary LeNet() => new ConvNetSummary(32, 32, 3)
        .Conv2D(6, 5, "relu").MaxPool2D(2)
        .Conv2D(16, 5, "relu").MaxPool2D(2)
        .Conv2D(120, 5, "relu")
        .Flatten().Dense(84, "relu").Dense(10, "softmax");

    /// <summary>Exercise 6.4: the number of trainable parameters of <see cref="LeNet"/>, exactly.</summary>
    /// <param name="answer">The learner's count (NaN: not answered).</param>
    public static CheckResult LeNetParameters(double answer) =>
        Check.Number("6.4", answer, LeNet().TotalParameters, tolerance: 1e-12,
            hint: "trace the shape first (\"same\" keeps height and width, each pool halves them); the first Dense "
                + "layer sees every value of the last feature map; one bias per filter and per unit");
}
