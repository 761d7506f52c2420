using ActivationCourse.Gradients;
using ActivationCourse.Training;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Lib.Tests.Gradients;

public class EngineGradientsTests
{
    private static (Parameter W, Parameter B) Layer(float[] weightGradient, float[] biasGradient)
    {
        var w = new Parameter("W", 2, 3);
        var b = new Parameter("b", 1, 3);
        weightGradient.CopyTo(w.Gradient, 0);
        biasGradient.CopyTo(b.Gradient, 0);
        return (w, b);
    }

    [Fact]
    public void IdenticalGradientsDifferByNothing()
    {
        var (w, b) = Layer([1, -2, 3, 4, 5, -6], [0.5f, -0.25f, 2]);
        var dW = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, -2, 3 }, { 4, 5, -6 } });
        var dB = Vector<double>.Build.Dense([0.5, -0.25, 2]);
        var rows = EngineGradients.Compare([w, b], [dW], [dB]);
        Assert.Equal(["W1", "b1"], rows.Select(r => r.Name));
        Assert.All(rows, r => Assert.Equal(0, r.LargestDifference));
        Assert.Equal(6, rows[0].LargestGradient);
        Assert.Equal(2, rows[1].LargestGradient);
        Assert.Equal((2, 3), (rows[0].Rows, rows[0].Columns));
    }

    [Fact]
    public void FindsTheLargestDifferenceInRowMajorOrder()
    {
        var (w, b) = Layer([1, 2, 3, 4, 5, 6], [1, 1, 1]);
        var dW = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, 3 }, { 4, 5.5, 6 } });   // entry (1, 1) off by 0.5
        var dB = Vector<double>.Build.Dense([1, 1, 0.75]);
        var rows = EngineGradients.Compare([w, b], [dW], [dB]);
        Assert.Equal(0.5, rows[0].LargestDifference, 12);
        Assert.Equal(0.25, rows[1].LargestDifference, 12);
    }

    [Fact]
    public void RejectsMismatchedLayerCounts()
    {
        var (w, b) = Layer([0, 0, 0, 0, 0, 0], [0, 0, 0]);
        Assert.Throws<ArgumentException>(() => EngineGradients.Compare([w, b], [], []));
    }
}
