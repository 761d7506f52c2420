using ActivationCourse.Exercises;
using ActivationCourse.Experiments;

namespace ActivationCourse.Lib.Tests.Exercises;

public class Lesson06Tests
{
    private static readonly double[] Rates = [0.01, 0.03, 0.1, 0.3, 1.0];
    private static readonly double[] WorstDead = [0.023, 0.008, 0.012, 0.273, 1.0];

    [Fact]
    public void CollapseRateAcceptsTheFirstRateWithFortyPercentDead() =>
        Assert.True(Lesson06.CollapseRate(1.0, Rates, WorstDead).Passed);

    [Theory]
    [InlineData(0.3)] // the first rate where units die in numbers, but short of 40%
    [InlineData(0.1)] // "above the usual 0.01–0.1 is too high"
    [InlineData(3.0)] // not a rate of the sweep
    public void CollapseRateRejectsTypicalWrongPredictions(double rate) =>
        Assert.False(Lesson06.CollapseRate(rate, Rates, WorstDead).Passed);

    [Fact]
    public void CollapseRateFollowsTheMeasurementNotAFixedAnswer()
    {
        double[] earlier = [0.0, 0.0, 0.5, 0.9, 1.0];
        Assert.True(Lesson06.CollapseRate(0.1, Rates, earlier).Passed);
        Assert.False(Lesson06.CollapseRate(1.0, Rates, earlier).Passed);
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
}
