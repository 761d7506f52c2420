using ActivationCourse.Data;
using ActivationCourse.Training;

namespace ActivationCourse.Training.Diagnostics;

/// <summary>
/// How sparse the hidden layers are: for each activation layer, the share of (sample, unit) outputs that are
/// strictly positive. For ReLU that is the share of units "firing" on a typical input; a ReLU layer with
/// zero-mean symmetric weights and zero biases fires about half of the time at initialization.
/// </summary>
public static class ActiveUnitShare
{
    /// <summary>Runs the first <paramref name="samples"/> rows of <paramref name="data"/> through the network's layers and measures each activation layer.</summary>
    /// <param name="network">A network built from <see cref="DenseLayer"/>s and <see cref="ActivationLayer"/>s.</param>
    /// <param name="data">Input rows.</param>
    /// <param name="samples">How many rows to use (clamped to the data).</param>
    /// <returns>One share in [0, 1] per activation layer, input side first.</returns>
    /// <exception cref="NotSupportedException">The network has a layer of another kind before its last activation layer.</exception>
    public static double[] Measure(Network network, LabeledData data, int samples = 2000)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        int rows = Math.Clamp(samples, 1, data.Count);
        int width = data.Dimensions;
        float[] x = data.Features.AsSpan(0, rows * width).ToArray();
        var shares = new List<double>();
        int lastActivation = network.Layers.Select((l, i) => (l, i)).Where(p => p.l is ActivationLayer).Select(p => p.i).DefaultIfEmpty(-1).Max();
        for (int i = 0; i <= lastActivation; i++)
        {
            switch (network.Layers[i])
            {
                case DenseLayer dense:
                    x = Affine(x, rows, dense);
                    break;
                case ActivationLayer activation:
                    var y = new float[x.Length];
                    activation.Activation.Forward(x, y);
                    shares.Add(y.Count(v => v > 0) / (double)y.Length);
                    x = y;
                    break;
                default:
                    throw new NotSupportedException($"Layer {i} ({network.Layers[i].Description}) is neither dense nor element-wise.");
            }
        }

        return [.. shares];
    }

    // y = x·W + b for rows of x; W is Inputs × Outputs, row-major.
    private static float[] Affine(float[] x, int rows, DenseLayer dense)
    {
        int n = dense.Inputs, m = dense.Outputs;
        float[] w = dense.Weights.Value, b = dense.Bias.Value;
        var y = new float[rows * m];
        for (int r = 0; r < rows; r++)
        {
            var yr = y.AsSpan(r * m, m);
            b.CopyTo(yr);
            for (int k = 0; k < n; k++)
            {
                float xk = x[(r * n) + k];
                if (xk != 0)
                {
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(w.AsSpan(k * m, m), xk, yr, yr);
                }
            }
        }

        return y;
    }
}
