using System.Numerics;

namespace ActivationCourse.Activations;

// log1p. u = 1 + x is split into 2ᵏ·m with m in [√½, √2) from its bits; log m = 2·atanh(s) with s = (m − 1)/(m + 1),
// |s| ≤ 0.172, from the odd series of atanh; the rounding error of 1 + x is added back as (x − (u − 1))/u.
// u is never subnormal (it is 0 or at least 2⁻⁵³), so reading the exponent field is enough.
internal static partial class VectorMath
{
    // 1/(2j + 1) for j = 10 … 0 (float: 4 … 0): atanh(s)/s = Σ s²ʲ/(2j + 1), truncation < 3e-17 (2e-9).
    private static ReadOnlySpan<double> AtanhSeries =>
        [1.0 / 21, 1.0 / 19, 1.0 / 17, 1.0 / 15, 1.0 / 13, 1.0 / 11, 1.0 / 9, 1.0 / 7, 1.0 / 5, 1.0 / 3, 1.0];

    private static ReadOnlySpan<float> AtanhSeriesF => [1f / 9, 1f / 7, 1f / 5, 1f / 3, 1f];

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
        Vector<double> logm = new Vector<double>(2.0) * s * Polynomial(s * s, AtanhSeries);
        Vector<double> log = k * new Vector<double>(Ln2Head) + (k * new Vector<double>(Ln2Tail) + logm + correction);

        log = Vector.ConditionalSelect(Vector.Equals(u, Vector<double>.Zero), new Vector<double>(double.NegativeInfinity), log);
        log = Vector.ConditionalSelect(Vector.LessThan(u, Vector<double>.Zero), new Vector<double>(double.NaN), log);
        log = Vector.ConditionalSelect(Vector.Equals(u, new Vector<double>(double.PositiveInfinity)), u, log);
        return NaNFrom(x, log);
    }

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
        Vector<float> logm = new Vector<float>(2f) * s * Polynomial(s * s, AtanhSeriesF);
        Vector<float> log = k * new Vector<float>(Ln2HeadF) + (k * new Vector<float>(Ln2TailF) + logm + correction);

        log = Vector.ConditionalSelect(Vector.Equals(u, Vector<float>.Zero), new Vector<float>(float.NegativeInfinity), log);
        log = Vector.ConditionalSelect(Vector.LessThan(u, Vector<float>.Zero), new Vector<float>(float.NaN), log);
        log = Vector.ConditionalSelect(Vector.Equals(u, new Vector<float>(float.PositiveInfinity)), u, log);
        return NaNFrom(x, log);
    }
}
