using ActivationCourse.Gradients;


namespace ActivationCourse.Lib.Tests.Gradients;

public class FunctionScanTests
{
    [Fact]
    public void MinimumOfAParabolaIsItsVertex()
    {
        var (x, v) = FunctionScan.Minimum(t => ((t - 0.3) * (t - 0.3)) - 2, -5, 5);
        Assert.Equal(0.3, x, 6);
        Assert.Equal(-2, v, 12);
    }

    [Fact]
    public void MinimumOfXTimesExpXIsAtMinusOne()
    {
        // d/dx (x eˣ) = (1 + x) eˣ = 0 at x = −1, value −1/e.
        var (x, v) = FunctionScan.Minimum(t => t * Math.Exp(t), -6, 2);
        Assert.Equal(-1, x, 6);
        Assert.Equal(-1 / Math.E, v, 12);
    }

    [Fact]
    public void MinimumAtTheEndOfTheInterval()
    {
        var (x, v) = FunctionScan.Minimum(t => t, 1, 2);
        Assert.Equal(1, x, 9);
        Assert.Equal(1, v, 9);
    }

    [Fact]
    public void MaxAbsDifferenceFindsTheWidestGap()
    {
        var (x, d) = FunctionScan.MaxAbsDifference(Math.Sin, t => 0, 0, Math.PI, 1001);
        Assert.Equal(Math.PI / 2, x, 9);
        Assert.Equal(1, d, 12);
    }

    [Fact]
    public void EmptyIntervalThrows() => Assert.Throws<ArgumentException>(() => FunctionScan.Minimum(t => t, 2, 1));
}
