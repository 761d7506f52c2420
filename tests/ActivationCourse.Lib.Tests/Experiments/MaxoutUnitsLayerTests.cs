using ActivationCourse.Experiments;
using ActivationCourse.Training;

namespace ActivationCourse.Lib.Tests.Experiments;

public class MaxoutUnitsLayerTests
{
    [Fact]
    public void EachUnitOutputsTheLargerOfItsTwoPieces()
    {
        // 2 inputs → dense 2→4 (identity-like pieces) → 2 maxout units → dense 2→2.
        var dense = new DenseLayer(2, 4);
        // pieces of unit 0: (x0, −x0); pieces of unit 1: (x1, 0).
        dense.Weights.Value[0] = 1;   // W[0,0]
        dense.Weights.Value[1] = -1;  // W[0,1]
        dense.Weights.Value[6] = 1;   // W[1,2]
        var maxout = new MaxoutUnitsLayer(2);
        var output = new DenseLayer(2, 2);
        output.Weights.Value[0] = 1;  // logit 0 = |x0|
        output.Weights.Value[3] = 1;  // logit 1 = max(x1, 0)
        var network = new Network([dense, maxout, output]);
        float[] probabilities = network.PredictProbabilities([-3f, 1f]);
        double z0 = 3, z1 = 1;
        Assert.Equal(Math.Exp(z0) / (Math.Exp(z0) + Math.Exp(z1)), probabilities[0], 5);
        Assert.Equal(4, maxout.Inputs);
        Assert.Equal(2, maxout.Outputs);
        Assert.Equal("maxout", maxout.ActivationName);
    }

    [Fact]
    public void GradientsMatchFiniteDifferences()
    {
        var network = StudyNetworks.Build(new MlpSpec(5, [4, 3], 3, "maxout"), seed: 7);
        var random = new Random(1);
        var features = Enumerable.Range(0, 6 * 5).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        int[] labels = [0, 1, 2, 0, 1, 2];
        var report = new ReferenceNetwork(network).CheckGradients(features, labels);
        Assert.True(report.MaxRelativeError < 1e-6, report.ToString());
    }

    [Fact]
    public void FloatEngineAgreesWithTheReference()
    {
        var network = StudyNetworks.Build(new MlpSpec(5, [4], 3, "maxout"), seed: 3);
        var random = new Random(2);
        var features = Enumerable.Range(0, 4 * 5).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        int[] labels = [0, 1, 2, 1];
        double floatLoss = network.Evaluate(new LabeledData(features, labels, 5)).Loss;
        double referenceLoss = new ReferenceNetwork(network).Loss(Array.ConvertAll(features, f => (double)f), labels);
        Assert.Equal(referenceLoss, floatLoss, 5);
    }

    [Fact]
    public void RejectsOnePiece() => Assert.Throws<ArgumentOutOfRangeException>(() => new MaxoutUnitsLayer(3, pieces: 1));
}
