using ActivationCourse.Activations;
using ActivationCourse.Data;
using ActivationCourse.Studies;
using ActivationCourse.Training;

namespace ActivationCourse.Lib.Tests.Studies;

public class DeadUnitSweepTests
{
    private static readonly DeadUnitSweepOptions Small = new() { Hidden = [16, 8], Epochs = 2, BatchSize = 32, Momentum = 0.9, Seed = 1 };

    [Fact]
    public void DeadSharesCountsUnitsThatNeverFire()
    {
        // 4 inputs → 4 ReLU units → 2 classes. Units 0 and 1 get bias −100 (never active on inputs in [0, 1]),
        // units 2 and 3 get bias +1 and zero weights (always active).
        var hidden = new DenseLayer(4, 4);
        hidden.Bias.Value[0] = -100;
        hidden.Bias.Value[1] = -100;
        hidden.Bias.Value[2] = 1;
        hidden.Bias.Value[3] = 1;
        var network = new Network([hidden, new ActivationLayer(ActivationRegistry.Get("relu"), 4), new DenseLayer(4, 2)]);
        var data = new LabeledData([0.1f, 0.2f, 0.3f, 0.4f, 1f, 1f, 1f, 1f], [0, 1], 4);
        Assert.Equal([0.5], DeadUnitSweep.DeadShares(network, data));
    }

    [Fact]
    public void PointsInOrderWithTheUntrainedBaseline()
    {
        var train = StudyData.Blobs(200, 6, 3, seed: 1);
        var test = StudyData.Blobs(90, 6, 3, seed: 2);
        var sweep = DeadUnitSweep.Run([0.01, 0.1], train, test, Small, classes: 3);
        Assert.Equal([0.01, 0.1], sweep.Points.Select(p => p.LearningRate));
        Assert.Equal(0, sweep.Initial.LearningRate);
        var untrained = Network.FromSpec(new MlpSpec(6, [16, 8], 3, "relu"), seed: 1);
        Assert.Equal(DeadUnitSweep.DeadShares(untrained, train), sweep.Initial.DeadShare);
        Assert.All(sweep.Points, p => Assert.Equal(2, p.DeadShare.Count));
        Assert.All(sweep.Points, p => Assert.InRange(p.DeadShare.Min(), 0, 1));
        Assert.True(sweep.Points[1].TestAccuracy > 0.9);
        Assert.Contains("untrained", sweep.ToHtml(), StringComparison.Ordinal);
        Assert.Contains("<svg", sweep.Chart().ToSvg(), StringComparison.Ordinal);
        Assert.Equal(3, sweep.ToString().Split(Environment.NewLine).Length);
    }

    [Fact]
    public void AHugeLearningRateKillsUnitsOrDiverges()
    {
        var train = StudyData.Blobs(200, 6, 3, seed: 1);
        var test = StudyData.Blobs(90, 6, 3, seed: 2);
        var sweep = DeadUnitSweep.Run([0.01, 50], train, test, Small, classes: 3);
        var huge = sweep.Points[1];
        Assert.True(huge.Diverged || huge.DeadShare.Max() > sweep.Points[0].DeadShare.Max(), sweep.ToString());
    }

    [Fact]
    public void SameSettingsSameSweep()
    {
        var train = StudyData.Blobs(120, 6, 3, seed: 1);
        var test = StudyData.Blobs(60, 6, 3, seed: 2);
        var a = DeadUnitSweep.Run([0.3], train, test, Small, classes: 3);
        var b = DeadUnitSweep.Run([0.3], train, test, Small, classes: 3);
        Assert.Equal(a.ToString(), b.ToString());
    }

    [Fact]
    public void RejectsNonPositiveLearningRates()
    {
        var data = StudyData.Blobs(30, 6, 3, seed: 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadUnitSweep.Run([0.0], data, data, Small, classes: 3));
    }
}
