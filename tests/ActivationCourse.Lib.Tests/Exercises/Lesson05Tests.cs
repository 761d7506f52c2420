using ActivationCourse.Exercises;

namespace ActivationCourse.Lib.Tests.Exercises;

public class Lesson05Tests
{
    private static readonly StepErrors AtAMillion = Lesson05.MeasureSineSteps(1e6);

    [Fact]
    public void BestStepAtAMillionIsNearTheBalanceOfTruncationAndInputRounding()
    {
        // Model: h* = ∛(3·ε·|x|/2) ≈ 7e-4 at x = 1e6; the measured optimum must sit within a decade of it.
        double model = Math.Cbrt(1.5 * Math.Pow(2, -52) * 1e6);
        Assert.InRange(Math.Log10(AtAMillion.BestStep / model), -1, 1);
    }

    [Fact]
    public void BalanceStepIsTheCubeRootOfThreeHalvesEpsilonX()
    {
        Assert.Equal(Math.Cbrt(1.5 * Math.Pow(2, -52) * 1e6), AtAMillion.BalanceStep, 15);
        Assert.InRange(AtAMillion.BalanceStep, 6.9e-4, 7.0e-4);
        Assert.True(Lesson05.BestStep(AtAMillion.BalanceStep, AtAMillion).Passed);
    }

    [Fact]
    public void StepExerciseAcceptsTheBalancedStep() =>
        Assert.True(Lesson05.BestStep(Math.Cbrt(1.5 * Math.Pow(2, -52) * 1e6), AtAMillion).Passed);

    [Theory]
    [InlineData(1e-5)] // the order-one rule of thumb, ignoring how large x is
    [InlineData(10.0)] // 1e-5·|x|: scaling h with x, although sin varies on a scale of 1, not of x
    [InlineData(1.5e-8)] // √ε, the one-sided rule
    [InlineData(6.06e-6)] // ∛ε, the centered rule of §2 for inputs of order one
    public void StepExerciseRejectsTypicalWrongSteps(double step)
    {
        var result = Lesson05.BestStep(step, AtAMillion);
        Assert.False(result.Passed);
        Assert.Equal(CheckOutcome.NotYet, result.Outcome);
    }

    [Fact]
    public void StepExerciseWithoutAnAnswerSaysNotYet() =>
        Assert.Equal(CheckOutcome.NoAnswer, Lesson05.BestStep(double.NaN, AtAMillion).Outcome);

    [Fact]
    public void SoftsignAcceptsTheDerivative() =>
        Assert.True(Lesson05.SoftsignDerivative(x => 1 / ((1 + Math.Abs(x)) * (1 + Math.Abs(x))), 1.0 / 16, 0.25).Passed);

    [Fact]
    public void SoftsignRejectsTypicalMistakes()
    {
        static double Right(double x) => 1 / ((1 + Math.Abs(x)) * (1 + Math.Abs(x)));
        // The square forgotten in the denominator, by hand and in code.
        Assert.False(Lesson05.SoftsignDerivative(x => 1 / (1 + Math.Abs(x)), 0.25, 0.5).Passed);
        Assert.False(Lesson05.SoftsignDerivative(x => 1 / (1 + Math.Abs(x)), 1.0 / 16, 0.25).Passed);
        // The x > 0 branch used everywhere: right for positive x only (by hand at −3: 1/4).
        Assert.False(Lesson05.SoftsignDerivative(Right, 0.25, 0.25).Passed);
        Assert.False(Lesson05.SoftsignDerivative(x => 1 / ((1 + x) * (1 + x)), 1.0 / 16, 0.25).Passed);
        // A throwing answer is reported, not propagated.
        Assert.False(Lesson05.SoftsignDerivative(_ => throw new InvalidOperationException(), 1.0 / 16, 0.25).Passed);
        Assert.Equal(CheckOutcome.NoAnswer, Lesson05.SoftsignDerivative(Right, double.NaN, double.NaN).Outcome);
    }

    [Fact]
    public void PlantedBugsAcceptsTheMeasuredSetInAnyNotation()
    {
        Assert.True(Lesson05.PlantedBugs("ACD", "ACD").Passed);
        Assert.True(Lesson05.PlantedBugs("d, a, c", "ACD").Passed);
    }

    [Fact]
    public void PlantedBugsRejectsTypicalWrongPredictions()
    {
        // "Every bug is caught": misses that f′(H) equals f′(Z) for ReLU.
        Assert.False(Lesson05.PlantedBugs("ABCD", "ACD").Passed);
        // Only the obvious one.
        Assert.False(Lesson05.PlantedBugs("A", "ACD").Passed);
        Assert.Equal(CheckOutcome.NoAnswer, Lesson05.PlantedBugs("", "ACD").Outcome);
    }

    [Fact]
    public void PlantedBugsWithoutTheLearnersNetworkSaysWhatToFinish()
    {
        var result = Lesson05.PlantedBugs("ACD", null);
        Assert.Equal(CheckOutcome.NotYet, result.Outcome);
        Assert.Contains("1.1 and 2.2", result.ToString(), StringComparison.Ordinal);
    }
}
