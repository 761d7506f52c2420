using ActivationCourse.Activations;


namespace ActivationCourse.Lib.Tests.Activations;

public class CustomActivationTests
{
    private static readonly CustomActivation Square = new("Square (test)", x => x * x, x => 2 * x);

    [Fact]
    public void DelegatesDoTheMath()
    {
        Assert.Equal(9.0, Square.Forward(3.0));
        Assert.Equal(6.0, Square.Derivative(3.0));
        Assert.Equal("square_test", Square.Name);
        Assert.Empty(Square.Kinks);
    }

    [Fact]
    public void SpanPathsMatchTheScalarOnes()
    {
        double[] x = [-1.5, 0, 2];
        var y = new double[3];
        Square.Forward(x, y);
        Assert.Equal([2.25, 0, 4], y);
        var dx = new double[3];
        Square.Backward(x, [1.0, 1.0, 0.5], dx);
        Assert.Equal([-3.0, 0, 2.0], dx);
        var yf = new float[3];
        Square.Derivative([-1.5f, 0f, 2f], yf);
        Assert.Equal([-3f, 0f, 4f], yf);
    }

    [Fact]
    public void KinksAndBadLengths()
    {
        var abs = new CustomActivation("abs", Math.Abs, x => Math.Sign(x), 0.0);
        Assert.Equal([0.0], abs.Kinks);
        Assert.Throws<ArgumentException>(() => abs.Forward(new double[2], new double[3]));
        Assert.Throws<ArgumentNullException>(() => new CustomActivation("f", null!, x => x));
    }
}
