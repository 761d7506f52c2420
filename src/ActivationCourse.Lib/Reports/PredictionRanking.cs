using System.Globalization;

namespace ActivationCourse.Reports;

/// <summary>What a classifier said about one sample.</summary>
/// <param name="Index">Row of the sample in the data set.</param>
/// <param name="Label">The true class.</param>
/// <param name="Predicted">The most probable class.</param>
/// <param name="Probability">The probability of <paramref name="Predicted"/>.</param>
/// <param name="RunnerUp">The second most probable class.</param>
/// <param name="RunnerUpProbability">Its probability.</param>
/// <param name="LabelProbability">The probability the model gave the true class.</param>
/// <param name="Entropy">−Σ p·ln p over the classes, in nats: 0 for a certain answer, ln(classes) for a uniform one.</param>
public sealed record ScoredPrediction(
    int Index, int Label, int Predicted, double Probability, int RunnerUp, double RunnerUpProbability, double LabelProbability, double Entropy)
{
    /// <summary>True when the most probable class is the label.</summary>
    public bool IsCorrect => Label == Predicted;

    /// <summary>Probability of the top class minus that of the runner-up: small when the model hesitates between two.</summary>
    public double Margin => Probability - RunnerUpProbability;

    /// <summary>"4 → 9 (0.83)": true class, predicted class and its probability, a caption for image grids.</summary>
    public string Caption => string.Create(CultureInfo.InvariantCulture, $"{Label} → {Predicted} ({Probability:0.00})");
}

/// <summary>
/// Ranks a classifier's test predictions from its class probabilities (rows of softmax outputs): the most
/// confidently wrong samples and the most ambiguous ones (highest entropy).
/// </summary>
public static class PredictionRanking
{
    /// <summary>Entropy −Σ p·ln p of one probability row, in nats (terms with p = 0 count as 0).</summary>
    /// <param name="probabilities">Non-negative values that sum to 1.</param>
    public static double Entropy(ReadOnlySpan<float> probabilities)
    {
        double h = 0;
        foreach (float p in probabilities)
        {
            if (p > 0)
            {
                h -= p * Math.Log(p);
            }
        }

        return h;
    }

    /// <summary>Scores every row: predicted class, runner-up, their probabilities, the label's probability and the entropy.</summary>
    /// <param name="probabilities">rows × <paramref name="classes"/> probabilities, row-major.</param>
    /// <param name="labels">The true class of each row.</param>
    /// <param name="classes">Classes per row (at least 2).</param>
    /// <exception cref="ArgumentException">The lengths do not fit together.</exception>
    public static IReadOnlyList<ScoredPrediction> Score(float[] probabilities, IReadOnlyList<int> labels, int classes = 10)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        if (probabilities.Length != (long)labels.Count * classes)
        {
            throw new ArgumentException($"{probabilities.Length} probabilities are not {labels.Count} rows of {classes}.");
        }

        var result = new ScoredPrediction[labels.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var row = probabilities.AsSpan(i * classes, classes);
            int best = 0, second = -1;
            for (int c = 1; c < classes; c++)
            {
                if (row[c] > row[best])
                {
                    second = best;
                    best = c;
                }
                else if (second < 0 || row[c] > row[second])
                {
                    second = c;
                }
            }

            int label = labels[i];
            double labelProbability = (uint)label < (uint)classes ? row[label] : double.NaN;
            result[i] = new ScoredPrediction(i, label, best, row[best], second, row[second], labelProbability, Entropy(row));
        }

        return result;
    }

    /// <summary>The wrong predictions with the highest probability on the (wrong) predicted class, most confident first.</summary>
    /// <param name="probabilities">rows × <paramref name="classes"/> probabilities.</param>
    /// <param name="labels">The true classes.</param>
    /// <param name="count">How many to return (fewer if there are fewer mistakes).</param>
    /// <param name="classes">Classes per row.</param>
    public static IReadOnlyList<ScoredPrediction> MostConfidentMistakes(float[] probabilities, IReadOnlyList<int> labels, int count, int classes = 10) =>
        [.. Score(probabilities, labels, classes).Where(s => !s.IsCorrect).OrderByDescending(s => s.Probability).ThenBy(s => s.Index).Take(count)];

    /// <summary>The rows with the highest entropy (the model spreads its probability the most), most ambiguous first.</summary>
    /// <param name="probabilities">rows × <paramref name="classes"/> probabilities.</param>
    /// <param name="labels">The true classes.</param>
    /// <param name="count">How many to return.</param>
    /// <param name="classes">Classes per row.</param>
    public static IReadOnlyList<ScoredPrediction> MostAmbiguous(float[] probabilities, IReadOnlyList<int> labels, int count, int classes = 10) =>
        [.. Score(probabilities, labels, classes).OrderByDescending(s => s.Entropy).ThenBy(s => s.Index).Take(count)];
}
