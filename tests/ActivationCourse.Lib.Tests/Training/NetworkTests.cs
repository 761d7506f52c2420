using ActivationCourse.Training;
using ActivationCourse.Training.Diagnostics;

namespace ActivationCourse.Lib.Tests.Training;

public class NetworkTests
{
    public static TheoryData<string> Activations => new() { "relu", "tanh", "prelu", "maxout", "rrelu", "sigmoid", "gelu", "selu", "elu" };

    [Theory]
    [MemberData(nameof(Activations))]
    public void WholeNetworkGradientCheckInDouble(string activation)
    {
        var network = Network.FromSpec(new MlpSpec(5, [4], 3, activation), seed: 3);
        var rng = new Random(4);
        var x = TestData.RandomDoubles(rng, 6 * 5);
        int[] labels = [0, 1, 2, 2, 1, 0];
        var report = new ReferenceNetwork(network).CheckGradients(x, labels);
        var reference = new ReferenceNetwork(network);
        // 1e-6, not 1e-7: a few entries are gradients near 1e-5, where the quotient's rounding alone is about 1e-7 relative.
        Assert.True(report.WorstRelativeError < 1e-6, $"{activation}: {report}; worst at {reference.DescribeParameter(report.WorstIndex)}");
        Assert.Equal(network.ParameterCount, report.Details.Count);
    }

