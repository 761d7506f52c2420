using ActivationCourse.Data;
using ActivationCourse.Gradients;
using ActivationCourse.Training;

namespace ActivationCourse.Lib.Tests.Training;

public class LossTests
{
    public static TheoryData<string> Losses => new() { "mse", "bce", "softmax" };

    private static Loss ByName(string name) => name switch
    {
        "mse" => Loss.MeanSquaredError,
        "bce" => Loss.SigmoidBinaryCrossEntropy,
        _ => Loss.SoftmaxCrossEntropy,
    };

    /// <summary>Targets that fit the loss: any reals for MSE, 0/1 for BCE, one-hot rows for softmax.</summary>
    private static double[] TargetsFor(string name, int rows, int width, Random rng) => name switch
    {
        "mse" => TestData.RandomDoubles(rng, rows * width),
        "bce" => Enumerable.Range(0, rows * width).Select(_ => (double)rng.Next(2)).ToArray(),
        _ => Enumerable.Range(0, rows * width).Select(i => i % width == (i / width) % width ? 1.0 : 0.0).ToArray(),
    };

    [Theory]
    [MemberData(nameof(Losses))]
    public void GradientMatchesCenteredDifferences(string name)
    {
        var loss = ByName(name);
        var rng = new Random(11);
        const int rows = 4, width = 3;
        var outputs = TestData.RandomDoubles(rng, rows * width);
        var targets = TargetsFor(name, rows, width, rng);
        var report = GradientCheck.Function(
            z => loss.LossAndGradient(z, targets, width, new double[z.Length]),
            z => { var g = new double[z.Length]; loss.LossAndGradient(z, targets, width, g); return g; },
            outputs,
            name: loss.Name);
        Assert.True(report.Verdict == GradientVerdict.Good, report.ToString());
    }

    [Fact]
    public void MeanSquaredErrorIsTheMeanOverRowsAndOutputs()
    {
        // Two rows of two outputs: errors 1, −2, 0, 3 → (1 + 4 + 0 + 9)/4 = 3.5 (PyTorch MSELoss, mean reduction).
        double[] y = [1, 0, 2, 3], t = [0, 2, 2, 0];
        var g = new double[4];
        Assert.Equal(3.5, Loss.MeanSquaredError.LossAndGradient(y, t, 2, g), 12);
        Assert.Equal([0.5, -1, 0, 1.5], g); // 2·error/4
    }

    [Fact]
    public void BinaryCrossEntropyMatchesTheDefinitionAndStaysFinite()
    {
        double[] z = [0.3, -1.2], t = [1, 0];
        static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
        double expected = -(Math.Log(Sigmoid(0.3)) + Math.Log(1 - Sigmoid(-1.2))) / 2;
        var g = new double[2];
        Assert.Equal(expected, Loss.SigmoidBinaryCrossEntropy.LossAndGradient(z, t, 1, g), 12);
        Assert.Equal((Sigmoid(0.3) - 1) / 2, g[0], 12);

        // A confidently wrong logit: log(1 − σ(800)) underflows, the logit form gives 800.
        Assert.Equal(800, Loss.SigmoidBinaryCrossEntropy.LossAndGradient([800.0], [0.0], 1, new double[1]), 9);
    }

    [Theory]
    [MemberData(nameof(Losses))]
    public void FloatPathAgreesWithDoublePath(string name)
    {
        var loss = ByName(name);
        var rng = new Random(5);
        const int rows = 6, width = 4;
        var outputs = TestData.RandomDoubles(rng, rows * width);
        var targets = TargetsFor(name, rows, width, rng);
        var g = new double[outputs.Length];
        double expected = loss.LossAndGradient(outputs, targets, width, g);

        var gf = new float[outputs.Length];
        var labels = Enumerable.Range(0, rows).Select(r => Array.IndexOf(targets, 1.0, r * width, width) - (r * width)).ToArray();
        double actual = loss.LossAndGradient(
            Array.ConvertAll(outputs, v => (float)v), loss.UsesLabels ? labels : default, loss.UsesLabels ? default : Array.ConvertAll(targets, v => (float)v), width, gf);
        Assert.Equal(expected, actual, 5);
        for (int i = 0; i < g.Length; i++)
        {
            Assert.Equal(g[i], gf[i], 6);
        }
    }

