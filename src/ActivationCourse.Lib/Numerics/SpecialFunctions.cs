using System.Numerics;
using ActivationCourse.Activations;

namespace ActivationCourse.Numerics;

/// <summary>
/// Accurate scalar building blocks: expm1, log1p, the logistic function, erf and erfc.
/// (.NET's ExpM1/LogP1 are computed as exp(x) − 1 and log(1 + x), which lose digits near 0.)
/// </summary>
public static class SpecialFunctions
{
    /// <summary>exp(x) − 1 without cancellation near 0 (Kahan's trick: (u − 1)·x / log u with u = exp x).</summary>
    public static T ExpM1<T>(T x) where T : IFloatingPointIeee754<T>
    {
        T u = T.Exp(x);
        if (u == T.One)
        {
            return x;
        }
        T um1 = u - T.One;
        if (um1 == -T.One || T.IsPositiveInfinity(u))
        {
            return um1;
        }
        return um1 * x / T.Log(u);
    }

    /// <summary>log(1 + x) without cancellation near 0 (Goldberg's trick: log(u)·x / (u − 1) with u = 1 + x).</summary>
    public static T Log1P<T>(T x) where T : IFloatingPointIeee754<T>
    {
        T u = T.One + x;
        if (u == T.One)
        {
            return x;
        }
        if (T.IsPositiveInfinity(u) || u == T.Zero)
        {
            return T.Log(u);
        }
        return T.Log(u) * (x / (u - T.One)); // the ratio first: log(u)·x overflows for x near MaxValue
    }

    /// <summary>The logistic function 1/(1 + e^(−x)), evaluated so that neither branch overflows.</summary>
    public static T Sigmoid<T>(T x) where T : IFloatingPointIeee754<T>
    {
        if (x >= T.Zero)
        {
            return T.One / (T.One + T.Exp(-x));
        }
        T e = T.Exp(x);
        return e / (T.One + e);
    }

    /// <summary>log(1 + e^x) for any x: max(x, 0) + log1p(e^(−|x|)).</summary>
    public static T Softplus<T>(T x) where T : IFloatingPointIeee754<T>
    {
        if (T.IsNaN(x))
        {
            return x;
        }
        return T.Max(x, T.Zero) + Log1P(T.Exp(-T.Abs(x)));
    }

    private const double TwoOverSqrtPi = 1.1283791670955125738961589031215452;
    private const double OneOverSqrtPi = 0.56418958354775628694807945156077259;

    /// <summary>
    /// The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt, to a few ulp in double.
    /// |x| &lt; 2: the positive-term series erf x = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1));
    /// otherwise 1 − erfc(|x|) from the continued fraction.
    /// </summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        double a = Math.Abs(x);
        if (a < 2.0)
        {
            return ErfSeries(x);
        }
        double r = 1.0 - ErfcContinuedFraction(a);
        return x < 0 ? -r : r;
    }

    /// <summary>
    /// The complementary error function erfc(x) = 1 − erf(x), accurate in relative terms for large x
    /// (Laplace's continued fraction for x ≥ 2, evaluated with the modified Lentz method).
    /// </summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        if (x >= 2.0)
        {
            return ErfcContinuedFraction(x);
        }
        if (x <= -2.0)
        {
            return 2.0 - ErfcContinuedFraction(-x);
        }
        return 1.0 - ErfSeries(x);
    }

    /// <summary>The standard normal CDF Φ(x) = erfc(−x/√2)/2.</summary>
    public static double NormalCdf(double x) => 0.5 * Erfc(-x * 0.70710678118654752440084436210484904);

    /// <summary>The standard normal density φ(x) = e^(−x²/2)/√(2π).</summary>
    public static double NormalPdf(double x) => 0.39894228040143267793994605993438187 * Math.Exp(-0.5 * x * x);

    private static double ErfSeries(double x)
    {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++)
        {
            term *= 2.0 * x2 / (2 * n + 1);
            sum += term;
            if (Math.Abs(term) <= 1e-17 * Math.Abs(sum))
            {
                break;
            }
        }
        return TwoOverSqrtPi * ExpMinusSquare(x) * sum;
    }

    // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), x ≥ 2.
    private static double ErfcContinuedFraction(double x)
    {
        if (x > 40.0)
        {
            return 0.0;
        }
        const double tiny = 1e-300;
        double f = x;
        double c = f;
        double d = 0.0;
        for (int n = 1; n < 5000; n++)
        {
            double an = 0.5 * n;
            d = x + an * d;
            d = Math.Abs(d) < tiny ? 1.0 / tiny : 1.0 / d;
            c = x + an / c;
            if (Math.Abs(c) < tiny)
            {
                c = tiny;
            }
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1.0) < 2e-17)
            {
                break;
            }
        }
        return OneOverSqrtPi * ExpMinusSquare(x) / f;
    }

    // e^(−x²) with x² split exactly into hi + lo, so large x loses no digits to the rounding of x².
    private static double ExpMinusSquare(double x)
    {
        double hi = x * x;
        double lo = Math.FusedMultiplyAdd(x, x, -hi);
        return Math.Exp(-hi) * (1.0 - lo);
    }
}
