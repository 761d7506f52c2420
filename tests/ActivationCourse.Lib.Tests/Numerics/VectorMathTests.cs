using System.Numerics;
using ActivationCourse.Activations;
using ActivationCourse.Numerics;
using Xunit.Abstractions;

namespace ActivationCourse.Lib.Tests.Numerics;

/// <summary>
/// The vector exp, expm1, log1p, sin, cos and erf against Math.* (or a scalar formula built only from Math.*) over
/// many points spanning their whole range, the range-reduction boundaries and the special values. Errors are
/// measured in ulp of the correctly rounded type (double, or float for the float paths) and reported in the message.
/// </summary>
public class VectorMathTests(ITestOutputHelper output)
{
    private const double Ln2 = 0.69314718055994530942;

    // ---- references built from Math.* only ----
    // eˣ − 1 summed in decimal (28 digits) for 1e-10 ≤ |x| ≤ 2: the Taylor series of e^|x| (positive terms), then
    // e^|x| − 1 or 1/e^|x| − 1. Outside: x + x²/2 (tiny x) or Math.Exp(x) − 1 (at most 0.6 ulp of cancellation there).
    private static double ExpM1Reference(double x)
    {
        double a = Math.Abs(x);
        if (double.IsNaN(x) || a < 1e-10)
        {
            return x + 0.5 * x * x;
        }
        if (a > 2)
        {
            return Math.Exp(x) - 1;
        }
        decimal d = ToDecimal(a), e = 1, t = 1;
        for (int k = 1; t > 1e-28m * e; k++)
        {
            t *= d / k;
            e += t;
        }
        return (double)(x > 0 ? e - 1 : 1 / e - 1);
    }

    // (decimal)x keeps only 15 significant digits; adding the converted remainder gives x to ~28 digits.
    private static decimal ToDecimal(double x)
    {
        decimal d = (decimal)x;
        return d + (decimal)(x - (double)d);
    }