    [Fact]
    public void WholeNetworkCheckRestoresTheParametersAndNamesEachValue()
    {
        var network = Network.FromSpec(new MlpSpec(3, [2], 2, "tanh"), seed: 1);
        var reference = new ReferenceNetwork(network);
        double[][] before = reference.Values.Select(v => (double[])v.Clone()).ToArray();
        reference.CheckGradients([0.5, -1, 2, 1, 0, -0.5], [1, 0]);

        Assert.Equal(before, reference.Values);
        Assert.StartsWith("layer 1 (", reference.DescribeParameter(0));
        Assert.EndsWith("[0]", reference.DescribeParameter(0));
        int total = reference.Values.Sum(v => v.Length); // 3·2 + 2 + 2·2 + 2 = 14
        Assert.Equal(14, total);
        Assert.StartsWith("layer 3 (", reference.DescribeParameter(total - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => reference.DescribeParameter(total));
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void FloatEngineGradientsEqualDoubleReference(string activation)
    {
        var network = Network.FromSpec(new MlpSpec(20, [16, 12], 5, activation), seed: 5);
        var data = TestData.Blobs(37, 20, 5, seed: 6, spread: 1.0);
        var (loss, _) = network.ComputeGradients(data.Features, data.Labels, training: activation != "rrelu");

        var reference = new ReferenceNetwork(network);
        double referenceLoss = reference.LossAndGradients(Array.ConvertAll(data.Features, v => (double)v), data.Labels);
        Assert.Equal(referenceLoss, loss, 1e-5);
        for (int p = 0; p < network.Parameters.Count; p++)
        {
            var fast = network.Parameters[p].Gradient;
            var slow = reference.Gradients[p];
            double scale = slow.Max(Math.Abs) + 1e-12;
            for (int i = 0; i < fast.Length; i++)
            {
                Assert.True(Math.Abs(fast[i] - slow[i]) <= 1e-4 * scale, $"parameter {p} [{i}]: float {fast[i]}, double {slow[i]}");
            }
        }
    }

    [Fact]
    public void SameSeedGivesIdenticalHistoryAndWeights()
    {
        var data = TestData.Blobs(600, 30, 4, seed: 7, spread: 1.5);
        (TrainingHistory History, Network Network) Run()
        {
            var network = Network.FromSpec(new MlpSpec(30, [300, 40], 4, "relu"), seed: 11);
            var trainer = new Trainer(network, new Adam(0.001), new TrainerOptions { Epochs = 2, BatchSize = 64, Seed = 12 });
            return (trainer.Fit(data, data), network);
        }

        var first = Run();
        var second = Run();
        Assert.Equal(
            first.History.Epochs.Select(e => (e.TrainLoss, e.TrainAccuracy, e.TestLoss, e.TestAccuracy)),
            second.History.Epochs.Select(e => (e.TrainLoss, e.TrainAccuracy, e.TestLoss, e.TestAccuracy)));
        for (int p = 0; p < first.Network.Parameters.Count; p++)
        {
            Assert.Equal(first.Network.Parameters[p].Value, second.Network.Parameters[p].Value);
        }
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("prelu")]
    [InlineData("maxout")]
    public void FusedSgdStepEqualsGradientThenUpdate(string activation)
    {
        var data = TestData.Blobs(96, 10, 3, seed: 9, spread: 1.0);
        var spec = new MlpSpec(10, [40, 20], 3, activation);
        var fused = Network.FromSpec(spec, seed: 4);
        var separate = Network.FromSpec(spec, seed: 4);
        var fusedSgd = new Sgd(0.1);
        var plainSgd = new Sgd(0.1);
        for (int step = 0; step < 3; step++)
        {
            var x = data.Features.AsSpan(step * 32 * 10, 32 * 10);
            var y = data.Labels.AsSpan(step * 32, 32);
            fused.TrainStep(x, y, fusedSgd);
            separate.ComputeGradients(x, y);
            plainSgd.Step(separate.Parameters);
        }

        Assert.Equal(3, fusedSgd.Steps);
        for (int p = 0; p < fused.Parameters.Count; p++)
        {
            var a = fused.Parameters[p].Value;
            var b = separate.Parameters[p].Value;
            for (int i = 0; i < a.Length; i++)
            {
                Assert.True(Math.Abs(a[i] - b[i]) <= 1e-5 * (1 + Math.Abs(b[i])), $"parameter {p} [{i}]: fused {a[i]}, separate {b[i]}");
            }
        }
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("momentum")]
    [InlineData("adam")]
    public void TrainingStepsDoNotAllocate(string optimizer)
    {
        var data = TestData.Blobs(256, 300, 10, seed: 2);
        var network = Network.FromSpec(new MlpSpec(300, [200, 100], 10, "relu"), seed: 1);
        Optimizer opt = optimizer switch
        {
            "sgd" => new Sgd(0.01),
            "momentum" => new Sgd(0.01, momentum: 0.9),
            _ => new Adam(),
        };
        var x = data.Features.AsSpan(0, 128 * 300);
        var y = data.Labels.AsSpan(0, 128);
        for (int i = 0; i < 3; i++)
        {
            network.TrainStep(x, y, opt); // first steps: buffers, optimizer state, one-time runtime setup
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++)
        {
            network.TrainStep(x, y, opt);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void HugeLearningRateReportsEpochAndStep()
    {
        var data = TestData.Blobs(512, 10, 3, seed: 8, spread: 1.0);
        var network = Network.FromSpec(new MlpSpec(10, [32], 3, "relu"), seed: 1);
        var trainer = new Trainer(network, new Sgd(1e12), new TrainerOptions { Epochs = 3, BatchSize = 32 });
        var ex = Assert.Throws<TrainingDivergedException>(() => trainer.Fit(data));
        Assert.Equal(1, ex.Epoch);
        Assert.InRange(ex.Step, 1, 16);
        Assert.Contains($"epoch {ex.Epoch}, step {ex.Step}", ex.Message);
    }

    [Fact]
    public void SaveAndLoadRoundTrip()
    {
        foreach (string activation in new[] { "tanh", "prelu", "rrelu", "maxout", "gelu" })
        {
            SaveAndLoadRoundTripFor(activation);
        }
    }

    private static void SaveAndLoadRoundTripFor(string activation)
    {
        var network = Network.FromSpec(new MlpSpec(12, [9, 7], 4, activation) { MaxoutPieces = 3, PReLUSlope = 0.1 }, seed: 2);
        var data = TestData.Blobs(50, 12, 4, seed: 3);
        using var stream = new MemoryStream();
        ModelFile.Save(network, stream);
        stream.Position = 0;
        var loaded = ModelFile.Load(stream);
        Assert.Equal(network.Layers.Select(l => l.Description), loaded.Layers.Select(l => l.Description));
        for (int p = 0; p < network.Parameters.Count; p++)
        {
            Assert.Equal(network.Parameters[p].Value, loaded.Parameters[p].Value);
        }

        Assert.Equal(network.PredictProbabilities(data.Features), loaded.PredictProbabilities(data.Features));
    }

    [Fact]
    public void UnknownActivationListsTheValidNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MlpSpec(4, [3], 2, "relux"));
        Assert.Contains("relux", ex.Message);
        Assert.Contains("relu", ex.Message.Replace("relux", ""));
        Assert.Contains("maxout", ex.Message);
        Assert.Contains("maxout", MlpSpec.AvailableActivations);
    }

    [Fact]
    public void AnyActivationSubclassWorksInALayer()
    {
        // A hand-written Activation (scalar loops) plugs into the engine and passes the gradient check.
        var random = new Random(5);
        var first = new DenseLayer(5, 4);
        var second = new DenseLayer(4, 3);
        first.Initialize(Initialization.XavierUniform, random);
        second.Initialize(Initialization.XavierUniform, random);
        var network = new Network([first, new ActivationLayer(FormulaActivations.Tanh, 4), second]);
        var report = new ReferenceNetwork(network).CheckGradients(TestData.RandomDoubles(random, 4 * 5), [0, 1, 2, 1]);
        Assert.True(report.WorstRelativeError < 1e-7, report.ToString());
    }

    [Fact]
    public void PReLULearnsItsSlope()
    {
        var data = TestData.Blobs(400, 6, 3, seed: 4, spread: 1.0);
        var network = Network.FromSpec(new MlpSpec(6, [8], 3, "prelu"), seed: 2);
        var layer = (PReLULayer)network.Layers[1];
        float before = layer.Slope.Value[0];
        new Trainer(network, new Adam(0.01), new TrainerOptions { Epochs = 2, BatchSize = 20 }).Fit(data);
        Assert.NotEqual(before, layer.Slope.Value[0]);
        Assert.Equal(1, layer.Slope.Length);
    }

    [Fact]
    public void RReLUDrawsSeededSlopesInTrainingAndUsesTheMeanInEvaluation()
    {
        float[] x = [-1, -2, 3, -4, 5, -6, -0.5f, 2];
        float[] RunTraining(int seed)
        {
            var layer = new RReLULayer(4, 0.1, 0.3, seed);
            var y = new float[8];
            layer.Forward(x, y, 2, training: true);
            return y;
        }

        var first = RunTraining(7);
        Assert.Equal(first, RunTraining(7));
        Assert.NotEqual(first, RunTraining(8));
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] >= 0)
            {
                Assert.Equal(x[i], first[i]);
            }
            else
            {
                Assert.InRange(first[i] / x[i], 0.1f - 1e-6f, 0.3f + 1e-6f);
            }
        }

