using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Softmax followed by cross-entropy, fused: for a row-major batch of logits z (rows × classes),
/// loss = mean over rows of −Σⱼ yⱼ·log pⱼ with p = softmax(z), and ∂loss/∂z = (p − y)/rows.
/// Log-probabilities come from the stable log-softmax, so the loss is finite for any finite logits.
/// </summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>Mean −log p[label] over rows; writes ∂loss/∂logits = (p − onehot(label))/rows into <paramref name="gradient"/>.</summary>
    /// <remarks>Computed in double for both element types (one generic body); the float gradient is rounded once at the end.</remarks>
    public static double LossAndGradient(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes, Span<float> gradient) =>
        LossAndGradient<float>(logits, labels, classes, gradient);

    /// <inheritdoc cref="LossAndGradient(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{float})"/>
    public static double LossAndGradient(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels, int classes, Span<double> gradient) =>
        LossAndGradient<double>(logits, labels, classes, gradient);

    /// <summary>Row width up to which <see cref="LossAndGradient(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{float})"/> keeps exponentials on the stack.</summary>
    private const int MaxKeptClasses = 256;

    private static double LossAndGradient<T>(ReadOnlySpan<T> logits, ReadOnlySpan<int> labels, int classes, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Softmax.Validate(logits.Length, gradient.Length, classes);
        int rows = Rows(logits.Length, labels.Length, classes);
        // The exponentials of a row are kept (in double) for its probabilities: one Math.Exp per logit, not two.
        // This loss runs on every training batch. Wider rows than the buffer recompute the rest.
        Span<double> kept = stackalloc double[Math.Min(classes, MaxKeptClasses)];
        double loss = 0;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<T> z = logits.Slice(r * classes, classes);
            int label = Label(labels[r], classes, r);
            double max = Max(z);
            double sum = 0;
            for (int j = 0; j < classes; j++)
            {
                double e = Math.Exp(double.CreateTruncating(z[j]) - max);
                sum += e;
                if (j < kept.Length)
                {
                    kept[j] = e;
                }
            }
            double logSum = Math.Log(sum);
            loss -= double.CreateTruncating(z[label]) - max - logSum;
            Span<T> g = gradient.Slice(r * classes, classes);
            for (int j = 0; j < classes; j++)
            {
                double p = j < kept.Length ? kept[j] / sum : Math.Exp(double.CreateTruncating(z[j]) - max - logSum);
                g[j] = T.CreateTruncating((p - (j == label ? 1.0 : 0.0)) / rows);
            }
        }
        return rows == 0 ? 0 : loss / rows;
    }

    /// <summary>
    /// Soft or one-hot targets: loss = mean over rows of −Σⱼ targets[j]·log p[j]; gradient = (p·Σⱼ targets[j] − targets)/rows
    /// (= (p − targets)/rows when each target row sums to 1).
    /// </summary>
    public static double LossAndGradient(ReadOnlySpan<double> logits, ReadOnlySpan<double> targets, int classes, Span<double> gradient)
    {
        Softmax.Validate(logits.Length, gradient.Length, classes);
        Check.SameLength(logits.Length, targets.Length, nameof(logits), nameof(targets));
        int rows = logits.Length / classes;
        double loss = 0;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<double> z = logits.Slice(r * classes, classes);
            ReadOnlySpan<double> y = targets.Slice(r * classes, classes);
            double logSum = LogSumExp(z, out double max);
            double mass = 0;
            for (int j = 0; j < classes; j++)
            {
                if (y[j] != 0)
                {
                    loss -= y[j] * (z[j] - max - logSum);
                }
                mass += y[j];
            }
            Span<double> g = gradient.Slice(r * classes, classes);
            for (int j = 0; j < classes; j++)
            {
                g[j] = (Math.Exp(z[j] - max - logSum) * mass - y[j]) / rows;
            }
        }
        return rows == 0 ? 0 : loss / rows;
    }

    /// <summary>The loss alone (mean −log p[label]); no allocation.</summary>
    public static double Loss(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes) => Loss<float>(logits, labels, classes);

    /// <inheritdoc cref="Loss(ReadOnlySpan{float}, ReadOnlySpan{int}, int)"/>
    public static double Loss(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels, int classes) => Loss<double>(logits, labels, classes);

    private static double Loss<T>(ReadOnlySpan<T> logits, ReadOnlySpan<int> labels, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Softmax.Validate(logits.Length, logits.Length, classes);
        int rows = Rows(logits.Length, labels.Length, classes);
        double loss = 0;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<T> z = logits.Slice(r * classes, classes);
            double logSum = LogSumExp(z, out double max);
            loss -= double.CreateTruncating(z[Label(labels[r], classes, r)]) - max - logSum;
        }
        return rows == 0 ? 0 : loss / rows;
    }

    /// <summary>The loss alone for soft or one-hot target rows.</summary>
    public static double Loss(ReadOnlySpan<double> logits, ReadOnlySpan<double> targets, int classes)
    {
        Softmax.Validate(logits.Length, logits.Length, classes);
        Check.SameLength(logits.Length, targets.Length, nameof(logits), nameof(targets));
        int rows = logits.Length / classes;
        double loss = 0;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<double> z = logits.Slice(r * classes, classes);
            ReadOnlySpan<double> y = targets.Slice(r * classes, classes);
            double logSum = LogSumExp(z, out double max);
            for (int j = 0; j < classes; j++)
            {
                if (y[j] != 0)
                {
                    loss -= y[j] * (z[j] - max - logSum);
                }
            }
        }
        return rows == 0 ? 0 : loss / rows;
    }

    // log Σ e^(z − max) and the row maximum, in double for both element types.
    private static double LogSumExp<T>(ReadOnlySpan<T> z, out double max) where T : unmanaged, IFloatingPointIeee754<T>
    {
        max = Max(z);
        double sum = 0;
        foreach (T v in z)
        {
            sum += Math.Exp(double.CreateTruncating(v) - max);
        }
        return Math.Log(sum);
    }

    // The row maximum in double; NaN if the row has one (Math.Max propagates it).
    private static double Max<T>(ReadOnlySpan<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double max = double.NegativeInfinity;
        foreach (T v in z)
        {
            max = Math.Max(max, double.CreateTruncating(v));
        }
        return max;
    }

    private static int Rows(int logitsLength, int labelsLength, int classes)
    {
        int rows = logitsLength / classes;
        if (rows != labelsLength)
        {
            throw new ArgumentException(
                $"Span lengths differ: logits has {rows} rows (length {logitsLength}, {classes} classes) but labels has length {labelsLength}.",
                "labels");
        }
        return rows;
    }

    private static int Label(int label, int classes, int row) =>
        (uint)label < (uint)classes ? label
            : throw new ArgumentOutOfRangeException("labels", label, $"Label {label} in row {row} is outside 0..{classes - 1}.");
}
