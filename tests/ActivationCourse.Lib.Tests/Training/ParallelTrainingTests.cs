using ActivationCourse.LinearAlgebra;
using ActivationCourse.Training;

namespace ActivationCourse.Lib.Tests.Training;

/// <summary>Tests that change <see cref="Gemm.MaxParallelism"/> run one at a time (it is process-wide).</summary>
[CollectionDefinition(Name)]
public class MaxParallelismCollection
{
    public const string Name = "Gemm.MaxParallelism";
}

[Collection(MaxParallelismCollection.Name)]
public class ParallelTrainingTests
{
    [Theory]
    [InlineData("relu")]
    [InlineData("gelu")]
    [InlineData("tanh")]
    public void TwoCoresTrainBitForBitLikeOne(string activation)
    {
        // Batches of 100 × 400 values: the gather, the hidden products and the 100 × 255 activations (with a
        // scalar tail) are split across the cores; the 10-class output layer runs on the narrow kernel.
        var data = TestData.Blobs(700, 400, 10, seed: 3, spread: 1.0);
        (TrainingHistory History, Network Network) Run(int threads)
        {
            int saved = Gemm.MaxParallelism;
            Gemm.MaxParallelism = threads;
            try
            {
                var network = Network.FromSpec(new MlpSpec(400, [255, 64], 10, activation), seed: 5);
                var trainer = new Trainer(network, new Sgd(0.05), new TrainerOptions { Epochs = 2, BatchSize = 100, Seed = 6 });
                return (trainer.Fit(data), network);
            }
            finally
            {
                Gemm.MaxParallelism = saved;
            }
        }

        var alone = Run(1);
        var split = Run(Environment.ProcessorCount);
        Assert.Equal(
            alone.History.Epochs.Select(e => (e.TrainLoss, e.TrainAccuracy)),
            split.History.Epochs.Select(e => (e.TrainLoss, e.TrainAccuracy)));
        for (int p = 0; p < alone.Network.Parameters.Count; p++)
        {
            Assert.Equal(alone.Network.Parameters[p].Value, split.Network.Parameters[p].Value);
        }
    }
}
