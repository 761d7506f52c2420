using ActivationCourse.Training;

namespace ActivationCourse.Lib.Tests.Training;

public sealed class TrainerTests
{
    [Fact]
    public void StepDownScheduleRates()
    {
        var schedule = LearningRateSchedule.StepDown(0.1, [0.3, 0.1, 0.03]);
        Assert.Equal([0.1, 0.1, 0.1, 0.1, 0.1, 0.1 * 0.3, 0.1 * 0.1, 0.1 * 0.03], schedule.Rates(8));
        Assert.Equal([0.1, 0.1 * 0.3], schedule.Rates(2));
        Assert.Equal([0.1], schedule.Rates(1));
        Assert.Equal([0.1, 0.1 * 0.3, 0.1 * 0.1, 0.1 * 0.03], schedule.DistinctRates(1_000_000_000));
        Assert.Equal("0.1 → 0.03 → 0.01 → 0.003", schedule.Describe(8));
        Assert.Equal([2.0, 2.0, 2.0], LearningRateSchedule.Constant(2).Rates(3));
        Assert.Equal("2", LearningRateSchedule.Constant(2).Describe(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.RateAt(9, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Constant(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.StepDown(0.1, [0.5, -1]));
    }

    [Fact]
    public void TheScheduleSetsTheRateOfEachEpoch()
    {
        var data = TestData.Blobs(96, 4, 2, seed: 1);
        var rates = new List<double>();
        var sgd = new Sgd(123, momentum: 0.9);
        var options = new TrainerOptions { Epochs = 5, BatchSize = 32, Schedule = LearningRateSchedule.StepDown(0.2, [0.5, 0.1]), Progress = p => rates.Add(p.LearningRate) };
        new Trainer(Network.FromSpec(new MlpSpec(4, [3], 2, "relu"), seed: 1), sgd, options).Fit(data);
        Assert.Equal(LearningRateSchedule.StepDown(0.2, [0.5, 0.1]).Rates(5), rates);
    }

    /// <summary>The loop written out by hand (as <c>course train</c> and lesson 06 ran it before): the trainer gives the same weights, bit for bit.</summary>
    [Fact]
    public void ScheduledFitMatchesAHandWrittenLoop()
    {
        var train = TestData.Blobs(200, 6, 3, seed: 5, spread: 0.8);
        var schedule = LearningRateSchedule.StepDown(0.05, [0.3, 0.1]);
        var byTrainer = Network.FromSpec(new MlpSpec(6, [8], 3, "tanh"), seed: 2);
        var options = new TrainerOptions { Epochs = 4, BatchSize = 32, Seed = 9, Schedule = schedule };
        var history = new Trainer(byTrainer, new Sgd(1, momentum: 0.9), options).Fit(train);

        var byHand = Network.FromSpec(new MlpSpec(6, [8], 3, "tanh"), seed: 2);
        var sgd = new Sgd(1, momentum: 0.9);
        var shuffle = new Random(9);
        var order = new int[train.Count];
        var losses = new List<double>();
        for (int epoch = 1; epoch <= 4; epoch++)
        {
            sgd.LearningRate = schedule.RateAt(epoch, 4);
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = shuffle.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            double sum = 0;
            for (int offset = 0; offset < train.Count; offset += 32)
            {
                int[] rows = order[offset..Math.Min(offset + 32, train.Count)];
                float[] features = [.. rows.SelectMany(r => train.Features.AsSpan(r * 6, 6).ToArray())];
                var (loss, _) = byHand.ComputeGradients(features, [.. rows.Select(r => train.Labels[r])]);
                sgd.Step(byHand.Parameters);
                sum += loss * rows.Length;
            }

            losses.Add(sum / train.Count);
        }

        Assert.Equal(losses, history.Epochs.Select(e => e.TrainLoss));
        Assert.Equal(byHand.Parameters.SelectMany(p => p.Value), byTrainer.Parameters.SelectMany(p => p.Value));
    }

    [Fact]
    public void AdvanceInChunksMatchesFit()
    {
        var train = TestData.Blobs(150, 5, 3, seed: 3, spread: 0.8);
        var test = TestData.Blobs(60, 5, 3, seed: 4, spread: 0.8);
        TrainerOptions Options() => new() { Epochs = 3, BatchSize = 32, Seed = 7, Schedule = LearningRateSchedule.StepDown(0.1, [0.3]) };
        var whole = Network.FromSpec(new MlpSpec(5, [7], 3, "relu"), seed: 1);
        var fitted = new Trainer(whole, new Sgd(0.1), Options()).Fit(train, test);

        var stepped = Network.FromSpec(new MlpSpec(5, [7], 3, "relu"), seed: 1);
        var trainer = new Trainer(stepped, new Sgd(0.1), Options());
        int taken = 0;
        foreach (int chunk in new[] { 1, 3, 2, 5, 4 })
        {
            taken += trainer.Advance(train, chunk, test);
        }

        Assert.Equal(15, taken);
        Assert.Equal(15, trainer.Steps);
        Assert.Equal(3, trainer.History.Epochs.Count);
        Assert.Equal(fitted.Epochs.Select(e => (e.TrainLoss, e.TestLoss)), trainer.History.Epochs.Select(e => (e.TrainLoss, e.TestLoss)));
        Assert.Equal(whole.Parameters.SelectMany(p => p.Value), stepped.Parameters.SelectMany(p => p.Value));
    }

    [Fact]
    public void AdvanceStopsAtDivergenceAndReportsIt()
    {
        var data = TestData.Blobs(512, 10, 3, seed: 8, spread: 1.0);
        var trainer = new Trainer(Network.FromSpec(new MlpSpec(10, [32], 3, "relu"), seed: 1), new Sgd(1e12), new TrainerOptions { BatchSize = 32 });
        int taken = trainer.Advance(data, 100);
        Assert.InRange(taken, 0, 15);
        Assert.Equal(new TrainingDivergence(DivergenceKind.StepLoss, 1, taken + 1, trainer.History.Divergence!.Loss), trainer.History.Divergence);
        Assert.False(double.IsFinite(trainer.History.Divergence.Loss));
        Assert.Equal(0, trainer.Advance(data, 10));
    }

    [Fact]
    public void ExplodedRuleStopsAfterTheEpochAndKeepsItsRecord()
    {
        var data = TestData.Blobs(128, 4, 2, seed: 1);
        var epochsSeen = new List<int>();
        var options = new TrainerOptions { Epochs = 5, BatchSize = 32, Divergence = DivergenceRule.Exploded(1e-9), Progress = p => epochsSeen.Add(p.Epoch) };
        var trainer = new Trainer(Network.FromSpec(new MlpSpec(4, [3], 2, "relu"), seed: 1), new Sgd(0.1), options);
        var ex = Assert.Throws<TrainingDivergedException>(() => trainer.Fit(data, data));
        Assert.Equal(DivergenceKind.EpochLoss, ex.Divergence.Kind);
        Assert.Equal(1, ex.Epoch);
        Assert.Equal(trainer.History.Epochs[0].TrainLoss, ex.Loss);
        Assert.Equal([1], epochsSeen);
        Assert.Single(trainer.History.Epochs);
        Assert.Throws<ArgumentOutOfRangeException>(() => DivergenceRule.Exploded(0));
    }

    [Fact]
    public void KeepGradientsLeavesThePlainSgdGradientReadable()
    {
        var data = TestData.Blobs(64, 4, 2, seed: 1);
        var network = Network.FromSpec(new MlpSpec(4, [3], 2, "relu"), seed: 1);
        new Trainer(network, new Sgd(0.1), new TrainerOptions { BatchSize = 32, KeepGradients = true }).Advance(data, 1);
        Assert.Contains(((DenseLayer)network.Layers[0]).Weights.Gradient.ToArray(), g => g != 0);
    }
}
