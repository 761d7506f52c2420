using ActivationCourse.Activations;
using ActivationCourse.Training;
using ActivationCourse.Training.Diagnostics;

namespace ActivationCourse.Lib.Tests.Training.Diagnostics;

public class LayerMomentsTests
{
    [Fact]
    public void SummarizesValuesByHand()
    {
        // mean (−1 + 0 + 1 + 4) / 4 = 1; squared deviations 4, 1, 0, 9 → variance 14/4; two of four above 0.
        var m = LayerMoments.Of([-1f, 0f, 1f, 4f]);
        Assert.Equal(1, m.Mean, 15);
        Assert.Equal(3.5, m.Variance, 15);
        Assert.Equal(0.5, m.PositiveShare, 15);
    }

    [Fact]
    public void ZeroIsNotPositive() => Assert.Equal(0, LayerMoments.Of([0f, 0f, -2f]).PositiveShare);

    [Fact]
    public void EmptyOutputsAreRejected() => Assert.Throws<ArgumentException>(() => LayerMoments.Of([]));

    [Fact]
    public void VisitsEveryActivationLayerInOrder()
    {
        // x → ReLU(x), ReLU(−x) → tanh of their sum, tanh |x| → output: two activation layers, at indices 1 and 3.
        var first = new DenseLayer(1, 2);
        first.Weights.Value[0] = 1;
        first.Weights.Value[1] = -1;
        var second = new DenseLayer(2, 1);
        second.Weights.Value[0] = 1;
        second.Weights.Value[1] = 1;
        var net = new Network([first, new ActivationLayer(new ReLU(), 2), second, new ActivationLayer(new Tanh(), 1), new DenseLayer(1, 1)], Loss.MeanSquaredError);
        float[] features = [1f, -2f];
        var perLayer = LayerMoments.PerActivationLayer(net, features);
        Assert.Equal(2, perLayer.Length);
        // layer 1 outputs ReLU(x), ReLU(−x): (1, 0) and (0, 2).
        Assert.Equal(LayerMoments.Of([1f, 0f, 0f, 2f]), perLayer[0]);
        Assert.Equal(0.5, perLayer[0].PositiveShare);
        // layer 3 outputs tanh(|x|): tanh 1 and tanh 2, both positive.
        Assert.Equal(LayerMoments.Of(net.LayerOutputs(3, features)), perLayer[1]);
        Assert.Equal(1, perLayer[1].PositiveShare);
        Assert.Equal((Math.Tanh(1) + Math.Tanh(2)) / 2, perLayer[1].Mean, 6);
    }

    [Fact]
    public void MatchesLayerOutputsOfAnMlp()
    {
        var net = Network.FromSpec(new MlpSpec(3, [8, 8], 1, "relu") { Loss = Loss.MeanSquaredError }, seed: 2);
        var features = Enumerable.Range(0, 30).Select(i => (float)Math.Sin(i)).ToArray();
        var perLayer = LayerMoments.PerActivationLayer(net, features);
        Assert.Equal(2, perLayer.Length);
        var y = net.LayerOutputs(3, features);
        double mean = y.Average(v => (double)v);
        Assert.Equal(mean, perLayer[1].Mean, 12);
        Assert.Equal(y.Average(v => ((double)v - mean) * ((double)v - mean)), perLayer[1].Variance, 12);
        Assert.Equal(y.Count(v => v > 0) / (double)y.Length, perLayer[1].PositiveShare);
    }
}