    private static double Log1PReference(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }
        if (double.IsPositiveInfinity(u) || u <= 0)
        {
            return Math.Log(u);
        }
        return Math.Log(u) - (u - 1.0 - x) / u; // first-order correction of the rounding of 1 + x
    }

    // erf x = 2/√π · e^(−x²) · Σ 2ⁿx^(2n+1)/(1·3·…·(2n+1)), all terms positive, summed in decimal (28 digits), with
    // e^(x²) from its Taylor series; ±1 beyond |x| = 6, where erfc < 2e-17 rounds away.
    private static double ErfReference(double x)
    {
        if (double.IsNaN(x) || Math.Abs(x) < 1e-10)
        {
            return 1.1283791670955125739 * x; // 2x/√π: the x³ term is below 1e-20 relative
        }
        if (Math.Abs(x) >= 6)
        {
            return Math.Sign(x);
        }
        decimal d = ToDecimal(x), d2 = d * d;
        decimal term = d, sum = d;
        for (int n = 1; term > 1e-27m * Math.Abs(sum) || term < -1e-27m * Math.Abs(sum); n++)
        {
            term *= 2 * d2 / (2 * n + 1);
            sum += term;
        }
        decimal e = 1, t = 1;
        for (int k = 1; t > 1e-27m * e; k++)
        {
            t *= d2 / k;
            e += t;
        }
        return (double)(1.1283791670955125738961589031m * sum / e);
    }

    // ---- evaluation and ulp measurement ----
    private static double[] Apply(double[] xs, Func<Vector<double>, Vector<double>> f)
    {
        int w = Vector<double>.Count;
        double[] padded = new double[(xs.Length + w - 1) / w * w];
        xs.CopyTo(padded, 0);
        double[] y = new double[padded.Length];
        for (int i = 0; i < padded.Length; i += w)
        {
            f(new Vector<double>(padded, i)).CopyTo(y, i);
        }
        return y[..xs.Length];
    }

    private static float[] Apply(float[] xs, Func<Vector<float>, Vector<float>> f)
    {
        int w = Vector<float>.Count;
        float[] padded = new float[(xs.Length + w - 1) / w * w];
        xs.CopyTo(padded, 0);
        float[] y = new float[padded.Length];
        for (int i = 0; i < padded.Length; i += w)
        {
            f(new Vector<float>(padded, i)).CopyTo(y, i);
        }
        return y[..xs.Length];
    }

    private static double UlpOf(double v)
    {
        double a = Math.Abs(v);
        return double.IsInfinity(a) ? double.PositiveInfinity : Math.BitIncrement(a) - a;
    }

    private static double UlpOf(float v)
    {
        float a = MathF.Abs(v);
        return float.IsInfinity(a) ? double.PositiveInfinity : (double)MathF.BitIncrement(a) - a;
    }

    private static bool SameSpecial(double expected, double actual) =>
        double.IsNaN(expected) ? double.IsNaN(actual) : expected == actual;

    /// <summary>Max error in ulp over xs (double); special results (NaN, ±∞) must match exactly.</summary>
    private static (double Ulp, double At) MaxUlp(double[] xs, Func<Vector<double>, Vector<double>> f, Func<double, double> reference)
    {
        double[] y = Apply(xs, f);
        double worst = 0, at = double.NaN;
        for (int i = 0; i < xs.Length; i++)
        {
            double e = reference(xs[i]);
            if (!double.IsFinite(e) || !double.IsFinite(y[i]))
            {
                Assert.True(SameSpecial(e, y[i]), $"x = {xs[i]:R}: expected {e:R}, got {y[i]:R}");
                continue;
            }
            double ulp = Math.Abs(y[i] - e) / UlpOf(e);
            if (ulp > worst)
            {
                (worst, at) = (ulp, xs[i]);
            }
        }
        return (worst, at);
    }

    /// <summary>Max error in float ulp over xs, against the double reference.</summary>
    private static (double Ulp, double At) MaxUlp(float[] xs, Func<Vector<float>, Vector<float>> f, Func<double, double> reference)
    {
        float[] y = Apply(xs, f);
        double worst = 0, at = double.NaN;
        for (int i = 0; i < xs.Length; i++)
        {
            double e = reference(xs[i]);
            float ef = (float)e;
            if (!float.IsFinite(ef) || !float.IsFinite(y[i]))
            {
                Assert.True(SameSpecial(ef, y[i]), $"x = {xs[i]:R}: expected {ef:R}, got {y[i]:R}");
                continue;
            }
            double ulp = Math.Abs(y[i] - e) / UlpOf(ef);
            if (ulp > worst)
            {
                (worst, at) = (ulp, xs[i]);
            }
        }
        return (worst, at);
    }

    private void Check(string what, (double Ulp, double At) r, double limit)
    {
        output.WriteLine($"{what}: max error {r.Ulp:F2} ulp (at x = {r.At:R})");
        Assert.True(r.Ulp <= limit, $"{what}: max error {r.Ulp:F2} ulp at x = {r.At:R} (limit {limit} ulp)");
    }

    // ---- point sets ----
    private static readonly double[] Specials = [0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1000, -1000, 1e300, -1e300];

    private static double[] Uniform(int n, double lo, double hi, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => lo + (hi - lo) * rng.NextDouble())];
    }

    // ±10^u for u uniform in [lo, hi]: tiny to large magnitudes.
    private static double[] LogUniform(int n, double lo, double hi, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (rng.Next(2) == 0 ? -1 : 1) * Math.Pow(10, lo + (hi - lo) * rng.NextDouble()))];
    }

    // v and its neighbours a few ulp either side.
    private static IEnumerable<double> Around(double v)
    {
        double lo = v, hi = v;
        yield return v;
        for (int i = 0; i < 3; i++)
        {
            lo = Math.BitDecrement(lo);
            hi = Math.BitIncrement(hi);
            yield return lo;
            yield return hi;
        }
    }

    private static float[] ToFloat(IEnumerable<double> xs) => [.. xs.Select(v => (float)v)];

    private static double[] ExpPoints()
    {
        var xs = new List<double>(Specials);
        xs.AddRange(Uniform(20000, -745.2, 709.8, 1));
        xs.AddRange(Uniform(5000, -745.2, -708.3, 2)); // subnormal results
        xs.AddRange(Uniform(5000, -1, 1, 3));
        xs.AddRange(LogUniform(2000, -320, 0, 4));
        for (int k = -1075; k <= 1024; k += 7)
        {
            xs.AddRange(Around((k + 0.5) * Ln2)); // reduction boundaries: r = ±ln2/2
        }
        xs.AddRange(Around(709.782712893384)); // the largest finite result
        xs.AddRange(Around(-745.1332191019411)); // the smallest subnormal result
        xs.AddRange(Around(-708.3964185322641)); // the smallest normal result
        return [.. xs];
    }

    [Fact]
    public void ExpMatchesMathExp()
    {
        double[] xs = ExpPoints();
        Check("exp double", MaxUlp(xs, VectorMath.Exp, Math.Exp), 1.5);
        float[] xf = ToFloat(xs.Where(v => v is > -110 and < 95 || !double.IsFinite(v) || Math.Abs(v) >= 1000));
        Check("exp float", MaxUlp(xf, VectorMath.Exp, Math.Exp), 1.5);
    }

    [Fact]
    public void ExpLimitsAndSpecialValues()
    {
        double[] y = Apply([0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1000, -1000, 709.79, -745.2], VectorMath.Exp);
        Assert.Equal([1.0, 1.0, double.PositiveInfinity, 0.0, double.NaN, double.PositiveInfinity, 0.0, double.PositiveInfinity, 0.0], y);
        Assert.Equal(double.Epsilon, Apply([-745.1], VectorMath.Exp)[0]);
        float[] f = Apply([0f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, 1000f, -1000f, 88.8f, -104f], VectorMath.Exp);
        Assert.Equal([1f, float.PositiveInfinity, 0f, float.NaN, float.PositiveInfinity, 0f, float.PositiveInfinity, 0f], f);
        Assert.Equal(float.Epsilon, Apply([-103.5f], VectorMath.Exp)[0]);
    }

    [Fact]
    public void ExpM1MatchesDecimalSeries()
    {
        var xs = new List<double>(Specials);
        xs.AddRange(Uniform(10000, -70, 70, 5));
        xs.AddRange(Uniform(1000, 70, 709.7, 17));
        xs.AddRange(Uniform(10000, -0.5, 0.5, 6));
        xs.AddRange(LogUniform(5000, -320, 0, 7));
        xs.AddRange(Around(Ln2 / 2));
        xs.AddRange(Around(-Ln2 / 2));
        Check("expm1 double", MaxUlp([.. xs], VectorMath.ExpM1, ExpM1Reference), 2.5);
        float[] xf = ToFloat(xs.Where(v => v < 88 || !double.IsFinite(v) || v >= 1000));
        Check("expm1 float", MaxUlp(xf, VectorMath.ExpM1, ExpM1Reference), 2.5);
        Assert.Equal([-0.0, -1.0, double.PositiveInfinity], Apply([-0.0, double.NegativeInfinity, double.PositiveInfinity], VectorMath.ExpM1));
        Assert.True(double.IsNegative(Apply([-0.0], VectorMath.ExpM1)[0]));
    }

    [Fact]
    public void Log1PMatchesCorrectedMathLog()
    {
        var xs = new List<double>(Specials);
        xs.AddRange(LogUniform(20000, -320, 308, 8).Select(Math.Abs));
        xs.AddRange(Uniform(20000, -1, 3, 9));
        xs.AddRange(LogUniform(5000, -300, 0, 10));
        xs.AddRange(Around(-1 + 1e-10));
        xs.AddRange(Around(Math.Sqrt(2) - 1)); // the mantissa split at √2
        xs.AddRange(Around(Math.Sqrt(0.5) - 1));
        xs.AddRange([-1.0, -1.5, double.MaxValue, double.Epsilon, -double.Epsilon]);
        Check("log1p double", MaxUlp([.. xs], VectorMath.Log1P, Log1PReference), 2.5);
        Check("log1p float", MaxUlp(ToFloat(xs), VectorMath.Log1P, Log1PReference), 2.5);
        double[] y = Apply([-1.0, -2.0, double.PositiveInfinity, double.NaN, -0.0], VectorMath.Log1P);
        Assert.Equal([double.NegativeInfinity, double.NaN, double.PositiveInfinity, double.NaN, -0.0], y);
    }

    [Fact]
    public void Log1PUnitMatchesCorrectedMathLogOnZeroToOne()
    {
        var xs = new List<double>(Uniform(20000, 0, 1, 20));
        xs.AddRange(LogUniform(5000, -320, 0, 21).Select(Math.Abs));
        xs.AddRange([0.0, 1.0, double.Epsilon]);
        Check("log1p on [0, 1] double", MaxUlp([.. xs], VectorMath.Log1PUnit, Log1PReference), 2.5);
        Check("log1p on [0, 1] float", MaxUlp(ToFloat(xs), VectorMath.Log1PUnit, Log1PReference), 2.5);
        Assert.True(double.IsNaN(Apply([double.NaN], VectorMath.Log1PUnit)[0]));
    }

    [Fact]
    public void SinAndCosMatchMath()
    {
        var xs = new List<double>(Specials);
        xs.AddRange(Uniform(20000, -10, 10, 11));
        xs.AddRange(LogUniform(20000, -320, 6, 12));
        xs.AddRange(LogUniform(200, 6, 300, 13)); // beyond the vector reduction: scalar fallback
        for (int k = -2000; k <= 2000; k += 3)
        {
            xs.AddRange(Around(k * Math.PI / 4)); // quadrant boundaries (odd k) and near zeros (even k)
        }
        double[] arr = [.. xs];
        Check("sin double", MaxUlp(arr, VectorMath.Sin, Math.Sin), 2.0);
        Check("cos double", MaxUlp(arr, VectorMath.Cos, Math.Cos), 2.0);
        float[] xf = ToFloat(xs);
        Check("sin float", MaxUlp(xf, VectorMath.Sin, Math.Sin), 2.0);
        Check("cos float", MaxUlp(xf, VectorMath.Cos, Math.Cos), 2.0);
    }

    [Fact]
    public void ErfMatchesDecimalSeries()
    {
        var xs = new List<double>(Specials);
        xs.AddRange(Uniform(20000, -7, 7, 14));
        xs.AddRange(LogUniform(5000, -320, 0.5, 15));
        foreach (double b in new[] { 2.0, -2.0, 6.0, -6.0 })
        {
            xs.AddRange(Around(b)); // the switch between the two fits, and the clamp
        }
        Check("erf double", MaxUlp([.. xs], VectorMath.Erf, ErfReference), 2.5);
        Check("erf float", MaxUlp(ToFloat(xs), VectorMath.Erf, ErfReference), 2.5);
        double[] y = Apply([double.PositiveInfinity, double.NegativeInfinity, double.NaN, -0.0, 1000, -1000], VectorMath.Erf);
        Assert.Equal([1.0, -1.0, double.NaN, -0.0, 1.0, -1.0], y);
    }

    [Fact]
    public void AtanMatchesMathAtan()
    {
        var xs = new List<double>(Specials);
        xs.AddRange(Uniform(20000, -10, 10, 18));
        xs.AddRange(LogUniform(20000, -320, 308, 19));
        foreach (double b in new[] { 0.41421356237309503, 2.414213562373095, 1.0 })
        {
            xs.AddRange(Around(b)); // the reduction boundaries tan(π/8), tan(3π/8)
            xs.AddRange(Around(-b));
        }
        Check("atan double", MaxUlp([.. xs], VectorMath.Atan, Math.Atan), 2.5);
        Check("atan float", MaxUlp(ToFloat(xs), VectorMath.Atan, Math.Atan), 2.5);
        double[] y = Apply([double.PositiveInfinity, double.NegativeInfinity, double.NaN, -0.0], VectorMath.Atan);
        Assert.Equal([Math.PI / 2, -Math.PI / 2, double.NaN, -0.0], y);
        Assert.True(double.IsNegative(y[3]));
    }

    [Fact]
    public void SigmoidHasNoOverflow()
    {
        double[] y = Apply([-1000, 1000, double.NegativeInfinity, double.PositiveInfinity, 0, double.NaN], VectorMath.Sigmoid);
        Assert.Equal([0.0, 1.0, 0.0, 1.0, 0.5, double.NaN], y);
        double[] xs = Uniform(20000, -740, 40, 16);
        Check("sigmoid double", MaxUlp(xs, VectorMath.Sigmoid, SpecialFunctions.Sigmoid), 3.0);
    }
}
