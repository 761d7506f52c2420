using ActivationCourse.Activations;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Lib.Tests.Activations;

/// <summary>
/// The float and double versions of softmax, log-softmax, softmax cross-entropy and the MathNet helpers share one generic
/// body each. Fed the same values (float logits widened to double), the ones computed in double give the same bits in
/// both types, and softmax, computed in each type, agrees to float's rounding of the exponent.
/// </summary>
public class FloatDoubleTwinTests
{
    private const int Classes = 10;

    private static (float[] Single, double[] Double) Logits(int rows, int seed)
    {
        var rng = new Random(seed);
        var single = new float[rows * Classes];
        for (int i = 0; i < single.Length; i++)
        {
            single[i] = (float)(rng.NextDouble() * 20 - 10);
        }
        return (single, [.. single.Select(v => (double)v)]);
    }

    [Fact]
    public void CrossEntropyGivesTheSameLossAndGradientInBothTypes()
    {
        var (zf, zd) = Logits(rows: 7, seed: 3);
        int[] labels = [0, 9, 3, 3, 5, 1, 8];
        var gf = new float[zf.Length];
        var gd = new double[zd.Length];
        double lossF = SoftmaxCrossEntropy.LossAndGradient(zf, labels, Classes, gf);
        double lossD = SoftmaxCrossEntropy.LossAndGradient(zd, labels, Classes, gd);
        Assert.Equal(lossD, lossF);
        Assert.Equal(lossD, SoftmaxCrossEntropy.Loss(zf, labels, Classes));
        Assert.Equal(lossD, SoftmaxCrossEntropy.Loss(zd, labels, Classes));
        Assert.Equal(gd.Select(v => (float)v), gf);
    }

    [Fact]
    public void LogSoftmaxGivesTheSameValuesInBothTypes()
    {
        var (zf, zd) = Logits(rows: 5, seed: 4);
        var lf = new float[zf.Length];
        var ld = new double[zd.Length];
        Softmax.LogForward(zf, Classes, lf, temperature: 0.7);
        Softmax.LogForward(zd, Classes, ld, temperature: 0.7);
        Assert.Equal(ld.Select(v => (float)v), lf);
    }

    [Fact]
    public void SoftmaxAgreesToFloatRoundingInBothTypes()
    {
        var (zf, zd) = Logits(rows: 5, seed: 5);
        var pf = new float[zf.Length];
        var pd = new double[zd.Length];
        Softmax.Forward(zf, Classes, pf, temperature: 2.0);
        Softmax.Forward(zd, Classes, pd, temperature: 2.0);
        for (int i = 0; i < pf.Length; i++)
        {
            // Float rounds the argument (z − max)/T, up to 10 here, to half an ulp of 8 (4.8e-7), which e^x turns into the
            // same relative error; a few float ulp of the result come on top.
            double argument = Math.Abs(Math.Log(pd[i] / pd.Skip(i / Classes * Classes).Take(Classes).Max()));
            double ulp = MathF.BitIncrement((float)pd[i]) - (float)pd[i];
            double bound = (argument * 6e-8 * 2 + 4 * 6e-8) * pd[i] + ulp;
            Assert.True(Math.Abs(pf[i] - pd[i]) <= bound, $"p[{i}]: float {pf[i]}, double {pd[i]}");
        }
    }

    [Fact]
    public void MathNetHelpersMatchTheSpanMethodsInBothTypes()
    {
        var f = ActivationRegistry.Get("softplus");
        var (xf, xd) = Logits(rows: 2, seed: 6);
        var yf = new float[xf.Length];
        var yd = new double[xd.Length];
        f.Forward(xf, yf);
        f.Derivative(xd, yd);
        Assert.Equal(yf, f.Forward(Vector<float>.Build.Dense(xf)).ToArray());
        Assert.Equal(yd, f.Derivative(Matrix<double>.Build.Dense(4, 5, xd)).ToColumnMajorArray());
    }
}
