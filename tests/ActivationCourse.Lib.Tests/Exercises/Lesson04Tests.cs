using ActivationCourse.Exercises;
using ActivationCourse.Training;

namespace ActivationCourse.Lib.Tests.Exercises;

public class Lesson04Tests
{
    private static readonly double[] Logits = [2.0, 1.0, 0.5, 0.0, -1.0];

    [Fact]
    public void MaxoutPiecesAcceptsTheFewestExactPieces() => Assert.True(Lesson04.MaxoutPieces(3, 3, 1e-12, 0.049).Passed);

    [Fact]
    public void MaxoutPiecesRejectsTooFewPieces()
        // Mistake: two pieces, "like ReLU", cannot follow three linear pieces.
        => Assert.False(Lesson04.MaxoutPieces(2, 2, 0.049, 0.82).Passed);

    [Fact]
    public void MaxoutPiecesRejectsMorePiecesThanNeeded()
        // Mistake: plenty of pieces fit too, but the question is the fewest.
        => Assert.False(Lesson04.MaxoutPieces(5, 5, 1e-10, 1e-9).Passed);

    [Fact]
    public void MaxoutPiecesRejectsAWrongPrediction()
        // Mistake: predicting 2 ("a ReLU has two pieces") and then finding 3 by trial.
        => Assert.False(Lesson04.MaxoutPieces(2, 3, 1e-12, 0.049).Passed);

    [Fact]
    public void MaxoutPiecesNeedsAPrediction() => Assert.Equal(CheckOutcome.NoAnswer, Lesson04.MaxoutPieces(0, 3, 1e-9, 0.05).Outcome);

    // The temperature at which the top class of Logits gets exactly one half: 1.2077 (bisection, in python3 and here).
    private const double Halfway = 1.2076923;

    [Fact]
    public void HalfTemperatureAcceptsTheTemperatureAndAGoodPrediction()
        => Assert.True(Lesson04.HalfTemperature(1.3, 1.208, Logits).Passed);

    [Fact]
    public void HalfTemperatureAcceptsTheExactTemperature()
        => Assert.True(Lesson04.HalfTemperature(1.2, Halfway, Logits).Passed);

    [Fact]
    public void HalfTemperatureRejectsARoughTemperature()
        // Mistake: stopping at 1.15, where the top class still gets 0.5155.
        => Assert.False(Lesson04.HalfTemperature(1.3, 1.15, Logits).Passed);

    [Fact]
    public void HalfTemperatureRejectsTheDefaultTemperature()
        // Mistake: T = 1 (the top class then gets 0.563).
        => Assert.False(Lesson04.HalfTemperature(1, 1, Logits).Passed);

    [Fact]
    public void HalfTemperatureRejectsTheWrongDirection()
        // Mistake: sharpening (T < 1) to reach one half.
        => Assert.False(Lesson04.HalfTemperature(0.5, 0.5, Logits).Passed);

    [Fact]
    public void HalfTemperatureRejectsAPredictionOnTheWrongSideOfOne()
        // Mistake: predicting that a lower temperature takes probability from the top class.
        => Assert.False(Lesson04.HalfTemperature(0.8, 1.208, Logits).Passed);

    [Fact]
    public void HalfTemperatureRejectsAPredictionFarTooHigh()
        // Mistake: predicting T = 2 (the top class then gets 0.38).
        => Assert.False(Lesson04.HalfTemperature(2, 1.208, Logits).Passed);

    [Fact]
    public void HalfTemperatureRejectsAPredictionJustAboveOne()
        // Mistake: predicting that a sliver above 1 is enough (T = 1.01 is 16% below the exact 1.208).
        => Assert.False(Lesson04.HalfTemperature(1.01, 1.208, Logits).Passed);

    [Fact]
    public void HalfTemperatureRejectsAPredictionTooLowByMoreThanTenPercent()
        // Mistake: T = 1.08, 11% below the exact temperature.
        => Assert.False(Lesson04.HalfTemperature(1.08, 1.208, Logits).Passed);

    [Fact]
    public void HalfTemperatureAcceptsAPredictionSlightlyLow()
        => Assert.True(Lesson04.HalfTemperature(1.1, 1.208, Logits).Passed);

    [Fact]
    public void HalfTemperatureNeedsAPrediction()
        => Assert.Equal(CheckOutcome.NoAnswer, Lesson04.HalfTemperature(double.NaN, 1.208, Logits).Outcome);

    [Fact]
    public void HalfTemperatureRejectsANonPositiveTemperature() => Assert.False(Lesson04.HalfTemperature(1, 0, Logits).Passed);

    [Fact]
    public void OutputLayerAcceptsSigmoidCrossEntropy() => Assert.True(Lesson04.OutputLayer(Loss.SigmoidBinaryCrossEntropy, 0.99).Passed);

    [Fact]
    public void OutputLayerRejectsSoftmax()
        // Mistake: softmax for labels that are not mutually exclusive.
        => Assert.False(Lesson04.OutputLayer(Loss.SoftmaxCrossEntropy, 0.99).Passed);

    [Fact]
    public void OutputLayerRejectsMeanSquaredError()
        // Mistake: a regression output for yes/no labels.
        => Assert.False(Lesson04.OutputLayer(Loss.MeanSquaredError, double.NaN).Passed);

    [Fact]
    public void OutputLayerNeedsAChoice() => Assert.Equal(CheckOutcome.NoAnswer, Lesson04.OutputLayer(null, double.NaN).Outcome);
}
