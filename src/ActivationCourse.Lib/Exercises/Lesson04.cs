using ActivationCourse.Activations;
using ActivationCourse.Printing;
using ActivationCourse.Training;

namespace ActivationCourse.Exercises;

/// <summary>The checks behind lesson 04's exercises (maxout and softmax).</summary>
public static class Lesson04
{
    /// <summary>Exercise 4.1 counts a maxout fit as exact when its mean squared error is below this.</summary>
    public const double FitThreshold = 1e-3;

    /// <summary>Exercise 4.2's target: the top class's probability within this distance of one half.</summary>
    public const double HalfTolerance = 0.001;

    /// <summary>Exercise 4.2 grades the prediction: within this relative distance (0.1 = 10%) of the temperature that gives one half, either side.</summary>
    public const double PredictionTolerance = 0.1;

    /// <summary>Exercise 4.3 wants at least this per-label accuracy.</summary>
    public const double LabelAccuracy = 0.95;

    /// <summary>
    /// Exercise 4.1 (predict, then measure): the fewest pieces k for which one maxout unit fits a given convex
    /// piecewise-linear function exactly (mean squared error below <see cref="FitThreshold"/>). Accepted when the
    /// measured fit with k pieces is exact, the fit with k − 1 pieces is not, and the prediction was that k.
    /// </summary>
    /// <param name="predictedPieces">The prediction written before training (0 or less: no answer).</param>
    /// <param name="pieces">The k the learner trained with.</param>
    /// <param name="measuredError">Mean squared error of the trained unit with k pieces.</param>
    /// <param name="errorWithOneFewer">Mean squared error with k − 1 pieces (NaN when k = 1: no unit has 0 pieces).</param>
    public static CheckResult MaxoutPieces(int predictedPieces, int pieces, double measuredError, double errorWithOneFewer)
    {
        if (predictedPieces < 1 || pieces < 1 || double.IsNaN(measuredError))
        {
            return Check.Number("4.1", double.NaN, 0);
        }

        if (measuredError >= FitThreshold)
        {
            return Check.True("4.1", false,
                $"With k = {pieces} the best fit's mean squared error is {Num.Show(measuredError, 2)} (you predicted k = {predictedPieces}): not exact. Look at the chart: where does the fit leave the function?");
        }

        if (pieces > 1 && errorWithOneFewer < FitThreshold)
        {
            return Check.True("4.1", false, $"k = {pieces} fits, but so does k = {pieces - 1} (error {Num.Show(errorWithOneFewer, 2)}): the question asks for the fewest.");
        }

        return Check.True("4.1", predictedPieces == pieces,
            $"The measurement says k = {pieces}; you predicted k = {predictedPieces}. Count the straight pieces of f on [−3, 3]: how many does a maximum of lines need?");
    }

    /// <summary>
    /// Exercise 4.2 (predict, then measure): a temperature T at which softmax(z / T) gives its top class a probability of
    /// one half (within <see cref="HalfTolerance"/>), measured with the library's softmax; and the prediction made
    /// before measuring: above 1 (at T = 1 the top class gets more than one half, and a lower T sharpens) and within
    /// <see cref="PredictionTolerance"/> of the temperature that gives exactly one half (found by bisection), either side,
    /// so that "just above 1" (T = 1.01 is 16% low) does not pass.
    /// </summary>
    /// <param name="predictedTemperature">The prediction written before measuring (NaN: no answer).</param>
    /// <param name="temperature">The temperature set after measuring.</param>
    /// <param name="logits">The scores z.</param>
    public static CheckResult HalfTemperature(double predictedTemperature, double temperature, double[] logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (double.IsNaN(predictedTemperature) || double.IsNaN(temperature))
        {
            return Check.Number("4.2", double.NaN, 0);
        }

        if (!(temperature > 0))
        {
            return Check.True("4.2", false, "A temperature is a positive number.");
        }

        double top = TopProbability(logits, temperature);
        if (Math.Abs(top - 0.5) > HalfTolerance)
        {
            return Check.True("4.2", false,
                $"At T = {Num.Show(temperature)} the top class gets {Num.Show(top, 4)}, not 0.5 to within {Num.Show(HalfTolerance)}. Which way does T have to move?");
        }

        double exact = HalfwayTemperature(logits);
        string miss = predictedTemperature <= 1 ? "on the wrong side of 1: does a lower temperature flatten or sharpen?"
            : predictedTemperature < exact ? "too close to 1: the top class has to lose more than a sliver of probability; how fast does it lose it as T grows?"
            : "far too high: how fast does the top class lose probability as T grows?";
        return Check.True("4.2", predictedTemperature > 1 && Math.Abs((predictedTemperature / exact) - 1) <= PredictionTolerance,
            $"You found T = {Num.Show(temperature)}; your prediction, T = {Num.Show(predictedTemperature)}, was {miss}");
    }

    private static double TopProbability(double[] logits, double temperature)
    {
        var p = new double[logits.Length];
        Softmax.Forward(logits, logits.Length, p, temperature);
        return p.Max();
    }

    // The top class's probability falls as T grows; bisect between 1e-3 and 1e3 for one half.
    private static double HalfwayTemperature(double[] logits)
    {
        double lo = 1e-3, hi = 1e3;
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++)
        {
            double mid = Math.Sqrt(lo * hi);
            (lo, hi) = TopProbability(logits, mid) > 0.5 ? (mid, hi) : (lo, mid);
        }
        return lo;
    }

    /// <summary>
    /// Exercise 4.3: the output layer and loss for two independent yes/no labels. Accepted for the sigmoid with binary
    /// cross-entropy when the trained network reaches <see cref="LabelAccuracy"/> per label.
    /// </summary>
    /// <param name="choice">The loss the learner chose (null: no answer).</param>
    /// <param name="measuredAccuracy">The per-label training accuracy the network reached with it (NaN if it could not train).</param>
    public static CheckResult OutputLayer(Loss? choice, double measuredAccuracy)
    {
        if (choice is null)
        {
            return Check.Number("4.3", double.NaN, 0);
        }

        if (choice.UsesLabels)
        {
            return Check.True("4.3", false, "Softmax makes the outputs compete for one unit of probability: one class per point. Here a point can have both labels, or neither.");
        }

        if (ReferenceEquals(choice, Loss.MeanSquaredError))
        {
            return Check.True("4.3", false, "This output is unbounded: it does not read as a probability of each label.");
        }

        return Check.True("4.3", measuredAccuracy >= LabelAccuracy,
            $"The right kind of output, but it reached only {Num.Percent(measuredAccuracy)} per label: did it train?");
    }
}
