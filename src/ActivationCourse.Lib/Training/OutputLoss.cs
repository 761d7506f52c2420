namespace ActivationCourse.Training;

/// <summary>
/// The network's output loss: softmax cross-entropy over the logits, mean over rows, with gradient
/// (p − onehot) / rows. TEMPORARY: forwards to the library's SoftmaxCrossEntropy once it lands on main.
/// </summary>
internal static class OutputLoss
{
    public static double LossAndGradient(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes, Span<float> gradient)
    {
        int rows = labels.Length;
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            var z = logits.Slice(r * classes, classes);
            var g = gradient.Slice(r * classes, classes);
            float max = System.Numerics.Tensors.TensorPrimitives.Max(z);
            double sum = 0;
            for (int j = 0; j < classes; j++)
            {
                sum += Math.Exp(z[j] - max);
            }

            for (int j = 0; j < classes; j++)
            {
                g[j] = (float)((Math.Exp(z[j] - max) / sum) - (j == labels[r] ? 1 : 0)) / rows;
            }

            total += Math.Log(sum) + max - z[labels[r]];
        }

        return total / rows;
    }

    public static double LossAndGradient(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels, int classes, Span<double> gradient)
    {
        int rows = labels.Length;
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            var z = logits.Slice(r * classes, classes);
            var g = gradient.Slice(r * classes, classes);
            double max = double.NegativeInfinity;
            foreach (double v in z)
            {
                max = Math.Max(max, v);
            }

            double sum = 0;
            for (int j = 0; j < classes; j++)
            {
                sum += Math.Exp(z[j] - max);
            }

            for (int j = 0; j < classes; j++)
            {
                g[j] = ((Math.Exp(z[j] - max) / sum) - (j == labels[r] ? 1 : 0)) / rows;
            }

            total += Math.Log(sum) + max - z[labels[r]];
        }

        return total / rows;
    }
}
