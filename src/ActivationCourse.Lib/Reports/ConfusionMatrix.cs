using System.Globalization;
using ActivationCourse.Plotting;
using ActivationCourse.Printing;

namespace ActivationCourse.Reports;

/// <summary>One off-diagonal cell of a <see cref="ConfusionMatrix"/>: how often class <paramref name="True"/> was taken for <paramref name="Predicted"/>.</summary>
/// <param name="True">The label.</param>
/// <param name="Predicted">The class the model chose instead.</param>
/// <param name="Count">How many samples.</param>
public sealed record Confusion(int True, int Predicted, int Count);

/// <summary>
/// Counts of (true class, predicted class) pairs: <c>Counts[t, p]</c> is the number of samples with label t that
/// the model assigned to class p. The diagonal holds the correct predictions, so accuracy = trace / total.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class ConfusionMatrix : IHtmlRenderable
{
    private readonly int[,] _counts;

    private ConfusionMatrix(int[,] counts) => _counts = counts;

    /// <summary>Counts the pairs (labels[i], predictions[i]).</summary>
    /// <param name="labels">True class of each sample, in [0, classes).</param>
    /// <param name="predictions">Predicted class of each sample, in [0, classes).</param>
    /// <param name="classes">Number of classes (10 for digits).</param>
    /// <exception cref="ArgumentException">The lengths differ, or a class is out of range.</exception>
    public static ConfusionMatrix From(IReadOnlyList<int> labels, IReadOnlyList<int> predictions, int classes = 10)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (labels.Count != predictions.Count)
        {
            throw new ArgumentException($"{labels.Count} labels but {predictions.Count} predictions.");
        }

        var counts = new int[classes, classes];
        for (int i = 0; i < labels.Count; i++)
        {
            int t = labels[i], p = predictions[i];
            if ((uint)t >= (uint)classes || (uint)p >= (uint)classes)
            {
                throw new ArgumentException($"Sample {i} has label {t} and prediction {p}; classes run from 0 to {classes - 1}.");
            }

            counts[t, p]++;
        }

        return new ConfusionMatrix(counts);
    }

    /// <summary>Number of classes (rows and columns).</summary>
    public int Classes => _counts.GetLength(0);

    /// <summary>A copy of the counts, <c>[true class, predicted class]</c>.</summary>
    public int[,] Counts => (int[,])_counts.Clone();

    /// <summary>The count of one cell.</summary>
    /// <param name="trueClass">Row: the label.</param>
    /// <param name="predicted">Column: the prediction.</param>
    public int this[int trueClass, int predicted] => _counts[trueClass, predicted];

    /// <summary>Number of samples counted.</summary>
    public int Total => _counts.Cast<int>().Sum();

    /// <summary>Correct predictions: the sum of the diagonal.</summary>
    public int Correct => Enumerable.Range(0, Classes).Sum(c => _counts[c, c]);

    /// <summary>Correct / total (NaN when empty).</summary>
    public double Accuracy => Total == 0 ? double.NaN : (double)Correct / Total;

    /// <summary>Samples per true class (row sums).</summary>
    public int[] Support => [.. Enumerable.Range(0, Classes).Select(t => Enumerable.Range(0, Classes).Sum(p => _counts[t, p]))];

    /// <summary>Recall per class: the share of each class's samples predicted correctly (NaN for an empty class).</summary>
    public double[] Recall => [.. Enumerable.Range(0, Classes).Select(c => Support[c] == 0 ? double.NaN : (double)_counts[c, c] / Support[c])];

    /// <summary>Predictions per class (column sums).</summary>
    public int[] Predicted => [.. Enumerable.Range(0, Classes).Select(p => Enumerable.Range(0, Classes).Sum(t => _counts[t, p]))];

    /// <summary>Precision per class: the share of the samples predicted as each class that really belong to it (NaN for a class never predicted).</summary>
    public double[] Precision => [.. Enumerable.Range(0, Classes).Select(c => Predicted[c] == 0 ? double.NaN : (double)_counts[c, c] / Predicted[c])];

    /// <summary>All off-diagonal cells with a positive count, largest first (ties: smaller true class, then smaller prediction).</summary>
    public IReadOnlyList<Confusion> Confusions() =>
        [.. (from t in Enumerable.Range(0, Classes)
             from p in Enumerable.Range(0, Classes)
             where t != p && _counts[t, p] > 0
             select new Confusion(t, p, _counts[t, p]))
            .OrderByDescending(c => c.Count).ThenBy(c => c.True).ThenBy(c => c.Predicted)];

    /// <summary>The largest off-diagonal cell (null when every prediction is right).</summary>
    public Confusion? MostConfused() => Confusions().FirstOrDefault();

    /// <summary>The counts as a heatmap with the numbers in the cells (rows: true class, columns: prediction).</summary>
    /// <param name="title">Chart title.</param>
    public Heatmap ToHeatmap(string? title = "Confusion matrix (counts)") => Heatmap.ConfusionMatrix(_counts, title: title);

    /// <summary>An HTML table of the counts with row totals and recall.</summary>
    public string ToHtml() => ConfusionMatrixHtml.Render(this);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Classes}×{Classes} confusion matrix of {Num.Count(Total)} samples, accuracy {Num.Percent(Accuracy, 2)}");
}
