using System.Diagnostics;
using ActivationCourse.Data;
using ActivationCourse.Training;
using Xunit.Abstractions;

namespace ActivationCourse.Lib.Tests.Training;

/// <summary>One epoch on the real MNIST (fetched into the shared cache like the data tests do).</summary>
public class MnistTrainingTests(ITestOutputHelper output)
{
    [Fact]
    public void OneEpochReachesNinetyFivePercent()
    {
        var mnist = Mnist.Load();
        var train = LabeledData.From(mnist.Train);
        var test = LabeledData.From(mnist.Test);
        var network = Network.FromSpec(new MlpSpec(784, [256, 128], 10, "relu"), seed: 1);
        var trainer = new Trainer(network, new Adam(0.001), new TrainerOptions { Epochs = 1, BatchSize = 64, Seed = 1 });

        var clock = Stopwatch.StartNew();
        var history = trainer.Fit(train, test);
        output.WriteLine($"1 epoch: {history.Last!.Seconds:F2} s training, {clock.Elapsed.TotalSeconds:F2} s with evaluation; test accuracy {history.Last.TestAccuracy:P2}");
        Assert.True(history.Last.TestAccuracy >= 0.95, $"test accuracy {history.Last.TestAccuracy:P2}");
    }
}
