using ActivationCourse.Data;
using ActivationCourse.Training.Diagnostics;

namespace ActivationCourse.Training;

/// <summary>What one hidden unit of a network on the plane computes, and how it behaves on the data.</summary>
/// <param name="Layer">Index of its activation layer in <see cref="Network.Layers"/>.</param>
/// <param name="Unit">The unit's index in that layer.</param>
/// <param name="Values">Its output at each grid point, row-major, top row (y = extent) first (see <see cref="UnitMaps.PlaneGrid"/>).</param>
/// <param name="Dead">
/// Zero derivative on every data point while not saturated (a ReLU that is off everywhere): no gradient passes, and
/// none will.
/// </param>
/// <param name="SaturatedShare">Share of the data points where its output sits in a sigmoid's or tanh's flat tail (0 for other activations).</param>
public sealed record UnitMap(int Layer, int Unit, float[] Values, bool Dead, double SaturatedShare)
{
    /// <summary>Saturated on at least <see cref="UnitMaps.SaturatedUnitShare"/> of the data points.</summary>
    public bool Saturated => SaturatedShare >= UnitMaps.SaturatedUnitShare;
}

/// <summary>
/// The picture TensorFlow Playground draws for each hidden unit: its output over the input plane, with its state on
/// the data. Dead and saturated are separate: a tanh unit stuck at ±1 has a zero derivative too, but it is
/// saturated, not dead.
/// </summary>
public static class UnitMaps
{
    /// <summary>A unit counts as saturated when at least this share of the data points sits in a flat tail.</summary>
    public const double SaturatedUnitShare = 0.9;

    /// <summary>
    /// A square grid over [−extent, extent]²: resolution² rows of (x, y), row-major, top row (y near extent)
    /// first, each point at the center of its cell.
    /// </summary>
    /// <param name="resolution">Points per side (≥ 1).</param>
    /// <param name="extent">Half-width of the square (&gt; 0).</param>
    public static float[] PlaneGrid(int resolution, double extent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resolution, 1);
        if (!(extent > 0) || double.IsInfinity(extent))
        {
            throw new ArgumentOutOfRangeException(nameof(extent), $"The extent must be positive and finite (got {extent}).");
        }

        var grid = new float[resolution * resolution * 2];
        double cell = 2 * extent / resolution;
        for (int row = 0; row < resolution; row++)
        {
            for (int col = 0; col < resolution; col++)
            {
                int i = (row * resolution) + col;
                grid[2 * i] = (float)(-extent + ((col + 0.5) * cell));
                grid[(2 * i) + 1] = (float)(extent - ((row + 0.5) * cell));
            }
        }

        return grid;
    }

    /// <summary>One map per unit of every hidden activation layer, input side first.</summary>
    /// <param name="network">A network with two inputs (the plane); its weights are not changed.</param>
    /// <param name="data">The points that decide dead and saturated (the training set).</param>
    /// <param name="resolution">Grid points per side of each map.</param>
    /// <param name="extent">The maps cover [−extent, extent]².</param>
    /// <param name="options">Saturation thresholds (those of <see cref="NetworkDiagnostics"/> by default).</param>
    public static IReadOnlyList<UnitMap> Compute(Network network, LabeledData data, int resolution, double extent, DiagnosticsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        if (network.Inputs != 2)
        {
            throw new ArgumentException($"Unit maps cover the plane: the network needs 2 inputs (it has {network.Inputs}).", nameof(network));
        }

        network.CheckData(data);
        options ??= new DiagnosticsOptions();
        var grid = PlaneGrid(resolution, extent);
        var result = new List<UnitMap>();
        var layers = network.Layers;
        for (int i = 0; i < layers.Count - 1; i++)
        {
            if (layers[i].ActivationName is null)
            {
                continue;
            }

            int width = layers[i].Outputs;
            var onGrid = network.LayerOutputs(i, grid);
            var (moving, saturated) = StatesOnData(network, i, data, options);
            for (int u = 0; u < width; u++)
            {
                var values = new float[resolution * resolution];
                for (int p = 0; p < values.Length; p++)
                {
                    values[p] = onGrid[(p * width) + u];
                }

                double share = data.Count == 0 ? 0 : (double)saturated[u] / data.Count;
                bool dead = moving is not null && !moving[u] && share < 1;
                result.Add(new UnitMap(i, u, values, dead, share));
            }
        }

        return result;
    }

    // Per unit: whether its derivative is nonzero somewhere (null when the layer has no elementwise derivative,
    // as maxout), and on how many points it is saturated.
    private static (bool[]? Moving, long[] Saturated) StatesOnData(Network network, int layer, LabeledData data, DiagnosticsOptions options)
    {
        var target = network.Layers[layer];
        int width = target.Outputs;
        bool[]? moving = new bool[width];
        var saturated = new long[width];
        int batch = Math.Max(1, options.BatchSize);
        network.Prepare(Math.Min(batch, Math.Max(1, data.Count)));
        var derivative = new float[Math.Min(batch, Math.Max(1, data.Count)) * width];
        for (int start = 0; start < data.Count; start += batch)
        {
            int rows = Math.Min(batch, data.Count - start);
            network.ForwardBatch(data.Features.AsSpan(start * data.Dimensions, rows * data.Dimensions), rows, training: false);
            var y = network.LayerOutput(layer, rows);
            for (int k = 0; k < y.Length; k++)
            {
                saturated[k % width] += NetworkDiagnostics.CountSaturated(target.Saturation, y.Slice(k, 1), options);
            }

            if (moving is not null && target.Derivative(network.LayerInput(layer, rows), y, derivative.AsSpan(0, y.Length)))
            {
                for (int k = 0; k < y.Length; k++)
                {
                    moving[k % width] |= derivative[k] != 0;
                }
            }
            else
            {
                moving = null;
            }
        }

        return (moving, saturated);
    }
}
