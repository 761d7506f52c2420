using ActivationCourse.Studies;


namespace ActivationCourse.Lib.Tests.Studies;

public class ZigZagDescentTests
{
    [Fact]
    public void PositiveInputsGiveSameSignUpdatesEveryStep()
    {
        var path = ZigZagDescent.Run(FormulaActivations.Sigmoid, 1, -1, learningRate: 0.5, steps: 200, batchSize: 1, seed: 1);
        Assert.Equal(200, path.SameSignUpdates);
        Assert.Equal(201, path.W1.Length);
        Assert.Equal(0, path.W1[0]);
    }

    [Fact]
    public void CenteredInputsMixSigns()
    {
        // Early on (before the error is rounded to exactly zero) about half the updates mix signs.
        var path = ZigZagDescent.Run(FormulaActivations.Tanh, 1, -1, learningRate: 0.5, steps: 60, batchSize: 1, seed: 1);
        Assert.InRange(path.SameSignUpdates, 15, 45);
        Assert.True(path.FinalDistance(1, -1) < 0.05);
    }

    [Fact]
    public void BatchesOfPositiveInputsCanMixSigns()
    {
        var path = ZigZagDescent.Run(FormulaActivations.Sigmoid, 1, -1, learningRate: 0.5, steps: 200, batchSize: 16, seed: 2);
        Assert.True(path.SameSignUpdates < 200);
    }
}
