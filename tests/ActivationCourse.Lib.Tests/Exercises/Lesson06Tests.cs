using ActivationCourse.Exercises;
using ActivationCourse.Reports;

namespace ActivationCourse.Lib.Tests.Exercises;

public class Lesson06Tests
{
    // Lesson 06, plain SGD at rate 1: 34.8% of the first hidden layer dead after 2 epochs (momentum SGD at 0.1: 1.2%).
    [Fact]
    public void WithoutMomentumAcceptsThePredictionTheMeasurementBearsOut()
    {
        Assert.True(Lesson06.WithoutMomentum('B', 0.348, diverged: false).Passed);
        Assert.True(Lesson06.WithoutMomentum('b', 0.348, diverged: false).Passed);
        Assert.True(Lesson06.WithoutMomentum('A', 0.02, diverged: false).Passed); // judged by the learner's own measurement
    }

    [Fact]
    public void WithoutMomentumRejectsTypicalWrongPredictions()
    {
        Assert.False(Lesson06.WithoutMomentum('A', 0.348, diverged: false).Passed); // "the same limit step, the same damage"
        Assert.False(Lesson06.WithoutMomentum('B', 0.02, diverged: false).Passed);
    }

    [Fact]
    public void WithoutMomentumDoesNotCountADivergedRun()
    {
        Assert.False(Lesson06.WithoutMomentum('B', 0.906, diverged: true).Passed); // blow-up, not dying
        Assert.False(Lesson06.WithoutMomentum('A', 0.0, diverged: true).Passed);
    }

    [Fact]
    public void WithoutMomentumWithoutAChoiceIsNotAnswered()
    {
        Assert.Equal(CheckOutcome.NoAnswer, Lesson06.WithoutMomentum(' ', 0.348, diverged: false).Outcome);
        Assert.Equal(CheckOutcome.NoAnswer, Lesson06.WithoutMomentum('C', 0.348, diverged: false).Outcome);
    }

    private static readonly ConfusionMatrix Confusion = ConfusionMatrix.From(
        [0, 0, 0, 1, 1, 1, 2, 2, 2, 2],
        [0, 0, 1, 1, 2, 2, 2, 2, 0, 2], classes: 3);

    // Counts by row (true class): [2, 1, 0], [0, 1, 2], [1, 0, 3]; columns sum to 3, 2, 5.
    [Fact]
    public void PrecisionAcceptsTheDiagonalOverTheColumnSums() =>
        Assert.True(Lesson06.Precision([2 / 3.0, 1 / 2.0, 3 / 5.0], Confusion).Passed);

    [Fact]
    public void PrecisionRejectsTypicalMistakes()
    {
        Assert.False(Lesson06.Precision([2 / 3.0, 1 / 3.0, 3 / 4.0], Confusion).Passed); // the recall: rows instead of columns
        Assert.False(Lesson06.Precision([200 / 3.0, 50, 60], Confusion).Passed); // percentages, not fractions
        Assert.False(Lesson06.Precision([2 / 10.0, 1 / 10.0, 3 / 10.0], Confusion).Passed); // divided by the total
        Assert.Equal(CheckOutcome.NoAnswer, Lesson06.Precision([], Confusion).Outcome);
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
