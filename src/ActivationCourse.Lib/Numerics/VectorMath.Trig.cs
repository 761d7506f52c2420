using System.Numerics;
using System.Runtime.CompilerServices;
using ActivationCourse.Activations;

namespace ActivationCourse.Numerics;

// sin and cos. Range reduction x = n·π/2 + r, |r| ≤ π/4, with π/2 split into three parts (four for float; Cody–Waite:
// all but the last short enough that n times them is exact), then the Taylor polynomials of sin r and cos r, picked and negated by
// n mod 4. The reduction is exact enough for |x| ≤ 1e6 (double) and 8192 (float); a vector holding a larger |x|
// (or ±∞) is computed lane by lane with the scalar function, which does the full reduction.
internal static partial class VectorMath
{
    private const double TwoOverPi = 0.63661977236758134308;
    private const double PiOver2A = 1.5707963267341256;         // 33 bits
    private const double PiOver2B = 6.077100506303966e-11;      // next 33 bits
    private const double PiOver2C = 2.0222662487959506e-21;     // the rest
    private const float PiOver2AF = 1.5703125f;                 // 11 bits
    private const float PiOver2BF = 0.0004837512969970703f;     // 10 bits
    private const float PiOver2CF = 7.549533620476723e-08f;     // 11 bits
    private const float PiOver2DF = 2.563344151594519e-12f;     // the rest

    // sin r = r + r·r²·S(r²), S: (−1)ʲ/(2j + 1)! for j = 8 … 1; cos r = 1 + r²·C(r²), C: (−1)ʲ/(2j)! for j = 9 … 1.
    // Truncation on |r| ≤ π/4 below 1e-17 relative (float: j up to 5 and 5, below 1e-9).
    private static ReadOnlySpan<double> SinSeries =>
    [
        1.0 / 355687428096000, -1.0 / 1307674368000, 1.0 / 6227020800, -1.0 / 39916800, 1.0 / 362880, -1.0 / 5040,
        1.0 / 120, -1.0 / 6,
    ];

    private static ReadOnlySpan<double> CosSeries =>
    [
        -1.0 / 6402373705728000, 1.0 / 20922789888000, -1.0 / 87178291200, 1.0 / 479001600, -1.0 / 3628800, 1.0 / 40320,
        -1.0 / 720, 1.0 / 24, -0.5,
    ];

    private static ReadOnlySpan<float> SinSeriesF => [-1f / 39916800, 1f / 362880, -1f / 5040, 1f / 120, -1f / 6];

    private static ReadOnlySpan<float> CosSeriesF => [-1f / 3628800, 1f / 40320, -1f / 720, 1f / 24, -0.5f];

    // quadrantShift 0 gives sin x, 1 gives cos x = sin(x + π/2).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector<double> SinCos(Vector<double> x, int quadrantShift)
    {
        if (Vector.GreaterThanAny(Vector.Abs(x), new Vector<double>(1e6)))
        {
            return quadrantShift == 0 ? Simd.PerLane(x, Math.Sin) : Simd.PerLane(x, Math.Cos);
        }
        Vector<double> t = x * new Vector<double>(TwoOverPi) + new Vector<double>(RoundD);
        Vector<double> n = t - new Vector<double>(RoundD);
        Vector<double> r = x - n * new Vector<double>(PiOver2A) - n * new Vector<double>(PiOver2B) - n * new Vector<double>(PiOver2C);
        Vector<double> r2 = r * r;
        Vector<double> sin = r + r * r2 * Polynomial(r2, SinSeries);
        Vector<double> cos = Vector<double>.One + r2 * Polynomial(r2, CosSeries);
        // n mod 4 sits in the low bits of t (1.5·2⁵² + n; 2⁵¹ is a multiple of 4).
        Vector<long> q = Vector.AsVectorInt64(t) + new Vector<long>(quadrantShift);
        Vector<double> v = Vector.ConditionalSelect(Vector.Equals(q & Vector<long>.One, Vector<long>.One), cos, sin);
        return Vector.ConditionalSelect(Vector.Equals(q & new Vector<long>(2), new Vector<long>(2)), -v, v);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector<float> SinCos(Vector<float> x, int quadrantShift)
    {
        if (Vector.GreaterThanAny(Vector.Abs(x), new Vector<float>(8192f)))
        {
            return quadrantShift == 0 ? Simd.PerLane(x, MathF.Sin) : Simd.PerLane(x, MathF.Cos);
        }
        Vector<float> t = x * new Vector<float>((float)TwoOverPi) + new Vector<float>(RoundF);
        Vector<float> n = t - new Vector<float>(RoundF);
        Vector<float> r = x - n * new Vector<float>(PiOver2AF) - n * new Vector<float>(PiOver2BF) - n * new Vector<float>(PiOver2CF) - n * new Vector<float>(PiOver2DF);
        Vector<float> r2 = r * r;
        Vector<float> sin = r + r * r2 * Polynomial(r2, SinSeriesF);
        Vector<float> cos = Vector<float>.One + r2 * Polynomial(r2, CosSeriesF);
        Vector<int> q = Vector.AsVectorInt32(t) + new Vector<int>(quadrantShift);
        Vector<float> v = Vector.ConditionalSelect(Vector.Equals(q & Vector<int>.One, Vector<int>.One), cos, sin);
        return Vector.ConditionalSelect(Vector.Equals(q & new Vector<int>(2), new Vector<int>(2)), -v, v);
    }
}
