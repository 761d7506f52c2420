using System.Numerics.Tensors;
using ActivationCourse.Activations;
using ActivationCourse.Data;

namespace ActivationCourse.Training.Diagnostics;

/// <summary>Thresholds and batch size of <see cref="NetworkDiagnostics.Compute"/>.</summary>
public sealed class DiagnosticsOptions
{
    /// <summary>An output of a <see cref="SaturationRule.TanhLike"/> activation (tanh, hard tanh, softsign) is saturated when |y| exceeds this.</summary>
    public double TanhThreshold { get; init; } = 0.97;

    /// <summary>An output of a <see cref="SaturationRule.SigmoidLike"/> activation (sigmoid, hard sigmoid) is saturated below this...</summary>
    public double SigmoidLow { get; init; } = 0.03;

    /// <summary>...or above this.</summary>
    public double SigmoidHigh { get; init; } = 0.97;

    /// <summary>Rows per forward/backward pass; gradient statistics are those of the batch-mean loss at this size.</summary>
    public int BatchSize { get; init; } = 256;
}

/// <summary>What one layer does on a data set.</summary>
/// <param name="Layer">Index in <see cref="Network.Layers"/>.</param>
/// <param name="Description">The layer's description.</param>
/// <param name="Activation">Activation name for activation layers, else null.</param>
/// <param name="DeadShare">Share of units whose derivative is 0 on every sample (never pass a gradient); NaN for non-activation layers.</param>
/// <param name="SaturatedShare">Share of output values in the saturated region (tanh- and sigmoid-like activations; 0 for others, NaN for non-activation layers).</param>
/// <param name="ActivationMean">Mean of the layer's outputs.</param>
/// <param name="ActivationStd">Standard deviation of the layer's outputs.</param>
/// <param name="GradientMean">Mean of d loss / d output.</param>
/// <param name="GradientStd">Standard deviation of d loss / d output.</param>
public sealed record LayerDiagnostics(
    int Layer, string Description, string? Activation, double DeadShare, double SaturatedShare,
    double ActivationMean, double ActivationStd, double GradientMean, double GradientStd);

/// <summary>
/// Per-layer health of a network on a data set, for plots: dead units, saturated units, and the spread of
/// activations and gradients from the input side to the output side (vanishing or exploding signals).
/// </summary>
public static class NetworkDiagnostics
{
    /// <summary>Runs the data through the network (evaluation mode) and backpropagates the loss.</summary>
    /// <param name="network">The network (its parameter gradients are overwritten; its weights are not changed).</param>
    /// <param name="data">Samples with labels.</param>
    /// <param name="options">Thresholds and batch size.</param>
    /// <returns>One entry per layer, input side first.</returns>
    public static IReadOnlyList<LayerDiagnostics> Compute(Network network, LabeledData data, DiagnosticsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        network.CheckData(data);
        options ??= new DiagnosticsOptions();
        var layers = network.Layers;
        var totals = layers.Select(l => new LayerTotals(l.ActivationName is null ? null : new bool[l.Outputs])).ToArray();
        int batch = Math.Max(1, options.BatchSize);
        var scratch = new float[batch * layers.Max(l => l.Outputs)];

        for (int start = 0; start < data.Count; start += batch)
        {
            int rows = Math.Min(batch, data.Count - start);
            Network.Slice(data, start, rows, out var labels, out var targets);
            network.ComputeGradients(data.Features.AsSpan(start * data.Dimensions, rows * data.Dimensions), labels, targets, training: false);
            for (int i = 0; i < layers.Count; i++)
            {
                AccumulateLayer(network, i, rows, options, scratch, totals[i]);
            }
        }

        return [.. layers.Select((layer, i) => Summarize(i, layer, totals[i]))];
    }

    /// <summary>Running sums of one layer over the batches: Σy, Σy², Σg, Σg², the value count, the saturated count and which units were ever active.</summary>
    private sealed class LayerTotals(bool[]? active)
    {
        public double SumY;
        public double SumY2;
        public double SumG;
        public double SumG2;
        public long Count;
        public long Saturated;
        public bool[]? Active = active;
    }

    private static void AccumulateLayer(Network network, int i, int rows, DiagnosticsOptions options, float[] scratch, LayerTotals totals)
    {
        var layer = network.Layers[i];
        var y = network.LayerOutput(i, rows);
        var g = network.LayerOutputGradient(i, rows);
        totals.SumY += TensorPrimitives.Sum(y);
        totals.SumY2 += TensorPrimitives.SumOfSquares(y);
        totals.SumG += TensorPrimitives.Sum(g);
        totals.SumG2 += TensorPrimitives.SumOfSquares(g);
        totals.Count += y.Length;
        if (layer.ActivationName is null)
        {
            return;
        }

        totals.Saturated += CountSaturated(layer.Saturation, y, options);
        var derivative = scratch.AsSpan(0, y.Length);
        if (layer.Derivative(network.LayerInput(i, rows), y, derivative))
        {
            MarkActive(derivative, layer.Outputs, totals.Active!);
        }
        else
        {
            totals.Active = null;
        }
    }

    private static LayerDiagnostics Summarize(int i, Layer layer, LayerTotals totals)
    {
        double count = Math.Max(1, totals.Count);
        double meanY = totals.SumY / count, meanG = totals.SumG / count;
        bool isActivation = layer.ActivationName is not null;
        return new LayerDiagnostics(
            i,
            layer.Description,
            layer.ActivationName,
            totals.Active is { } a ? (double)a.Count(x => !x) / a.Length : isActivation ? 0 : double.NaN,
            isActivation ? totals.Saturated / count : double.NaN,
            meanY,
            Math.Sqrt(Math.Max(0, (totals.SumY2 / count) - (meanY * meanY))),
            meanG,
            Math.Sqrt(Math.Max(0, (totals.SumG2 / count) - (meanG * meanG))));
    }

    private static void MarkActive(ReadOnlySpan<float> derivative, int width, bool[] active)
    {
        for (int k = 0; k < derivative.Length; k++)
        {
            if (derivative[k] != 0)
            {
                active[k % width] = true;
            }
        }
    }

    internal static long CountSaturated(SaturationRule rule, ReadOnlySpan<float> y, DiagnosticsOptions options)
    {
        long count = 0;
        switch (rule)
        {
            case SaturationRule.TanhLike:
                foreach (float v in y)
                {
                    count += Math.Abs(v) > options.TanhThreshold ? 1 : 0;
                }

                break;
            case SaturationRule.SigmoidLike:
                foreach (float v in y)
                {
                    count += v < options.SigmoidLow || v > options.SigmoidHigh ? 1 : 0;
                }

                break;
        }

        return count;
    }
}
