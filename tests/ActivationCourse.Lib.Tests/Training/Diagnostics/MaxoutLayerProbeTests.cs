using ActivationCourse.Gradients;
using ActivationCourse.Training.Diagnostics;

namespace ActivationCourse.Lib.Tests.Training.Diagnostics;

public class MaxoutLayerProbeTests
{
    [Fact]
    public void BackpropagatedGradientPassesTheCheck()
    {
        var probe = new MaxoutLayerProbe(inputs: 4, units: 3, pieces: 2, seed: 8);
        Assert.True(probe.SmallestWinningMargin() > 1e-3);
        var report = GradientCheck.Function(probe.Loss, (double[])probe.Parameters.Clone(), probe.Gradient());
        Assert.Equal(GradientVerdict.Good, report.Verdict);
    }

    [Fact]
    public void OnlyWinningPiecesGetGradient()
    {
        var probe = new MaxoutLayerProbe(inputs: 3, units: 4, pieces: 3, seed: 2);
        var g = probe.Gradient();
        var (_, winners) = probe.Forward(probe.Parameters);
        int rows = probe.Units * probe.Pieces;
        for (int r = 0; r < rows; r++)
        {
            int unit = r / probe.Pieces, piece = r % probe.Pieces;
            double db = g[(rows * probe.Inputs) + r];
            Assert.Equal(piece == winners[unit] ? probe.Upstream[unit] : 0.0, db);
        }
    }

    [Fact]
    public void LossIsTheWeightedSumOfMaxima()
    {
        var probe = new MaxoutLayerProbe(inputs: 2, units: 2, pieces: 2, seed: 5);
        var z = probe.PreActivations(probe.Parameters);
        double expected = (probe.Upstream[0] * Math.Max(z[0], z[1])) + (probe.Upstream[1] * Math.Max(z[2], z[3]));
        Assert.Equal(expected, probe.Loss(probe.Parameters), 14);
        Assert.Throws<ArgumentException>(() => probe.Loss([1.0]));
    }
}
