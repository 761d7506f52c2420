using ActivationCourse.Data;
using ActivationCourse.Studies;
using ActivationCourse.Training;

namespace ActivationCourse.Lib.Tests.Studies;

public class MaxoutCurveFitTests
{
    [Fact]
    public void BuildsPiecesMaxoutAndALinearOutput()
    {
        var net = MaxoutCurveFit.Build(units: 4, pieces: 3, seed: 2);
        Assert.Equal(12, net.Layers[0].Outputs);
        var maxout = Assert.IsType<MaxoutLayer>(net.Layers[1]);
        Assert.Equal(3, maxout.Pieces);
        Assert.Equal(1, net.Layers[2].Outputs);
        Assert.Same(Loss.MeanSquaredError, net.Loss);
        var biases = ((DenseLayer)net.Layers[0]).Bias.Value;
        Assert.All(biases, b => Assert.InRange(b, -1f, 1f));
        Assert.Equal(biases, ((DenseLayer)MaxoutCurveFit.Build(4, 3, 2).Layers[0]).Bias.Value); // seeded
    }

    [Fact]
    public void TwoPiecesFitTheAbsoluteValueAndTheBestStartIsKept()
    {
        var data = ToyDataset.Curve(Math.Abs, count: 41, min: -2, max: 2).WithTargets();
        var (best, error) = MaxoutCurveFit.FitBest(data, units: 1, pieces: 2, seeds: [1, 2, 3], learningRate: 0.02, epochs: 150);
        Assert.Equal(best.Evaluate(data).Loss, error, 12);
        Assert.True(error < 1e-3, $"error {error}");
        var (_, one) = MaxoutCurveFit.FitBest(data, 1, 2, [1], 0.02, 150);
        Assert.True(error <= one);
    }
}
