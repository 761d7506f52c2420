using ActivationCourse.Data;
using ActivationCourse.Training;

namespace ActivationCourse.Training.Diagnostics;

/// <summary>
/// Measures which units of an activation layer pass no gradient at all, through the layer's own backward pass: the
/// layer receives an upstream gradient of 1 on every output, for every sample, and a unit is silent when nothing
/// reaches any of its inputs (one for an element-wise activation, k for a maxout unit with k pieces) on any sample.
/// A dead ReLU unit is silent. The measurement is about the unit alone: what the layers above send (a loss so
/// saturated that its gradient underflows to 0 silences every unit) is left out on purpose.
/// </summary>
public static class SilentUnits
{
    /// <summary>The share of the units of activation layer <paramref name="layer"/> that pass no gradient on any sample of <paramref name="data"/>.</summary>
    /// <param name="network">The network (not changed).</param>
    /// <param name="data">The samples.</param>
    /// <param name="layer">Index in <see cref="Network.Layers"/> of an activation layer that is not the first layer.</param>
    public static double Share(Network network, LabeledData data, int layer)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        network.CheckData(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(layer, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layer, network.Layers.Count);
        var unitLayer = network.Layers[layer];
        if (unitLayer.ActivationName is null)
        {
            throw new ArgumentException($"Layer {layer} ({unitLayer.Description}) is not an activation layer.", nameof(layer));
        }

        var x = Array.ConvertAll(network.LayerOutputs(layer - 1, data.Features), v => (double)v);
        var y = Array.ConvertAll(network.LayerOutputs(layer, data.Features), v => (double)v);
        var upstream = Enumerable.Repeat(1.0, y.Length).ToArray();
        var dx = new double[x.Length];
        var parameters = unitLayer.Parameters.Select(p => Array.ConvertAll(p.Value, v => (double)v)).ToArray();
        var gradients = unitLayer.Parameters.Select(p => new double[p.Length]).ToArray();
        unitLayer.ReferenceBackward(x, y, upstream, dx, data.Count, parameters, gradients);

        int units = unitLayer.Outputs, width = unitLayer.Inputs, pieces = width / units;
        var passes = new bool[units];
        for (int i = 0; i < dx.Length; i++)
        {
            passes[i % width / pieces] |= dx[i] != 0;
        }
        return passes.Count(p => !p) / (double)units;
    }
}
