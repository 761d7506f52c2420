namespace ActivationCourse.Training.Diagnostics;

/// <summary>
/// What one layer outputs on a batch, summed up over all its values: the mean, the variance (population, divided by
/// the number of values) and the share of values above 0 (for ReLU: the share of active units).
/// <code>
/// var perLayer = LayerMoments.PerActivationLayer(net, data.Features);   // input side first
/// perLayer[^1].Variance; perLayer[0].PositiveShare;
/// </code>
/// </summary>
/// <param name="Mean">Mean of all output values.</param>
/// <param name="Variance">Mean squared deviation from <paramref name="Mean"/>.</param>
/// <param name="PositiveShare">Share of output values strictly above 0.</param>
public readonly record struct LayerMoments(double Mean, double Variance, double PositiveShare)
{
    /// <summary>The moments of <paramref name="outputs"/>, summed in double precision in order.</summary>
    /// <param name="outputs">A layer's outputs (any layout: every value counts once).</param>
    public static LayerMoments Of(ReadOnlySpan<float> outputs)
    {
        if (outputs.IsEmpty)
        {
            throw new ArgumentException("There are no outputs to summarize.", nameof(outputs));
        }
        double sum = 0;
        int positive = 0;
        foreach (var v in outputs)
        {
            sum += v;
            positive += v > 0 ? 1 : 0;
        }
        double mean = sum / outputs.Length;
        double squares = 0;
        foreach (var v in outputs)
        {
            squares += (v - mean) * (v - mean);
        }
        return new LayerMoments(mean, squares / outputs.Length, positive / (double)outputs.Length);
    }

    /// <summary>
    /// The moments of every activation layer of <paramref name="network"/> (every layer with an
    /// <see cref="Layer.ActivationName"/>: ReLU, tanh, PReLU, maxout, ...), input side first, on <paramref name="features"/>.
    /// </summary>
    /// <param name="network">The network, used as it is (no training).</param>
    /// <param name="features">Input rows, row-major, <see cref="Network.Inputs"/> values per row.</param>
    public static LayerMoments[] PerActivationLayer(Network network, ReadOnlySpan<float> features)
    {
        ArgumentNullException.ThrowIfNull(network);
        var moments = new List<LayerMoments>();
        for (int i = 0; i < network.Layers.Count; i++)
        {
            if (network.Layers[i].ActivationName is not null)
            {
                moments.Add(Of(network.LayerOutputs(i, features)));
            }
        }
        return [.. moments];
    }
}