        var eval = new float[8];
        new RReLULayer(4, 0.1, 0.3).Forward(x, eval, 2, training: false);
        Assert.Equal(-0.2f, eval[0], 6);
    }

    [Fact]
    public void MaxoutRoutesGradientsToTheWinningPiece()
    {
        var layer = new MaxoutLayer(units: 2, pieces: 3);
        float[] z = [1, 5, 2, -1, -3, -2];
        var y = new float[2];
        layer.Prepare(1);
        layer.Forward(z, y, 1, training: true);
        Assert.Equal(new float[] { 5, -1 }, y);
        var dz = new float[6];
        layer.Backward(z, y, [10, 20], dz, 1, needInputGradient: true);
        Assert.Equal(new float[] { 0, 10, 0, 20, 0, 0 }, dz);
    }

    [Fact]
    public void TruncatedModelFileGivesAnErrorNamingTheFileAndSaveLeavesNoPartialFile()
    {
        string folder = Directory.CreateTempSubdirectory("activationcourse-model-").FullName;
        try
        {
            string path = Path.Combine(folder, "model.bin");
            ModelFile.Save(Network.FromSpec(new MlpSpec(6, [5], 3, "relu"), seed: 2), path);
            Assert.Equal(["model.bin"], Directory.GetFiles(folder).Select(Path.GetFileName));
            Assert.Equal(3, ModelFile.Load(path).Classes);

            byte[] whole = File.ReadAllBytes(path);
            File.WriteAllBytes(path, whole[..(whole.Length - 7)]);
            var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path));
            Assert.Contains(path, error.Message);
            Assert.Contains("truncated", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void LoadRejectsOtherFiles()
    {
        using var stream = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Throws<InvalidDataException>(() => ModelFile.Load(stream));
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("momentum")]
    [InlineData("nesterov")]
    [InlineData("adam")]
    public void LearnsSeparableBlobs(string optimizer)
    {
        var train = TestData.Blobs(2000, 20, 5, seed: 21, spread: 0.8);
        var test = TestData.Blobs(500, 20, 5, seed: 21, spread: 0.8);
        var network = Network.FromSpec(new MlpSpec(20, [32], 5, "relu"), seed: 1);
        Optimizer opt = optimizer switch
        {
            "sgd" => new Sgd(0.1),
            "momentum" => new Sgd(0.05, momentum: 0.9),
            "nesterov" => new Sgd(0.05, momentum: 0.9, nesterov: true, weightDecay: 1e-4),
            _ => new Adam(0.01),
        };
        var history = new Trainer(network, opt, new TrainerOptions { Epochs = 5, BatchSize = 32 }).Fit(train, test);
        Assert.True(history.Last!.TestAccuracy > 0.97, $"test accuracy {history.Last.TestAccuracy}");
        Assert.True(history.Epochs[^1].TrainLoss < history.Epochs[0].TrainLoss);
    }

    [Fact]
    public void ProgressReportsEveryBatchAndEpoch()
    {
        var data = TestData.Blobs(100, 4, 2, seed: 1);
        var reports = new List<TrainingProgress>();
        var network = Network.FromSpec(new MlpSpec(4, [3], 2, "relu"), seed: 1);
        new Trainer(network, new Sgd(0.1), new TrainerOptions { Epochs = 2, BatchSize = 30, ReportEveryBatch = true, Progress = reports.Add }).Fit(data);
        Assert.Equal(2 * (4 + 1), reports.Count);
        Assert.Equal(2, reports.Count(r => r.Completed is not null));
        Assert.Equal(4, reports[0].Batches);
    }

    [Fact]
    public void WeightsAreReadableAsMathNetMatrices()
    {
        var network = Network.FromSpec(new MlpSpec(6, [5], 3, "relu"), seed: 1);
        var dense = (DenseLayer)network.Layers[0];
        var w = dense.Weights.ToMatrix();
        Assert.Equal(6, w.RowCount);
        Assert.Equal(5, w.ColumnCount);
        Assert.Equal(dense.Weights.Value[(2 * 5) + 3], w[2, 3]);
        Assert.Equal((double)dense.Weights.Value[7], dense.Weights.ToDoubleMatrix()[1, 2]);
    }

    [Fact]
    public void InitializationMatchesTheSchemesVariance()
    {
        var rng = new Random(1);
        var w = new float[200 * 300];
        Initializers.Fill(w, Initialization.HeNormal, 200, 300, rng);
        double variance = w.Select(v => (double)v * v).Average();
        Assert.Equal(2.0 / 200, variance, 0.0005);
        Initializers.Fill(w, Initialization.XavierUniform, 200, 300, rng);
        Assert.True(w.Max() <= Math.Sqrt(6.0 / 500) && w.Min() >= -Math.Sqrt(6.0 / 500));
        Assert.Equal(2.0 / 500, w.Select(v => (double)v * v).Average(), 0.0003);
        Assert.Equal(Initialization.HeNormal, Initializers.DefaultFor("relu"));
        Assert.Equal(Initialization.XavierUniform, Initializers.DefaultFor("tanh"));
        Assert.Equal(Initialization.LeCunNormal, Initializers.DefaultFor("selu"));
    }
}

