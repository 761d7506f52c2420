namespace ActivationCourse.Activations;

/// <summary>
/// Softmax followed by cross-entropy, fused: for a row-major batch of logits z (rows × classes),
/// loss = mean over rows of −Σⱼ yⱼ·log pⱼ with p = softmax(z), and ∂loss/∂z = (p − y)/rows.
/// Log-probabilities come from the stable log-softmax, so the loss is finite for any finite logits.
/// </summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>Mean −log p[label] over rows; writes ∂loss/∂logits = (p − onehot(label))/rows into <paramref name="gradient"/>.</summary>
    public static double LossAndGradient(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes, Span<float> gradient)
    {
        Softmax.Validate(logits.Length, gradient.Length, classes);
        int rows = Rows(logits.Length, labels.Length, classes);
        // The exponentials of a row are kept (in double) for its probabilities: one Math.Exp per logit, not two.
        // This loss runs on every training batch. Wider rows than the buffer recompute the rest.
        Span<double> kept = stackalloc double[Math.Min(classes, MaxKeptClasses)];
        double loss = 0;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> z = logits.Slice(r * classes, classes);
            int label = Label(labels[r], classes, r);
            double max = double.NegativeInfinity;
            foreach (float v in z)
            {
                max = Math.Max(max, v);
            }
            double sum = 0;
            for (int j = 0; j < classes; j++)
            {
                double e = Math.Exp(z[j] - max);
                sum += e;
                if (j < kept.Length)
                {
                    kept[j] = e;
                }
            }
            double logSum = Math.Log(sum);
            loss -= z[label] - max - logSum;
            Span<float> g = gradient.Slice(r * classes, classes);
            for (int j = 0; j < classes; j++)
            {
                double p = j < kept.Length ? kept[j] / sum : Math.Exp(z[j] - max - logSum);
                g[j] = (float)((p - (j == label ? 1.0 : 0.0)) / rows);
            }
        }
        return rows == 0 ? 0 : loss / rows;
    }

    /// <summary>Row width up to which <see cref="LossAndGradient(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{float})"/> keeps exponentials on the stack.</summary>
    private const int MaxKeptClasses = 256;

    /// <inheritdoc cref="LossAndGradient(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{float})"/>
    public static double LossAndGradient(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels, int classes, Span<double> gradient)
    {
        Softmax.Validate(logits.Length, gradient.Length, classes);
        int rows = Rows(logits.Length, labels.Length, classes);
        double loss = 0;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<double> z = logits.Slice(r * classes, classes);
            int label = Label(labels[r], classes, r);
            double logSum = LogSumExp(z, out double max);
            loss -= z[label] - max - logSum;
            Span<double> g = gradient.Slice(r * classes, classes);
            for (int j = 0; j < classes; j++)
            {
                double p = Math.Exp(z[j] - max - logSum);
                g[j] = (p - (j == label ? 1.0 : 0.0)) / rows;
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
    public static double Loss(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes)
    {
        Softmax.Validate(logits.Length, logits.Length, classes);
        int rows = Rows(logits.Length, labels.Length, classes);
        double loss = 0;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> z = logits.Slice(r * classes, classes);
            double max = double.NegativeInfinity;
            foreach (float v in z)
            {
                max = Math.Max(max, v);
            }
            double sum = 0;
            foreach (float v in z)
            {
                sum += Math.Exp(v - max);
            }
            loss -= z[Label(labels[r], classes, r)] - max - Math.Log(sum);
        }
        return rows == 0 ? 0 : loss / rows;
    }

    /// <inheritdoc cref="Loss(ReadOnlySpan{float}, ReadOnlySpan{int}, int)"/>
    public static double Loss(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels, int classes)
    {
        Softmax.Validate(logits.Length, logits.Length, classes);
        int rows = Rows(logits.Length, labels.Length, classes);
        double loss = 0;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<double> z = logits.Slice(r * classes, classes);
            double logSum = LogSumExp(z, out double max);
            loss -= z[Label(labels[r], classes, r)] - max - logSum;
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

    private static double LogSumExp(ReadOnlySpan<double> z, out double max)
    {
        max = double.NegativeInfinity;
        foreach (double v in z)
        {
            max = Math.Max(max, v);
        }
        double sum = 0;
        foreach (double v in z)
        {
            sum += Math.Exp(v - max);
        }
        return Math.Log(sum);
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
