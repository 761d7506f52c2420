using ActivationCourse.Activations;
using ActivationCourse.Training;

namespace ActivationCourse.Lib.Tests.Training;

/// <summary>One factory builds every kind of hidden layer, with the activation's parameters checked one way.</summary>
public class HiddenLayersTests
{
    [Fact]
    public void Every_name_gets_its_layer_kind()
    {
        Assert.IsType<PReLULayer>(HiddenLayers.Create("prelu", 4));
        Assert.IsType<RReLULayer>(HiddenLayers.Create("rrelu", 4));
        Assert.IsType<MaxoutLayer>(HiddenLayers.Create("maxout", 4, maxoutPieces: 3));
        Assert.Equal(12, HiddenLayers.DenseOutputs("Maxout", 4, 3));
        Assert.Equal(4, HiddenLayers.DenseOutputs("relu", 4, 3));
        Assert.All(ActivationRegistry.Names.Except(["prelu", "rrelu"]), n => Assert.IsType<ActivationLayer>(HiddenLayers.Create(n, 2)));
        Assert.Equal([.. ActivationRegistry.Names, "maxout"], HiddenLayers.Names);
        Assert.Equal(MlpSpec.AvailableActivations, HiddenLayers.Names);
    }

    [Fact]
    public void Parameters_reach_every_layer_kind()
    {
        var prelu = (PReLULayer)HiddenLayers.Create("prelu", 4, new Dictionary<string, double> { ["slope"] = 0.1 });
        var rrelu = (RReLULayer)HiddenLayers.Create("rrelu", 4, new Dictionary<string, double> { ["lower"] = 0.05, ["upper"] = 0.2 }, seed: 9);
        var leaky = (ActivationLayer)HiddenLayers.Create("leakyrelu", 4, new Dictionary<string, double> { ["negativeSlope"] = 0.3 });

        Assert.Equal(0.1f, prelu.Slope.Value[0]);
        Assert.Equal((0.05, 0.2, 9), (rrelu.Function.Lower, rrelu.Function.Upper, rrelu.Seed));
        Assert.Equal(0.3, ((LeakyReLU)leaky.Activation).NegativeSlope);
    }

    [Fact]
    public void A_bad_or_unknown_parameter_is_rejected_the_same_way_for_every_kind()
    {
        var rrelu = Assert.Throws<ArgumentOutOfRangeException>(() => HiddenLayers.Create("rrelu", 4, new Dictionary<string, double> { ["lower"] = 0.5, ["upper"] = 0.1 }));
        var relu = Assert.Throws<ArgumentOutOfRangeException>(() => HiddenLayers.Create("relu", 4, new Dictionary<string, double> { ["slope"] = 0.5 }));
        var maxout = Assert.Throws<ArgumentOutOfRangeException>(() => HiddenLayers.Create("maxout", 4, new Dictionary<string, double> { ["slope"] = 0.5 }));

        Assert.StartsWith("rrelu: upper must be ≥ lower (0.5), got 0.1.", rrelu.Message);
        Assert.StartsWith("relu: slope must be a parameter of relu (it has no parameters).", relu.Message);
        Assert.StartsWith("maxout: slope must be a parameter of maxout", maxout.Message);
        Assert.Throws<ArgumentException>(() => HiddenLayers.Create("nope", 4));
    }

    [Fact]
    public void An_mlp_spec_passes_its_activation_parameters_to_every_hidden_layer()
    {
        var spec = new MlpSpec(2, [3, 3], 2, "hard_tanh") { ActivationParameters = new Dictionary<string, double> { ["min"] = -2, ["max"] = 0.5 } };

        var layers = Network.FromSpec(spec, seed: 1).Layers.OfType<ActivationLayer>().ToArray();

        Assert.Equal(2, layers.Length);
        Assert.All(layers, l => Assert.Equal((-2.0, 0.5), (((HardTanh)l.Activation).Min, ((HardTanh)l.Activation).Max)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Network.FromSpec(new MlpSpec(2, [3], 2, "elu") { ActivationParameters = new Dictionary<string, double> { ["alpha"] = double.NaN } }, seed: 1));
    }
}
