using ActivationCourse.Exercises;
using ActivationCourse.Experiments;

namespace ActivationCourse.Lib.Tests.Exercises;

public class Lesson06Tests
{
    // The measured sweep of lesson 06, plain SGD (momentum 0): the worst layer's dead share at each rate.
    private static readonly double[] Rates = [0.1, 0.3, 1.0, 3.0, 10.0];
    private static readonly double[] WorstDead = [0.008, 0.0, 0.348, 0.906, 0.926];

    [Fact]
    public void CollapseRateAcceptsTheFirstRateWithFortyPercentDead() =>
        Assert.True(Lesson06.CollapseRate(3.0, Rates, WorstDead).Passed);

    [Theory]
    [InlineData(10.0)] // momentum's 10× taken literally: ten times the rate that collapsed with momentum
    [InlineData(1.0)] // momentum assumed to change nothing: the rate that collapsed with momentum 0.9
    [InlineData(2.0)] // not a rate of the sweep
    public void CollapseRateRejectsTypicalWrongPredictions(double rate) =>
        Assert.False(Lesson06.CollapseRate(rate, Rates, WorstDead).Passed);

    [Fact]
    public void CollapseRateFollowsTheMeasurementNotAFixedAnswer()
    {
        double[] earlier = [0.0, 0.0, 0.5, 0.9, 1.0];
        Assert.True(Lesson06.CollapseRate(1.0, Rates, earlier).Passed);
        Assert.False(Lesson06.CollapseRate(3.0, Rates, earlier).Passed);
        Assert.Equal(CheckOutcome.NoAnswer, Lesson06.CollapseRate(double.NaN, Rates, WorstDead).Outcome);
    }

    private static readonly ConfusionMatrix Confusion = ConfusionMatrix.From(
        [0, 0, 0, 1, 1, 1, 2, 2, 2, 2],
        [0, 0, 1, 1, 2, 2, 2, 2, 0, 2], classes: 3);

    [Fact]
    public void AccuracyFromCountsAcceptsTheDiagonalShare() =>
        Assert.True(Lesson06.AccuracyFromCounts(6 / 10.0, Confusion).Passed);

    [Fact]
    public void AccuracyFromCountsRejectsTypicalMistakes()
    {
        Assert.False(Lesson06.AccuracyFromCounts(60, Confusion).Passed); // a percentage, not a fraction
        Assert.False(Lesson06.AccuracyFromCounts(6 / 3.0, Confusion).Passed); // divided by the number of classes
        Assert.False(Lesson06.AccuracyFromCounts(4 / 10.0, Confusion).Passed); // the off-diagonal share
    }

    [Fact]
    public void MostConfusedPairAcceptsTheLargestOffDiagonalCell() =>
        Assert.True(Lesson06.MostConfusedPair([1, 2], Confusion).Passed);

    [Fact]
    public void MostConfusedPairRejectsTypicalMistakes()
    {
        Assert.False(Lesson06.MostConfusedPair([2, 2], Confusion).Passed); // the largest cell overall, on the diagonal
        Assert.False(Lesson06.MostConfusedPair([2, 1], Confusion).Passed); // row and column swapped
        Assert.Equal(CheckOutcome.NoAnswer, Lesson06.MostConfusedPair([], Confusion).Outcome);
    }

    [Fact]
    public void LeNetParametersAcceptsTheCount()
    {
        double conv = ((5 * 5 * 3) + 1) * 6 + ((5 * 5 * 6) + 1) * 16 + ((5 * 5 * 16) + 1) * 120;
        double dense = ((8 * 8 * 120) + 1) * 84 + (84 + 1) * 10;
        Assert.Equal(697_046, conv + dense);
        Assert.True(Lesson06.LeNetParameters(conv + dense).Passed);
    }

    [Fact]
    public void LeNetParametersRejectsTypicalMistakes()
    {
        // Biases forgotten.
        Assert.False(Lesson06.LeNetParameters((5 * 5 * 3 * 6) + (5 * 5 * 6 * 16) + (5 * 5 * 16 * 120) + (8 * 8 * 120 * 84) + (84 * 10)).Passed);
        // "valid" padding (classic LeNet shapes: 32 → 28 → 14 → 10 → 5 → 1), so the Dense layer sees 120 inputs.
        Assert.False(Lesson06.LeNetParameters(456 + 2_416 + 48_120 + ((120 + 1) * 84) + 850).Passed);
        Assert.Equal(CheckOutcome.NoAnswer, Lesson06.LeNetParameters(double.NaN).Outcome);
    }
}
