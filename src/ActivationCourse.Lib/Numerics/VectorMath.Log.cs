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

    // 2/(2k + 1) for k = 17 … 1 (float: 7 … 1): log(1 + e) = 2·atanh(s) = 2s + s·R, R = Σ_{k≥1} 2s²ᵏ/(2k + 1), with
    // s = e/(2 + e) ≤ 1/3 (truncation below 4e-19, float 3e-9), arranged as in log1p so that the rounding of s is damped.
    private static ReadOnlySpan<double> AtanhUnitSeries =>
    [
        2.0 / 35, 2.0 / 33, 2.0 / 31, 2.0 / 29, 2.0 / 27, 2.0 / 25, 2.0 / 23, 2.0 / 21, 2.0 / 19, 2.0 / 17, 2.0 / 15,
        2.0 / 13, 2.0 / 11, 2.0 / 9, 2.0 / 7, 2.0 / 5, 2.0 / 3,
    ];

    /// <summary>log(1 + e) for 0 ≤ e ≤ 1 (softplus' log1p(e^(−|x|))): no reduction or special cases needed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector<double> Log1PUnit(Vector<double> e)
    {
        Vector<double> s = e / (new Vector<double>(2.0) + e);
        Vector<double> s2 = s * s;
        Vector<double> halfSquare = new Vector<double>(0.5) * e * e;
        return e - (halfSquare - s * (halfSquare + s2 * Polynomial(s2, AtanhUnitSeries)));
    }

    /// <summary>log(1 + e) for 0 ≤ e ≤ 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector<float> Log1PUnit(Vector<float> e)
    {
        Vector<float> s = e / (new Vector<float>(2f) + e);
        Vector<float> s2 = s * s;
        Vector<float> halfSquare = new Vector<float>(0.5f) * e * e;
        // R/s² = Σ 2s²ᵏ/(2k + 3), k = 0 … 6, by Estrin's scheme (three short chains instead of one of six multiply-adds;
        // through Polynomial's loop softplus ran at a third of the sigmoid's speed).
        Vector<float> s4 = s2 * s2;
        Vector<float> low = new Vector<float>(2f / 5) * s2 + new Vector<float>(2f / 3);
        Vector<float> mid = new Vector<float>(2f / 9) * s2 + new Vector<float>(2f / 7);
        Vector<float> high = (new Vector<float>(2f / 13) * s2 + new Vector<float>(2f / 11)) + new Vector<float>(2f / 15) * s4;
        Vector<float> r = low + (mid + high * s4) * s4;
        return e - (halfSquare - s * (halfSquare + s2 * r));
    }

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