    [Fact]
    public void RegressionNetworkFindsTheLeastSquaresLine()
    {
        var line = ToyDataset.Curve(x => (2 * x) - 1, count: 60, min: -2, max: 2, noise: 0.4, seed: 5);
        var network = new Network([new DenseLayer(1, 1)], Loss.MeanSquaredError);
        new Trainer(network, new Sgd(0.05), new TrainerOptions { Epochs = 200, BatchSize = 10 }).Fit(line.WithTargets());

        var x = line.Feature(0);
        var y = line.TargetColumn(0);
        double mx = x.Average(), my = y.Average();
        double slope = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum() / x.Sum(a => (a - mx) * (a - mx));
        var dense = (DenseLayer)network.Layers[0];
        // SGD with batches of 10 wanders around the optimum by about the step size; 0.02 is far tighter than any other line.
        Assert.True(Math.Abs(slope - dense.Weights.Value[0]) < 0.02, $"slope {dense.Weights.Value[0]} against {slope}");
        Assert.True(Math.Abs(my - (slope * mx) - dense.Bias.Value[0]) < 0.02, $"intercept {dense.Bias.Value[0]} against {my - (slope * mx)}");
        Assert.True(double.IsNaN(network.Evaluate(line.WithTargets()).Accuracy), "regression has no accuracy");
    }

    [Fact]
    public void SigmoidOutputLearnsTheRings()
    {
        var rings = ToyDataset.Rings(count: 300, seed: 2).WithTargets();
        var network = Network.FromSpec(new MlpSpec(2, [16], 1, "relu") { Loss = Loss.SigmoidBinaryCrossEntropy }, seed: 1);
        double before = network.Evaluate(rings).Loss;
        new Trainer(network, new Sgd(0.1), new TrainerOptions { Epochs = 40, BatchSize = 16 }).Fit(rings);
        var after = network.Evaluate(rings);
        Assert.True(after.Loss < before / 4, $"loss {before} → {after.Loss}");
        Assert.True(after.Accuracy > 0.95, $"accuracy {after.Accuracy}");
        var p = network.PredictProbabilities(rings.Features);
        Assert.All(p, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void TrainingWithTargetsIsBitReproducible()
    {
        float[] Run()
        {
            var data = ToyDataset.Rings(count: 200, seed: 3).WithTargets();
            var network = Network.FromSpec(new MlpSpec(2, [8, 8], 1, "relu") { Loss = Loss.SigmoidBinaryCrossEntropy }, seed: 4);
            new Trainer(network, new Sgd(0.1), new TrainerOptions { Epochs = 3, BatchSize = 16, Seed = 2 }).Fit(data);
            return network.Parameters.SelectMany(p => p.Value).ToArray();
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void DataMustMatchTheLoss()
    {
        var rings = ToyDataset.Rings(count: 20, seed: 1);
        var classifier = Network.FromSpec(new MlpSpec(2, [4], 2, "relu"), seed: 1);
        var regressor = Network.FromSpec(new MlpSpec(2, [4], 1, "relu") { Loss = Loss.MeanSquaredError }, seed: 1);
        Assert.Throws<ArgumentException>(() => classifier.Evaluate(rings.WithTargets()));
        Assert.Throws<ArgumentException>(() => regressor.Evaluate(rings.WithLabels()));
        Assert.Throws<ArgumentException>(() => new Trainer(regressor, new Sgd(0.1)).Fit(rings.WithLabels()));
        Assert.True(double.IsFinite(classifier.Evaluate(rings.WithLabels()).Loss));
    }

    [Fact]
    public void LayerOutputsAreTheHiddenActivations()
    {
        var network = Network.FromSpec(new MlpSpec(2, [3], 1, "relu") { Loss = Loss.MeanSquaredError }, seed: 2);
        float[] x = [0.5f, -1f, 2f, 0.25f];
        var z = network.LayerOutputs(0, x);
        var h = network.LayerOutputs(1, x);
        Assert.Equal(6, h.Length);
        Assert.Equal(z.Select(v => Math.Max(v, 0f)), h);
        var y = network.LayerOutputs(2, x);
        Assert.Equal(y, network.PredictProbabilities(x)); // identity output for MSE
    }
}
