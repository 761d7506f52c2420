using ActivationCourse.Activations;
using ActivationCourse.Training;

namespace ActivationCourse.Studies;

/// <summary>
/// The pieces of a maxout layer that win for no sample: they receive no gradient on those samples, and their unit
/// works with the pieces that remain. Winners are found as <see cref="MaxoutLayer"/> finds them (<see cref="Maxout.Forward(ReadOnlySpan{float}, int, Span{float}, Span{int})"/>).
/// </summary>
public static class IdlePieces
{
    /// <summary>How many of the pieces of maxout layer <paramref name="layer"/> win for none of the rows of <paramref name="features"/>.</summary>
    /// <param name="network">The network.</param>
    /// <param name="layer">Index in <see cref="Network.Layers"/> of a <see cref="MaxoutLayer"/> that is not the first layer.</param>
    /// <param name="features">Rows of the network's inputs.</param>
    public static int Count(Network network, int layer, ReadOnlySpan<float> features)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(layer, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layer, network.Layers.Count);
        if (network.Layers[layer] is not MaxoutLayer maxout)
        {
            throw new ArgumentException($"Layer {layer} ({network.Layers[layer].Description}) is not a maxout layer.", nameof(layer));
        }

        var z = network.LayerOutputs(layer - 1, features);
        int units = maxout.Outputs, k = maxout.Pieces, rows = z.Length / maxout.Inputs;
        var winners = new int[rows * units];
        Maxout.Forward(z, k, new float[rows * units], winners);
        var won = new bool[units * k];
        for (int i = 0; i < winners.Length; i++)
        {
            won[(i % units * k) + winners[i]] = true;
        }
        return won.Count(w => !w);
    }
}
