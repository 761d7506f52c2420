using ActivationCourse.Data;
using ActivationCourse.Training;

namespace ActivationCourse.Training.Diagnostics;

/// <summary>
/// Follows the units of a network's activation layers through training. Each <see cref="Record"/> marks the units
/// that output 0 or less on every sample of a data set (for ReLU: dead, no gradient reaches their weights);
/// between consecutive records it counts the units that died and the units that came back (revived).
/// <code>
/// var tracker = new DeadUnitTracker(net, data);
/// tracker.Record();                                   // before training
/// // ... after every epoch: tracker.Record();
/// tracker.DeadShare[^1]; tracker.Revived(1);          // share dead at the end; revivals in the second tracked layer
/// </code>
/// </summary>
public sealed class DeadUnitTracker
{
    private readonly Network _network;
    private readonly LabeledData _data;
    private readonly List<bool[][]> _records = [];

    /// <summary>Tracks every activation layer of <paramref name="network"/> on <paramref name="data"/>; records nothing yet.</summary>
    /// <param name="network">The network being trained.</param>
    /// <param name="data">The samples a unit must be off on, all of them, to count as dead.</param>
    public DeadUnitTracker(Network network, LabeledData data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        network.CheckData(data);
        _network = network;
        _data = data;
        Layers = [.. Enumerable.Range(0, network.Layers.Count).Where(i => network.Layers[i].ActivationName is not null)];
        if (Layers.Count == 0)
        {
            throw new ArgumentException("The network has no activation layer to track.", nameof(network));
        }
    }

    /// <summary>Indices (in <see cref="Network.Layers"/>) of the tracked activation layers, input side first.</summary>
    public IReadOnlyList<int> Layers { get; }

    /// <summary>How many records have been taken.</summary>
    public int Records => _records.Count;

    /// <summary>Per record, the share of all tracked units that output 0 or less on every sample.</summary>
    public IReadOnlyList<double> DeadShare =>
        [.. _records.Select(r => r.Sum(layer => layer.Count(dead => dead)) / (double)r.Sum(layer => layer.Length))];

    /// <summary>Marks, for every tracked unit, whether it outputs 0 or less on every sample now.</summary>
    public void Record()
    {
        var record = new bool[Layers.Count][];
        for (int k = 0; k < Layers.Count; k++)
        {
            var y = _network.LayerOutputs(Layers[k], _data.Features);
            int width = _network.Layers[Layers[k]].Outputs;
            var dead = Enumerable.Repeat(true, width).ToArray();
            for (int i = 0; i < y.Length; i++)
            {
                dead[i % width] &= y[i] <= 0;
            }
            record[k] = dead;
        }
        _records.Add(record);
    }

    /// <summary>Whether each unit of tracked layer <paramref name="layer"/> was dead at record <paramref name="record"/>.</summary>
    /// <param name="record">0 for the first record.</param>
    /// <param name="layer">Position in <see cref="Layers"/> (0 for the first tracked layer).</param>
    public IReadOnlyList<bool> DeadAt(int record, int layer) => Array.AsReadOnly(_records[record][layer]);

    /// <summary>Units of tracked layer <paramref name="layer"/> dead at one record and alive at the next, summed over all consecutive records.</summary>
    /// <param name="layer">Position in <see cref="Layers"/> (0 for the first tracked layer).</param>
    public int Revived(int layer) => Transitions(layer, wasDead: true);

    /// <summary>Units of tracked layer <paramref name="layer"/> alive at one record and dead at the next, summed over all consecutive records.</summary>
    /// <param name="layer">Position in <see cref="Layers"/> (0 for the first tracked layer).</param>
    public int Died(int layer) => Transitions(layer, wasDead: false);

    private int Transitions(int layer, bool wasDead)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layer, Layers.Count);
        int count = 0;
        for (int r = 0; r + 1 < _records.Count; r++)
        {
            var before = _records[r][layer];
            var after = _records[r + 1][layer];
            for (int u = 0; u < before.Length; u++)
            {
                count += before[u] == wasDead && after[u] != wasDead ? 1 : 0;
            }
        }
        return count;
    }
}
