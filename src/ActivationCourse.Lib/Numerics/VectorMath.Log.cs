using System.Numerics;
using System.Runtime.CompilerServices;

namespace ActivationCourse.Numerics;

// log1p. u = 1 + x is split into 2ᵏ·m with m in [√½, √2) from its bits. With f = m − 1 and s = f/(2 + f) (|s| ≤ 0.172),
// log m = 2·atanh s = 2s + s·R(s²), R = Σ_{j≥1} 2s²ʲ/(2j + 1), rearranged as f − (f²/2 − s·(f²/2 + R)) so that the
// leading term f is exact (the fdlibm arrangement). The rounding error of 1 + x is added back as (x − (u − 1))/u.
// u is never subnormal (it is 0 or at least 2⁻⁵³), so reading the exponent field is enough.
internal static partial class VectorMath
{
    // 2/(2j + 1) for j = 10 … 1 (float: 4 … 1): R(s²)/s² as a polynomial in s², truncation < 1e-17 (4e-9).
    private static ReadOnlySpan<double> AtanhSeries =>
        [2.0 / 21, 2.0 / 19, 2.0 / 17, 2.0 / 15, 2.0 / 13, 2.0 / 11, 2.0 / 9, 2.0 / 7, 2.0 / 5, 2.0 / 3];

    private static ReadOnlySpan<float> AtanhSeriesF => [2f / 9, 2f / 7, 2f / 5, 2f / 3];

    // log(1 + e)/e on 0 ≤ e ≤ 1 as a polynomial in e, highest coefficient first: Chebyshev interpolants of degree 20
    // (double, truncation below 1.1e-17 relative) and 9 (float, 5.4e-9), so that log(1 + e) = e·P(e) keeps its relative
    // accuracy as e → 0 and needs no division. The float one replaced the atanh series in s = e/(2 + e), whose division
    // held softplus below half the sigmoid's speed; the double one followed, so both types compute it one way (Horner's
    // rule, within 1.8 ulp in both types; evaluating in pairs or by Estrin's scheme measured slower here).
    private static ReadOnlySpan<double> Log1PUnitSeries =>
    [
        2.4437973948580947e-05, -0.0002827421139374107, 0.0015535244034334333, -0.0054217339910016095,
        0.013598778090617254, -0.026398779480743217, 0.041925709853904154, -0.05718978534193906, 0.07015296236526472,
        -0.08070954578430206, 0.09009095815198633, -0.09979768096586568, 0.11107211585299538, -0.12499427063514382,
        0.14285651975275926, -0.16666661848248537, 0.19999999749856523, -0.24999999992009522, 0.33333333333197523,
        -0.4999999999999908, 1.0,
    ];

    private static ReadOnlySpan<float> Log1PUnitSeriesF =>
        [-0.003176057f, 0.019542526f, -0.05637361f, 0.105436236f, -0.15269667f, 0.19663274f, -0.24951616f, 0.3332971f, -0.49999893f, 1f];

    /// <summary>log(1 + e) for 0 ≤ e ≤ 1 (softplus' log1p(e^(−|x|))): e·P(e), no reduction or special cases needed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Log1PUnit(Vector<double> e) => e * Polynomial(e, Log1PUnitSeries);

    /// <summary>log(1 + e) for 0 ≤ e ≤ 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log1PUnit(Vector<float> e) => e * Polynomial(e, Log1PUnitSeriesF);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector<double> Log1P(Vector<double> x)
    {
        Vector<double> one = Vector<double>.One;
        Vector<double> u = one + x;
        Vector<double> correction = (x - (u - one)) / u;
        Vector<long> bits = Vector.AsVectorInt64(u);
        // The biased exponent as a double: OR it into the mantissa of 2⁵², subtract 2⁵² (and the bias 1023).
        Vector<double> k = Vector.AsVectorDouble(Vector.ShiftRightLogical(bits, 52) | new Vector<long>(0x4330000000000000))
            - new Vector<double>(4503599627370496.0 + 1023.0);
        Vector<double> m = Vector.AsVectorDouble((bits & new Vector<long>(0x000FFFFFFFFFFFFF)) | new Vector<long>(0x3FF0000000000000));
        Vector<long> big = Vector.GreaterThan(m, new Vector<double>(1.4142135623730950488));
        m = Vector.ConditionalSelect(big, m * new Vector<double>(0.5), m);
        k = Vector.ConditionalSelect(big, k + one, k);
        Vector<double> f = m - one;
        Vector<double> s = f / (new Vector<double>(2.0) + f);
        Vector<double> s2 = s * s;
        Vector<double> halfSquare = new Vector<double>(0.5) * f * f;
        Vector<double> logm = f - (halfSquare - s * (halfSquare + s2 * Polynomial(s2, AtanhSeries)));
        Vector<double> log = k * new Vector<double>(Ln2Head) + (k * new Vector<double>(Ln2Tail) + logm + correction);

        // NaN lanes are NaN already (through the correction term); u ≤ 0 and u = ∞ need fixing.
        if (Vector.LessThanOrEqualAny(u, Vector<double>.Zero) || Vector.EqualsAny(u, new Vector<double>(double.PositiveInfinity)))
        {
            log = Vector.ConditionalSelect(Vector.Equals(u, Vector<double>.Zero), new Vector<double>(double.NegativeInfinity), log);
            log = Vector.ConditionalSelect(Vector.LessThan(u, Vector<double>.Zero), new Vector<double>(double.NaN), log);
            log = Vector.ConditionalSelect(Vector.Equals(u, new Vector<double>(double.PositiveInfinity)), u, log);
        }
        return log;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector<float> Log1P(Vector<float> x)
    {
        Vector<float> one = Vector<float>.One;
        Vector<float> u = one + x;
        Vector<float> correction = (x - (u - one)) / u;
        Vector<int> bits = Vector.AsVectorInt32(u);
        Vector<float> k = Vector.AsVectorSingle(Vector.ShiftRightLogical(bits, 23) | new Vector<int>(0x4B000000))
            - new Vector<float>(8388608f + 127f);
        Vector<float> m = Vector.AsVectorSingle((bits & new Vector<int>(0x007FFFFF)) | new Vector<int>(0x3F800000));
        Vector<int> big = Vector.GreaterThan(m, new Vector<float>(1.41421356f));
        m = Vector.ConditionalSelect(big, m * new Vector<float>(0.5f), m);
        k = Vector.ConditionalSelect(big, k + one, k);
        Vector<float> f = m - one;
        Vector<float> s = f / (new Vector<float>(2f) + f);
        Vector<float> s2 = s * s;
        Vector<float> halfSquare = new Vector<float>(0.5f) * f * f;
        Vector<float> logm = f - (halfSquare - s * (halfSquare + s2 * Polynomial(s2, AtanhSeriesF)));
        Vector<float> log = k * new Vector<float>(Ln2HeadF) + (k * new Vector<float>(Ln2TailF) + logm + correction);

        // NaN lanes are NaN already (through the correction term); u ≤ 0 and u = ∞ need fixing.
        if (Vector.LessThanOrEqualAny(u, Vector<float>.Zero) || Vector.EqualsAny(u, new Vector<float>(float.PositiveInfinity)))
        {
            log = Vector.ConditionalSelect(Vector.Equals(u, Vector<float>.Zero), new Vector<float>(float.NegativeInfinity), log);
            log = Vector.ConditionalSelect(Vector.LessThan(u, Vector<float>.Zero), new Vector<float>(float.NaN), log);
            log = Vector.ConditionalSelect(Vector.Equals(u, new Vector<float>(float.PositiveInfinity)), u, log);
        }
        return log;
    }
}
