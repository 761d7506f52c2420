using ActivationCourse.Activations;
using ActivationCourse.Data;
using ActivationCourse.Training;
using ActivationCourse.Training.Diagnostics;

namespace ActivationCourse.Lib.Tests.Training.Diagnostics;

public class ActiveUnitShareTests
{
    [Fact]
    public void CountsPositiveOutputsPerActivationLayer()
    {
        // 2 inputs → 3 ReLU units → 2 ReLU units → 2 logits. Layer 1: unit 0 = x0, unit 1 = −x0, unit 2 = x0 + x1 − 10.
        var first = new DenseLayer(2, 3);
        first.Weights.Value[0] = 1;   // W[0,0]
        first.Weights.Value[1] = -1;  // W[0,1]
        first.Weights.Value[2] = 1;   // W[0,2]
        first.Weights.Value[5] = 1;   // W[1,2]
        first.Bias.Value[2] = -10;
        // Layer 2: unit 0 = h0 + 1 (always > 0), unit 1 = −h0 (never > 0).
        var second = new DenseLayer(3, 2);
        second.Weights.Value[0] = 1;  // W[0,0]
        second.Weights.Value[1] = -1; // W[0,1]
        second.Bias.Value[0] = 1;
        var relu = ActivationRegistry.Get("relu");
        var network = new Network([first, new ActivationLayer(relu, 3), second, new ActivationLayer(relu, 2), new DenseLayer(2, 2)]);
        // Two samples: x0 = 1 and x0 = −1 (x1 = 0): layer 1 fires units {0} and {1} → 2 of 6.
        var data = new LabeledData([1f, 0f, -1f, 0f], [0, 1], 2);
        Assert.Equal([2.0 / 6, 2.0 / 4], ActiveUnitShare.Measure(network, data));
    }

    [Fact]
    public void RandomReLULayerFiresAboutHalfTheTime()
    {
        var random = new Random(3);
        var features = new float[500 * 20];
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = (float)random.NextDouble();
        }

        var data = new LabeledData(features, new int[500], 20);
        var network = Network.FromSpec(new MlpSpec(20, [200], 2, "relu"), seed: 5);
        double share = ActiveUnitShare.Measure(network, data, samples: 500)[0];
        Assert.InRange(share, 0.4, 0.6);
    }

    [Fact]
    public void UsesOnlyTheRequestedSamples()
    {
        var network = Network.FromSpec(new MlpSpec(3, [4], 2, "relu"), seed: 1);
        var data = new LabeledData([1f, 2f, 3f, float.NaN, float.NaN, float.NaN], [0, 1], 3);
        var share = ActiveUnitShare.Measure(network, data, samples: 1);
        Assert.Single(share);
        Assert.InRange(share[0], 0, 1);
    }
}
