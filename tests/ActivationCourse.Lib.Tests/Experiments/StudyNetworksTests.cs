using ActivationCourse.Activations;
using ActivationCourse.Experiments;
using ActivationCourse.Training;

namespace ActivationCourse.Lib.Tests.Experiments;

public class StudyNetworksTests
{
    [Fact]
    public void BuildsDenseAndActivationLayers()
    {
        var network = StudyNetworks.Build(new MlpSpec(784, [256, 128], 10, "relu"), seed: 1);
        Assert.Equal(["Dense 784→256", "ReLU (256)", "Dense 256→128", "ReLU (128)", "Dense 128→10"], network.Layers.Select(l => l.Description));
        Assert.Equal(235_146, network.ParameterCount);
        Assert.All(((DenseLayer)network.Layers[0]).Bias.Value, b => Assert.Equal(0f, b));
    }

    [Fact]
    public void HeNormalForReLUHasTheRightSpread()
    {
        var network = StudyNetworks.Build(new MlpSpec(784, [256], 10, "relu"), seed: 1);
        var w = ((DenseLayer)network.Layers[0]).Weights.Value;
        double std = Math.Sqrt(w.Select(v => (double)v * v).Average());
        Assert.Equal(Math.Sqrt(2.0 / 784), std, 3);
    }

    [Fact]
    public void SameSeedSameWeights()
    {
        var spec = new MlpSpec(10, [6], 3, "tanh");
        var a = StudyNetworks.Build(spec, seed: 4);
        var b = StudyNetworks.Build(spec, seed: 4);
        var c = StudyNetworks.Build(spec, seed: 5);
        Assert.Equal(a.Parameters[0].Value, b.Parameters[0].Value);
        Assert.NotEqual(a.Parameters[0].Value, c.Parameters[0].Value);
    }

    [Fact]
    public void UsesRegistryActivations()
    {
        var network = StudyNetworks.Build(new MlpSpec(4, [3], 2, "gelu"), seed: 1);
        var layer = Assert.IsType<ActivationLayer>(network.Layers[1]);
        Assert.Equal(ActivationRegistry.Get("gelu").Name, layer.Activation.Name);
    }
}
