using ActivationCourse.Activations;
using ActivationCourse.Data;
using ActivationCourse.Studies;
using ActivationCourse.Training;
using ActivationCourse.Training.Diagnostics;

namespace ActivationCourse.Lib.Tests.Training.Diagnostics;

public class DeadUnitTrackerTests
{
    // x → two ReLU units with weights +1 and −1 → one output; every input is positive, so the second unit is off everywhere.
    private static (Network Net, DenseLayer First) TwoUnits()
    {
        var first = new DenseLayer(1, 2);
        first.Weights.Value[0] = 1;
        first.Weights.Value[1] = -1;
        var output = new DenseLayer(2, 1);
        output.Weights.Value[0] = 1;
        output.Weights.Value[1] = 1;
        return (new Network([first, new ActivationLayer(new ReLU(), 2), output], Loss.MeanSquaredError), first);
    }

    private static readonly LabeledData Positive = new([1f, 2f, 3f], [10f, 10f, 10f], 1, 1);

    [Fact]
    public void CountsDeadUnitsRevivalsAndDeaths()
    {
        var (net, first) = TwoUnits();
        var tracker = new DeadUnitTracker(net, Positive);
        Assert.Equal([1], tracker.Layers);
        tracker.Record();
        first.Weights.Value[1] = 1; // the dead unit comes back
        tracker.Record();
        first.Weights.Value[0] = -1; // the other one dies
        tracker.Record();
        Assert.Equal(3, tracker.Records);
        Assert.Equal([0.5, 0, 0.5], tracker.DeadShare);
        Assert.Equal([false, true], tracker.DeadAt(0, 0));
        Assert.Equal(1, tracker.Revived(0));
        Assert.Equal(1, tracker.Died(0));
    }

    [Fact]
    public void AUnitOffOnSomeSamplesOnlyIsAlive()
    {
        var (net, _) = TwoUnits();
        var tracker = new DeadUnitTracker(net, new LabeledData([-1f, 1f], [0f, 0f], 1, 1));
        tracker.Record();
        Assert.Equal([0.0], tracker.DeadShare);
    }

    [Fact]
    public void RejectsANetworkWithoutActivations()
        => Assert.Throws<ArgumentException>(() => new DeadUnitTracker(new Network([new DenseLayer(1, 1)], Loss.MeanSquaredError), Positive));

    [Fact]
    public void ADeadReluUnitIsSilent()
    {
        var (net, _) = TwoUnits();
        Assert.Equal(0.5, SilentUnits.Share(net, Positive, 1));
    }

    private static Network TwoMaxoutUnits(float secondOutputWeight)
    {
        var first = new DenseLayer(1, 4);
        float[] w = [1, -1, 2, 0];
        w.CopyTo(first.Weights.Value, 0);
        first.Bias.Value[3] = -100;
        var output = new DenseLayer(2, 1);
        output.Weights.Value[0] = -1;
        output.Weights.Value[1] = secondOutputWeight;
        return new Network([first, new MaxoutLayer(2, 2), output], Loss.MeanSquaredError);
    }

    [Fact]
    public void MaxoutUnitsPassGradientWhateverPieceWins()
        => Assert.Equal(0.0, SilentUnits.Share(TwoMaxoutUnits(0.5f), Positive, 1));

    [Fact]
    public void SilenceIsTheUnitsOwnNotTheLayersAbove()
        // A zero outgoing weight sends nothing down, but the maxout unit itself still passes gradient: it is not silent.
        => Assert.Equal(0.0, SilentUnits.Share(TwoMaxoutUnits(0f), Positive, 1));

    [Fact]
    public void AReluUnitOnForSomeSamplesIsNotSilent()
    {
        var (net, _) = TwoUnits();
        Assert.Equal(0.0, SilentUnits.Share(net, new LabeledData([-1f, 1f], [0f, 0f], 1, 1), 1));
    }

    [Fact]
    public void SilentUnitsWantsAnActivationLayer()
        => Assert.Throws<ArgumentException>(() => SilentUnits.Share(TwoMaxoutUnits(1f), Positive, 2));

    [Fact]
    public void IdlePiecesCountsPiecesThatNeverWin()
    {
        // Unit 1: pieces x and −x; unit 2: pieces 2x and −100.
        var net = TwoMaxoutUnits(1f);
        Assert.Equal(2, IdlePieces.Count(net, 1, Positive.Features)); // −x and −100 never win for x > 0
        Assert.Equal(1, IdlePieces.Count(net, 1, [-1f, 1f]));         // only −100 never wins
    }

    [Fact]
    public void IdlePiecesWantsAMaxoutLayer()
    {
        var (net, _) = TwoUnits();
        Assert.Throws<ArgumentException>(() => IdlePieces.Count(net, 1, Positive.Features));
    }
}
