using ActivationCourse.Activations;
using ActivationCourse.Data;
using ActivationCourse.Explorer.Model;
using ActivationCourse.Training;
using ActivationCourse.Training.Diagnostics;

namespace ActivationCourse.Explorer.Tests;

/// <summary>The library's per-unit maps that the network diagram draws.</summary>
public sealed class UnitMapsTests
{
    [Fact]
    public void Each_map_is_the_units_output_at_the_grid_points()
    {
        var session = new TrainingSession(ExplorerState.Parse("view=network&layers=tanh:3,relu:2&seed=3"));
        session.Step(50);
        var maps = session.Maps;
        Assert.Equal([3, 2], maps.GroupBy(m => m.Layer).Select(g => g.Count()));
        var grid = UnitMaps.PlaneGrid(TrainingSession.MapResolution, TrainingSession.Extent);
        // Layer 1's unit 2 by hand: tanh(x·W[:,1] + b[1]) at a grid point.
        var dense = session.Dense[0];
        int p = 37;
        double z = (grid[2 * p] * dense.Weights.Value[1]) + (grid[(2 * p) + 1] * dense.Weights.Value[3 + 1]) + dense.Bias.Value[1];
        Assert.Equal(Math.Tanh(z), maps[1].Values[p], 5);
        // The grid's first point is the top-left cell's center.
        double cell = 2 * TrainingSession.Extent / TrainingSession.MapResolution;
        Assert.Equal(-TrainingSession.Extent + (cell / 2), grid[0], 5);
        Assert.Equal(TrainingSession.Extent - (cell / 2), grid[1], 5);
    }

    [Fact]
    public void A_relu_off_everywhere_is_dead_and_a_tanh_stuck_at_one_is_saturated_not_dead()
    {
        var data = PlaneDataset.Generate(PlaneDatasetKind.Xor, 100, 0.05, 1);
        var relu = OneHidden(new ActivationLayer(new ReLU(), 2), bias: [-100, 0.5f]);
        var reluMaps = UnitMaps.Compute(relu, data, 8, 1.6);
        Assert.True(reluMaps[0].Dead);
        Assert.False(reluMaps[1].Dead);
        Assert.Equal(0, reluMaps[0].SaturatedShare);

        var tanh = OneHidden(new ActivationLayer(new Tanh(), 2), bias: [100, 0]);
        var tanhMaps = UnitMaps.Compute(tanh, data, 8, 1.6);
        Assert.False(tanhMaps[0].Dead);
        Assert.True(tanhMaps[0].Saturated);
        Assert.Equal(1, tanhMaps[0].SaturatedShare);
        Assert.False(tanhMaps[1].Saturated);
        // The layer's diagnostics count the stuck tanh unit as having a zero derivative everywhere, as before.
        Assert.Equal(0.5, NetworkDiagnostics.Compute(tanh, data).First(d => d.Activation is not null).DeadShare);
    }

    [Fact]
    public void Tanh_at_learning_rate_10_saturates_units_without_killing_any()
    {
        var session = new TrainingSession(ExplorerState.Parse("view=network&data=xor&noise=0.05&layers=tanh:8,tanh:8&lr=10&batch=16&seed=1&train=300"));
        session.Step(300);
        Assert.Contains(session.Maps, m => m.Saturated);
        Assert.DoesNotContain(session.Maps, m => m.Dead);
        Assert.Equal(session.Maps.Count(m => m.Saturated), session.Health.Sum(h => h.SaturatedUnits));
    }

    [Fact]
    public void Maps_need_the_plane()
    {
        var network = new Network([new DenseLayer(3, 2), new ActivationLayer(new ReLU(), 2), new DenseLayer(2, 2)]);
        Assert.Throws<ArgumentException>(() => UnitMaps.Compute(network, PlaneDataset.Generate(PlaneDatasetKind.Xor, 10, 0, 1), 4, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitMaps.PlaneGrid(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitMaps.PlaneGrid(4, double.NaN));
    }

    // 2 → 2 (weights 0.1, given biases) → activation → 2 outputs.
    private static Network OneHidden(Layer activation, float[] bias)
    {
        var hidden = new DenseLayer(2, 2);
        hidden.Weights.Value.AsSpan().Fill(0.1f);
        bias.CopyTo(hidden.Bias.Value, 0);
        var output = new DenseLayer(2, 2);
        output.Weights.Value.AsSpan().Fill(0.5f);
        return new Network([hidden, activation, output]);
    }
}
