using ActivationCourse.Exercises;

namespace ActivationCourse.Lib.Tests.Exercises;

public class Lesson03Tests
{
    private static readonly double[] Z = [-2, -0.5, 0, 1.5, 3];
    private static readonly double[] Upstream = [1, 2, 3, 4, 5];

    [Fact]
    public void LeakyBackwardAcceptsTheSolution()
        => Assert.True(Lesson03.LeakyReluBackward(Z, Upstream, [0.01, 0.02, 0.03, 4, 5]).Passed);

    [Fact]
    public void LeakyBackwardRejectsTheSlopeOneAtZero()
        // Mistake: the right-hand slope at the kink (PyTorch takes the negative side).
        => Assert.False(Lesson03.LeakyReluBackward(Z, Upstream, [0.01, 0.02, 3, 4, 5]).Passed);

    [Fact]
    public void LeakyBackwardRejectsTheForwardPass()
        // Mistake: multiplying z (the forward value) instead of the upstream gradient.
        => Assert.False(Lesson03.LeakyReluBackward(Z, Upstream, [-0.02, -0.005, 0, 1.5, 3]).Passed);

    [Fact]
    public void LeakyBackwardReportsAMissingAnswer()
        => Assert.Equal(CheckOutcome.NoAnswer, Lesson03.LeakyReluBackward(Z, Upstream, []).Outcome);

    [Fact]
    public void DyingRateAcceptsAMeasuredMajorityOfDeadUnits()
    {
        var r = Lesson03.DyingRate(0.3, 0.1, [0.39, 0.48, 0.34, 0.48], diverged: 0);
        Assert.True(r.Passed, r.ToString());
    }

    [Fact]
    public void DyingRateRejectsARateThatIsTooLow()
    {
        // Mistake: the default, gentle rate; few units die.
        var r = Lesson03.DyingRate(0.5, 0.001, [0.03, 0.0, 0.02, 0.05], diverged: 0);
        Assert.False(r.Passed);
        Assert.Contains("not above", r.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DyingRateRejectsARunThatDiverged()
        // Mistake: a rate so large that training blows up; dead counts of a diverged network mean nothing.
        => Assert.False(Lesson03.DyingRate(0.9, 100, [1, 1, 1], diverged: 2).Passed);

    [Fact]
    public void DyingRateRejectsAPercentAsAShare()
        // Mistake: "40" for 40%.
        => Assert.False(Lesson03.DyingRate(40, 0.1, [0.5, 0.5], diverged: 0).Passed);

    [Fact]
    public void DyingRateNeedsAPrediction()
        => Assert.Equal(CheckOutcome.NoAnswer, Lesson03.DyingRate(double.NaN, 0.1, [0.5], 0).Outcome);

    [Fact]
    public void KeptAliveAcceptsLeakyReluAtTheDyingRate()
        => Assert.True(Lesson03.KeptAlive("leaky_relu", 0.1, 0.1, [0, 0, 0, 0], [1, 1, 0.99, 1], 0).Passed);

    [Fact]
    public void KeptAliveRejectsReluItself()
        // Mistake: leaving the activation unchanged.
        => Assert.False(Lesson03.KeptAlive("relu", 0.1, 0.1, [0.4, 0.5], [1, 1], 0).Passed);

    [Fact]
    public void KeptAliveRejectsALowerRate()
        // Mistake: "fixing" dying by lowering the rate, which is not the question.
        => Assert.False(Lesson03.KeptAlive("maxout", 0.001, 0.1, [0, 0], [1, 1], 0).Passed);

    [Fact]
    public void KeptAliveRejectsAliveButNotLearning()
        // Mistake: a remedy whose units pass gradient but whose network does not learn (or diverged).
        => Assert.False(Lesson03.KeptAlive("tanh", 0.1, 0.1, [0, 0], [0.5, 1], 0).Passed);

    [Fact]
    public void KeptAliveWaitsForExercise32()
        => Assert.False(Lesson03.KeptAlive("maxout", 0.1, double.NaN, [0], [1], 0).Passed);

    private static readonly double[][] Points = [[3, 0], [1, 1], [2, 1], [0, 0], [-1, 5]];

    [Fact]
    public void ActiveShareAcceptsTheShare()
        // 0.5·x₁ + 0.5·x₂ − 1 > 0 for (3, 0), (2, 1), (−1, 5): 3 of 5.
        => Assert.True(Lesson03.ActiveShare(Points, [0.5, 0.5], -1, 0.6).Passed);

    [Fact]
    public void ActiveShareRejectsTheCount()
        // Mistake: the number of points, not the share.
        => Assert.False(Lesson03.ActiveShare(Points, [0.5, 0.5], -1, 3).Passed);

    [Fact]
    public void ActiveShareRejectsCountingTheBoundary()
        // Mistake: ≥ 0 instead of > 0 counts (1, 1), which sits exactly on the boundary.
        => Assert.False(Lesson03.ActiveShare(Points, [0.5, 0.5], -1, 0.8).Passed);
}
