using ActivationCourse.Experiments;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Lib.Tests.Experiments;

public class AffineStackTests
{
    [Fact]
    public void CollapseOfTwoLayersIsTheProductAndTheCarriedBias()
    {
        var w1 = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });
        var b1 = Vector<double>.Build.Dense([1, -1]);
        var w2 = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, -1 } });
        var b2 = Vector<double>.Build.Dense([0.5]);
        var single = new AffineStack([new AffineLayer(w1, b1), new AffineLayer(w2, b2)]).Collapse();

        // W = W2·W1 = [2·1 − 3, 2·2 − 4] = [−1, 0]; b = W2·b1 + b2 = 2·1 − (−1) + 0.5 = 3.5
        Assert.Equal(-1, single.Weights[0, 0], 12);
        Assert.Equal(0, single.Weights[0, 1], 12);
        Assert.Equal(3.5, single.Bias[0], 12);
    }

    [Fact]
    public void RandomStackAgreesWithItsCollapseUpToRounding()
    {
        var stack = AffineStack.Random([4, 8, 6, 3], seed: 7);
        Assert.Equal(3, stack.Layers.Count);
        Assert.Equal(4, stack.Inputs);
        Assert.Equal(3, stack.Outputs);
        double difference = stack.MaxDifferenceFromCollapsed(samples: 100, seed: 3);
        Assert.InRange(difference, 0, 1e-10);

        var x = Vector<double>.Build.Dense([0.3, -1.2, 2.0, 0.1]);
        var collapsed = stack.Collapse();
        Assert.Equal(3, collapsed.Outputs);
        Assert.Equal(4, collapsed.Inputs);
        Assert.True((stack.Apply(x) - collapsed.Apply(x)).AbsoluteMaximum() < 1e-10);
    }

    [Fact]
    public void SameSeedSameStack()
    {
        var a = AffineStack.Random([2, 3, 1], seed: 5).Collapse();
        var b = AffineStack.Random([2, 3, 1], seed: 5).Collapse();
        Assert.Equal(a.Weights, b.Weights);
        Assert.Equal(a.Bias, b.Bias);
    }

    [Fact]
    public void RejectsLayersThatDoNotChain()
    {
        var l1 = new AffineLayer(Matrix<double>.Build.Dense(3, 2), Vector<double>.Build.Dense(3));
        var l2 = new AffineLayer(Matrix<double>.Build.Dense(1, 4), Vector<double>.Build.Dense(1));
        Assert.Throws<ArgumentException>(() => new AffineStack([l1, l2]));
        Assert.Throws<ArgumentException>(() => new AffineStack([]));
        Assert.Throws<ArgumentException>(() => AffineStack.Random([3], seed: 1));
    }
}
