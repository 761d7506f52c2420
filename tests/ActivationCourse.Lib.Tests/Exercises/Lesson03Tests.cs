using ActivationCourse.Exercises;

namespace ActivationCourse.Lib.Tests.Exercises;

public class Lesson03Tests
{
    // Outputs of Leaky ReLU (slope 0.01) for z = −2, −0.5, 0, 1.5, 3.
    private static readonly double[] Y = [-0.02, -0.005, 0, 1.5, 3];
    private static readonly double[] Upstream = [1, 2, 3, 4, 5];

    [Fact]
    public void LeakyBackwardAcceptsTheSolution()
        => Assert.True(Lesson03.LeakyReluBackwardFromOutputs(Y, Upstream, [0.01, 0.02, 0.03, 4, 5]).Passed);

    [Fact]
    public void LeakyBackwardRejectsTheSlopeOneAtZero()
        // Mistake: the right-hand slope at the kink (PyTorch takes the negative side).
        => Assert.False(Lesson03.LeakyReluBackwardFromOutputs(Y, Upstream, [0.01, 0.02, 3, 4, 5]).Passed);

    [Fact]
    public void LeakyBackwardRejectsMultiplyingByTheOutput()
        // Mistake: upstream × y, as if y were the local slope.
        => Assert.False(Lesson03.LeakyReluBackwardFromOutputs(Y, Upstream, [-0.02, -0.01, 0, 6, 15]).Passed);

    [Fact]
    public void LeakyBackwardRejectsTheReluSlope()
        // Mistake: slope 0 on the negative side (ReLU's derivative).
        => Assert.False(Lesson03.LeakyReluBackwardFromOutputs(Y, Upstream, [0, 0, 0, 4, 5]).Passed);

    [Fact]
    public void LeakyBackwardRejectsTheLocalSlopesAlone()
        // Mistake: forgetting the upstream gradient.
        => Assert.False(Lesson03.LeakyReluBackwardFromOutputs(Y, Upstream, [0.01, 0.01, 0.01, 1, 1]).Passed);

    [Fact]
    public void LeakyBackwardReportsAMissingAnswer()
        => Assert.Equal(CheckOutcome.NoAnswer, Lesson03.LeakyReluBackwardFromOutputs(Y, Upstream, []).Outcome);

    private static readonly double[] Learned = [1, 1, 0.99, 1];

    [Fact]
    public void DyingRateAcceptsAMeasuredMajorityOfDeadUnitsAndAClosePrediction()
    {
        var r = Lesson03.DyingRate(0.5, 0.1, [0.39, 0.48, 0.44, 0.48], Learned, diverged: 0);
        Assert.True(r.Passed, r.ToString());
    }

