using ActivationCourse.Experiments;

namespace ActivationCourse.Lib.Tests.Experiments;

public class ToyNetworkTests
{
    public static TheoryData<string, OutputKind> Architectures => new()
    {
        { "relu", OutputKind.Sigmoid },
        { "leaky", OutputKind.Linear },
        { "prelu", OutputKind.Softmax },
        { "maxout", OutputKind.Linear },
        { "maxout", OutputKind.Softmax },
        { "none", OutputKind.Sigmoid },
        { "softsign", OutputKind.Softmax },
    };

    /// <summary>A smooth element-wise activation written out here, independent of the library's own classes.</summary>
    private sealed class TestSoftsign : ActivationCourse.Activations.Activation
    {
        public override string Name => "test_softsign";
        public override string DisplayName => "Softsign";
        public override string Description => "x / (1 + |x|)";
        public override string Formula => "f(x) = x / (1 + |x|)";
        public override string Range => "(-1, 1)";
        public override double Forward(double x) => x / (1 + Math.Abs(x));
        public override double Derivative(double x) => 1 / ((1 + Math.Abs(x)) * (1 + Math.Abs(x)));
        public override void Forward(ReadOnlySpan<float> x, Span<float> y) => throw new NotSupportedException();
        public override void Forward(ReadOnlySpan<double> x, Span<double> y) => throw new NotSupportedException();
        public override void Derivative(ReadOnlySpan<float> x, Span<float> dydx) => throw new NotSupportedException();
        public override void Derivative(ReadOnlySpan<double> x, Span<double> dydx) => throw new NotSupportedException();
        public override void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> dx) => throw new NotSupportedException();
        public override void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> upstream, Span<double> dx) => throw new NotSupportedException();
    }

    private static HiddenLayerSpec[] Hidden(string kind) => kind switch
    {
        "relu" => [HiddenLayerSpec.Relu(5), HiddenLayerSpec.Relu(4)],
        "leaky" => [HiddenLayerSpec.LeakyRelu(5, 0.1), HiddenLayerSpec.LeakyRelu(4, 0.1)],
        "prelu" => [HiddenLayerSpec.PRelu(5), HiddenLayerSpec.PRelu(4, -0.3)],
        "maxout" => [HiddenLayerSpec.Maxout(4, 3), HiddenLayerSpec.Maxout(3, 2)],
        "softsign" => [HiddenLayerSpec.Of(new TestSoftsign(), 4), HiddenLayerSpec.Relu(3)],
        _ => [],
    };

    private static ToyDataset Data(OutputKind output) => output switch
    {
        OutputKind.Softmax => ToyDataset.Blobs(12, 3, 0.8, 5),
        OutputKind.Sigmoid => ToyDataset.Rings(12, 5),
        _ => new ToyDataset(ToyDataset.Rings(12, 5).Inputs, 2, Enumerable.Range(0, 24).Select(i => Math.Sin(i)).ToArray(), 2),
    };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void BackpropagationMatchesCenteredDifferences(string kind, OutputKind output)
    {
        var data = Data(output);
        var net = new ToyNetwork(2, Hidden(kind), data.TargetSize, output, seed: 11, WeightInit.PyTorchDefault);
        var analytic = new double[net.ParameterCount];
        net.LossAndGradient(data, analytic);
        var p = net.Parameters;
        const double h = 1e-6;
        for (var k = 0; k < p.Length; k++)
        {
            var keep = p[k];
            p[k] = keep + h;
            var up = net.Loss(data);
            p[k] = keep - h;
            var down = net.Loss(data);
            p[k] = keep;
            var numeric = (up - down) / (2 * h);
            var scale = Math.Max(1e-8, Math.Abs(numeric) + Math.Abs(analytic[k]));
            Assert.True(Math.Abs(numeric - analytic[k]) / scale < 1e-5 || Math.Abs(numeric - analytic[k]) < 1e-9,
                $"parameter {k}: analytic {analytic[k]}, numeric {numeric}");
        }
    }

    [Fact]
    public void ParameterCountsWeightsBiasesAndLearnedSlopes()
    {
        Assert.Equal((2 * 5) + 5 + 1 + (5 * 1) + 1, new ToyNetwork(2, [HiddenLayerSpec.PRelu(5)], 1, OutputKind.Sigmoid, 0).ParameterCount);
        Assert.Equal(3 * ((2 * 5) + 5) + (5 * 1) + 1, new ToyNetwork(2, [HiddenLayerSpec.Maxout(5, 3)], 1, OutputKind.Sigmoid, 0).ParameterCount);
        Assert.Equal((2 * 3) + 3, new ToyNetwork(2, [], 3, OutputKind.Softmax, 0).ParameterCount);
    }

    [Fact]
    public void MaxoutUnitIsTheMaximumOfItsPieces()
    {
        var net = new ToyNetwork(1, [HiddenLayerSpec.Maxout(2, 3)], 1, OutputKind.Linear, seed: 4);
        foreach (var x in new[] { -2.0, -0.3, 0.0, 1.7 })
        {
            var z = net.PreActivations(0, [x]);
            var h = net.HiddenOutputs(0, [x]);
            Assert.Equal(z.Take(3).Max(), h[0]);
            Assert.Equal(z.Skip(3).Max(), h[1]);
        }
    }

    [Fact]
    public void ReluUnitWithNegativeBiasOnPositiveInputsIsDeadButLeakyIsNot()
    {
        var data = new ToyDataset([0.5, 1.0, 2.0], 1, [0, 1, 1], 1);
        foreach (var (spec, dead, inactive) in new[] { (HiddenLayerSpec.Relu(1), 1.0, 1.0), (HiddenLayerSpec.LeakyRelu(1), 0.0, 1.0), (HiddenLayerSpec.Maxout(1, 2), 0.0, double.NaN) })
        {
            var net = new ToyNetwork(1, [spec], 1, OutputKind.Sigmoid, seed: 1);
            var p = net.Parameters;
            var rows = spec.Rows;
            for (var r = 0; r < rows; r++)
            {
                p[r] = -1;        // weights
                p[rows + r] = -1; // biases: z = −x − 1 < 0 for every sample
            }
            Assert.Equal(dead, net.DeadShares(data)[0]);
            Assert.Equal(inactive, net.InactiveShares(data)[0]);
        }
    }

    [Fact]
    public void APieceThatNeverWinsIsIdle()
    {
        var data = new ToyDataset([-1.0, 0.5, 2.0], 1, [0, 0, 0], 1);
        var net = new ToyNetwork(1, [HiddenLayerSpec.Maxout(1, 3)], 1, OutputKind.Linear, seed: 1);
        var p = net.Parameters;
        (p[0], p[1], p[2]) = (1, -1, 0); // pieces x, −x and 0 (weights) ...
        (p[3], p[4], p[5]) = (0, 0, -10); // ... with biases 0, 0, −10: the third piece never wins
        Assert.Equal(1.0 / 3, net.IdlePieceShares(data)[0], 12);
        Assert.True(double.IsNaN(new ToyNetwork(1, [HiddenLayerSpec.Relu(2)], 1, OutputKind.Linear, 1).IdlePieceShares(data)[0]));
    }

    [Fact]
    public void TrainingReducesLossIsReproducibleAndRecordsEveryEpoch()
    {
        var data = ToyDataset.Rings(100, 2);
        ToyTrainingHistory Run() => new ToyNetwork(2, [HiddenLayerSpec.PRelu(8)], 1, OutputKind.Sigmoid, seed: 3)
            .Train(data, new ToyTrainingSettings(0.1, 15, 10, Seed: 9));
        var a = Run();
        var b = Run();
        Assert.Equal(16, a.Epochs.Count);
        Assert.False(a.Diverged);
        Assert.True(a.Final.Loss < a.Epochs[0].Loss / 2, $"loss {a.Epochs[0].Loss} -> {a.Final.Loss}");
        Assert.Equal(a.Loss, b.Loss);
        Assert.Equal(0.25, a.Slope(0)[0]);
        Assert.NotEqual(0.25, a.Final.Slopes[0]);
    }

    [Fact]
    public void DivergenceStopsTraining()
    {
        var data = ToyDataset.Curve(x => 100 * x, 50, -3, 3);
        var h = new ToyNetwork(1, [HiddenLayerSpec.LeakyRelu(8)], 1, OutputKind.Linear, seed: 1).Train(data, new ToyTrainingSettings(10, 50));
        Assert.True(h.Diverged);
        Assert.True(h.Epochs.Count < 51);
    }

    [Fact]
    public void ReluLayerAtInitializationIsActiveAboutHalfTheTime()
    {
        var data = ToyDataset.StandardNormal(2000, 10, 1);
        var net = new ToyNetwork(10, [HiddenLayerSpec.Relu(200)], 1, OutputKind.Linear, seed: 2);
        Assert.InRange(net.ActiveShares(data)[0], 0.45, 0.55);
    }

    [Fact]
    public void ScalingReluWeightsScalesGradientsGeometricallyWithDepth()
    {
        // ReLU is positively homogeneous, so with zero biases every layer multiplies the backward signal by the factor.
        var data = ToyDataset.StandardNormal(50, 8, 3);
        var net = new ToyNetwork(8, Enumerable.Repeat(HiddenLayerSpec.Relu(8), 6).ToArray(), 1, OutputKind.Linear, seed: 5);
        var before = net.BackpropagatedNorms(data);
        Assert.Equal(6, before.Length);
        net.ScaleWeights(2);
        var after = net.BackpropagatedNorms(data);
        // The signal reaching hidden layer l passes through the weights of layers l+1 … 7: 7 − l factors of 2 (l from 1).
        for (var l = 0; l < 6; l++)
        {
            Assert.Equal(Math.Pow(2, 6 - l), after[l] / before[l], 9);
        }
    }

    [Fact]
    public void OutputStatisticsOfAReluLayerArePositive()
    {
        var data = ToyDataset.StandardNormal(500, 4, 3);
        var stats = new ToyNetwork(4, [HiddenLayerSpec.Relu(64), HiddenLayerSpec.Of(new TestSoftsign(), 64)], 1, OutputKind.Linear, seed: 5, WeightInit.LeCun)
            .OutputStatistics(data);
        Assert.True(stats[0].Mean > 0);
        Assert.True(stats[0].Std > 0);
        Assert.InRange(stats[1].Std, 0, 1);
    }

    [Fact]
    public void SoftmaxPredictionIsADistribution()
    {
        var net = new ToyNetwork(2, [HiddenLayerSpec.Relu(4)], 3, OutputKind.Softmax, seed: 1);
        var p = net.Predict([100.0, -50.0]);
        Assert.Equal(1.0, p.Sum(), 12);
        Assert.All(p, v => Assert.InRange(v, 0, 1));
    }

    [Fact]
    public void WrongInputLengthThrowsWithBothSizes()
    {
        var net = new ToyNetwork(2, [], 1, OutputKind.Linear, 0);
        var e = Assert.Throws<ArgumentException>(() => net.Predict([1.0, 2.0, 3.0]));
        Assert.Contains("3", e.Message);
        Assert.Contains("2", e.Message);
    }
}
