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
    [Fact]
    public void TwoCoresTrainBitForBitLikeOne()
    {
        // Batches of 128 × 300 values: the gather and the hidden products are split across the cores, the
        // 10-class output layer runs on the narrow kernel.
        var data = TestData.Blobs(700, 300, 10, seed: 3, spread: 1.0);
        (TrainingHistory History, Network Network) Run(int threads)
        {
            int saved = Gemm.MaxParallelism;
            Gemm.MaxParallelism = threads;
            try
            {
                var network = Network.FromSpec(new MlpSpec(300, [256, 64], 10, "relu"), seed: 5);
                var trainer = new Trainer(network, new Sgd(0.05), new TrainerOptions { Epochs = 2, BatchSize = 128, Seed = 6 });
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