    [Fact]
    public void DyingRateRejectsAFarPrediction()
    {
        // Mistake: a prediction written without thinking (or after the fact for another rate): 10% against 45% measured.
        var r = Lesson03.DyingRate(0.1, 0.1, [0.39, 0.48, 0.44, 0.48], Learned, diverged: 0);
        Assert.False(r.Passed);
        Assert.Contains("prediction", r.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DyingRateRejectsARateThatIsTooLow()
    {
        // Mistake: the default, gentle rate; few units die.
        var r = Lesson03.DyingRate(0.5, 0.001, [0.03, 0.0, 0.02, 0.05], Learned, diverged: 0);
        Assert.False(r.Passed);
        Assert.Contains("not above", r.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DyingRateRejectsARunThatDiverged()
        // Mistake: a rate so large that training blows up; dead counts of a diverged network mean nothing.
        => Assert.False(Lesson03.DyingRate(0.9, 100, [1, 1, 1], [double.NaN, 0.5, double.NaN], diverged: 2).Passed);

    [Fact]
    public void DyingRateRejectsARunThatDidNotLearn()
    {
        // Mistake: a rate at which one seed stays at chance (50% on two balanced classes) while most of its units die.
        var r = Lesson03.DyingRate(0.5, 0.3, [0.53, 0.47, 0.39, 0.61], [1, 1, 1, 0.5], diverged: 0);
        Assert.False(r.Passed);
        Assert.Contains("accuracy", r.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DyingRateRejectsAPercentAsAShare()
        // Mistake: "40" for 40%.
        => Assert.False(Lesson03.DyingRate(40, 0.1, [0.5, 0.5], [1, 1], diverged: 0).Passed);

    [Fact]
    public void DyingRateNeedsAPrediction()
        => Assert.Equal(CheckOutcome.NoAnswer, Lesson03.DyingRate(double.NaN, 0.1, [0.5], [1], 0).Outcome);

    // Exercise 3.3 runs at the rate exercise 3.2 accepted; these tests accept 3.2 at rate 0.1 first.
    private static void AcceptDyingRate(double rate) => Assert.True(Lesson03.DyingRate(0.45, rate, [0.45, 0.45], [1, 1], 0).Passed);

    [Fact]
    public void KeptAliveAcceptsLeakyReluAtTheDyingRate()
    {
        AcceptDyingRate(0.1);
        Assert.Equal(0.1, Lesson03.AcceptedDyingRate);
        Assert.True(Lesson03.KeptAlive("leaky_relu", 0.1, [0, 0, 0, 0], [1, 1, 0.99, 1], 0).Passed);
    }

    [Fact]
    public void KeptAliveAcceptsMaxoutAtTheDyingRate()
    {
        AcceptDyingRate(0.1);
        Assert.True(Lesson03.KeptAlive("maxout", 0.1, [0, 0, 0, 0], [1, 1, 1, 1], 0).Passed);
    }

    [Fact]
    public void KeptAliveRejectsReluItself()
    {
        // Mistake: leaving the activation unchanged.
        AcceptDyingRate(0.1);
        Assert.False(Lesson03.KeptAlive("relu", 0.1, [0.4, 0.5], [1, 1], 0).Passed);
    }

    [Fact]
    public void KeptAliveRejectsALowerRate()
    {
        // Mistake: "fixing" dying by lowering the rate, which is not the question.
        AcceptDyingRate(0.1);
        Assert.False(Lesson03.KeptAlive("maxout", 0.001, [0, 0], [1, 1], 0).Passed);
    }

    [Fact]
    public void KeptAliveRejectsAliveButNotLearning()
    {
        // Mistake: a remedy whose units pass gradient but whose network does not learn.
        AcceptDyingRate(0.1);
        Assert.False(Lesson03.KeptAlive("tanh", 0.1, [0, 0], [0.5, 1], 0).Passed);
    }

    [Fact]
    public void KeptAliveRejectsSilentUnits()
    {
        AcceptDyingRate(0.1);
        Assert.False(Lesson03.KeptAlive("softplus", 0.1, [0.2, 0.1], [1, 1], 0).Passed);
    }

    [Fact]
    public void KeptAliveWaitsForExercise32()
    {
        Assert.False(Lesson03.DyingRate(0.45, 0.001, [0.02], [1], 0).Passed); // a rejected 3.2 clears the accepted rate
        Assert.False(Lesson03.KeptAlive("maxout", 0.001, [0], [1], 0).Passed);
    }

    private static readonly double[][] Points = [[3, 0], [1, 1], [2, 1], [0, 0], [-1, 5]];

    [Fact]
    public void DeadBiasAcceptsMinusTheLargestProjection()
        // 0.5·x₁ + 0.5·x₂ is largest at (−1, 5): 2, so the unit is dead for every b ≤ −2.
        => Assert.True(Lesson03.DeadBias(Points, [0.5, 0.5], -2).Passed);

    [Fact]
    public void DeadBiasRejectsTheSmallestProjection()
        // Mistake: switching off only the easiest point (−min instead of −max).
        => Assert.False(Lesson03.DeadBias(Points, [0.5, 0.5], 0).Passed);

    [Fact]
    public void DeadBiasRejectsTheSignFlipped()
        // Mistake: +max.
        => Assert.False(Lesson03.DeadBias(Points, [0.5, 0.5], 2).Passed);

    [Fact]
    public void DeadBiasRejectsTheRadiusBound()
        // Mistake: −‖w‖·(largest radius), a bound that holds for any point in the disc but is not the data's own.
        => Assert.False(Lesson03.DeadBias(Points, [0.5, 0.5], -Math.Sqrt(0.5) * Math.Sqrt(26)).Passed);

    [Fact]
    public void DeadBiasReportsAMissingAnswer()
        => Assert.Equal(CheckOutcome.NoAnswer, Lesson03.DeadBias(Points, [0.5, 0.5], double.NaN).Outcome);
}