public class DiagnosticsTests
{
    [Fact]
    public void FindsDeadReluUnitsAndSaturatedTanh()
    {
        var data = TestData.Blobs(300, 8, 3, seed: 2);
        var network = Network.FromSpec(new MlpSpec(8, [10], 3, "relu"), seed: 4);
        var dense = (DenseLayer)network.Layers[0];

        // Units 0..4 get zero weights and bias −1 (dead everywhere), units 5..9 bias +1 (alive everywhere).
        Array.Clear(dense.Weights.Value);
        for (int unit = 0; unit < 10; unit++)
        {
            dense.Bias.Value[unit] = unit < 5 ? -1 : 1;
        }

        var report = NetworkDiagnostics.Compute(network, data);
        Assert.Equal(3, report.Count);
        Assert.Equal(0.5, report[1].DeadShare, 6);
        Assert.True(double.IsNaN(report[0].DeadShare));
        Assert.True(report[2].GradientStd > 0);

        var tanh = Network.FromSpec(new MlpSpec(8, [10], 3, "tanh"), seed: 4);
        var first = (DenseLayer)tanh.Layers[0];
        Array.Clear(first.Weights.Value);
        Array.Fill(first.Bias.Value, 3f); // tanh(3) ≈ 0.995: saturated, yet f′ ≈ 0.0099 is not zero
        var saturated = NetworkDiagnostics.Compute(tanh, data);
        Assert.Equal(1.0, saturated[1].SaturatedShare, 6);
        Assert.Equal(0.0, saturated[1].DeadShare, 6);
        Assert.Equal(Math.Tanh(3), saturated[1].ActivationMean, 4);
    }
}
