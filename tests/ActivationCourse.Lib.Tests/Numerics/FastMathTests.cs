using System.Numerics;
using ActivationCourse.Activations;
using ActivationCourse.Numerics;

namespace ActivationCourse.Lib.Tests.Numerics;

public class FastMathTests
{
    private static double UlpOf(float v) => (double)MathF.BitIncrement(MathF.Abs(v)) - MathF.Abs(v);

    private static double UlpOf(double v) => Math.BitIncrement(Math.Abs(v)) - Math.Abs(v);

    [Fact]
    public void FloatExpIsWithinTwoUlpOfMathExpOnEveryLengthTailIncluded()
    {
        foreach (int length in new[] { 1, Vector<float>.Count - 1, Vector<float>.Count + 3, 1001 })
        {
            var x = Enumerable.Range(0, length).Select(i => -80f + (160f * i / length)).ToArray();
            var y = new float[length];
            FastMath.Exp(x, y);
            for (int i = 0; i < length; i++)
            {
                double exact = Math.Exp(x[i]);
                Assert.True(Math.Abs(y[i] - exact) <= 2 * UlpOf((float)exact), $"e^{x[i]}: {y[i]} against {exact}");
            }
        }
    }

    [Fact]
    public void DoubleExpIsWithinTwoUlpOfMathExp()
    {
        var x = Enumerable.Range(0, 2003).Select(i => -700.0 + (1400.0 * i / 2003)).ToArray();
        var y = new double[x.Length];
        FastMath.Exp(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            double exact = Math.Exp(x[i]);
            Assert.True(Math.Abs(y[i] - exact) <= 2 * UlpOf(exact), $"e^{x[i]}: {y[i]} against {exact}");
        }
    }

    [Fact]
    public void ExpSpecialValues()
    {
        float[] x = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 100f, -200f, 0f];
        var y = new float[x.Length];
        FastMath.Exp(x, y);
        Assert.True(float.IsNaN(y[0]));
        Assert.Equal(float.PositiveInfinity, y[1]);
        Assert.Equal(0f, y[2]);
        Assert.Equal(float.PositiveInfinity, y[3]);
        Assert.Equal(0f, y[4]);
        Assert.Equal(1f, y[5]);
    }

    [Fact]
    public void ErfMatchesTheScalarReferenceInBothPrecisions()
    {
        var xd = Enumerable.Range(0, 1201).Select(i => -7.0 + (14.0 * i / 1200)).ToArray();
        var yd = new double[xd.Length];
        FastMath.Erf(xd, yd);
        var xf = xd.Select(v => (float)v).ToArray();
        var yf = new float[xf.Length];
        FastMath.Erf(xf, yf);
        for (int i = 0; i < xd.Length; i++)
        {
            double exact = SpecialFunctions.Erf(xd[i]);
            Assert.True(Math.Abs(yd[i] - exact) <= 8 * UlpOf(exact) + 1e-300, $"erf {xd[i]}: {yd[i]} against {exact}");
            double exactF = SpecialFunctions.Erf(xf[i]);
            Assert.True(Math.Abs(yf[i] - exactF) <= 3 * UlpOf((float)exactF) + 1e-45, $"erf {xf[i]}f: {yf[i]} against {exactF}");
        }
    }

    [Fact]
    public void LengthsMustMatch() =>
        Assert.Throws<ArgumentException>(() => FastMath.Exp(new float[3], new float[2]));
}
