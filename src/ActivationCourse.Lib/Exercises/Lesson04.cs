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
    public const double HalfTolerance = 0.02;

    /// <summary>Exercise 4.3 wants at least this per-label accuracy.</summary>
    public const double LabelAccuracy = 0.95;

    /// <summary>
    /// Exercise 4.1 (predict, then measure): the fewest pieces k for which one maxout unit fits a given convex
    /// piecewise-linear function exactly (mean squared error below <see cref="FitThreshold"/>). Accepted when the
    /// measured fit with k pieces is exact and the fit with k − 1 pieces is not.
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

        return Check.True("4.1", pieces == 1 || errorWithOneFewer >= FitThreshold,
            $"k = {pieces} fits, but so does k = {pieces - 1} (error {Num.Show(errorWithOneFewer, 2)}): the question asks for the fewest.");
    }

    /// <summary>
    /// Exercise 4.2 (predict, then measure): a temperature T at which softmax(z / T) gives its top class a probability of
    /// one half (within <see cref="HalfTolerance"/>). The probability is measured with the library's softmax.
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

        var p = new double[logits.Length];
        Softmax.Forward(logits, logits.Length, p, temperature);
        double top = p.Max();
        return Check.True("4.2", Math.Abs(top - 0.5) <= HalfTolerance,
            $"At T = {Num.Show(temperature)} the top class gets {Num.Show(top, 3)}. Which way does T have to move to bring it to one half?");
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
