using System.Numerics;
using System.Runtime.CompilerServices;

namespace ActivationCourse.Numerics;

// exp and expm1. Range reduction x = n·ln2 + r with |r| ≤ ln2/2 (Cody–Waite: ln2 split into a short head, so n·head
// is exact, and a tail), eʳ from its Taylor polynomial, then 2ⁿ built from exponent bits in two halves so that
// results down to the subnormals and up to the overflow threshold come out right.
internal static partial class VectorMath
{
    private const double Log2E = 1.4426950408889634074;
    private const double Ln2Head = 0.6931471803691238;        // ln 2 to 32 bits: n·Ln2Head is exact for |n| < 2²¹
    private const double Ln2Tail = 1.9082149292705877e-10;    // ln 2 − Ln2Head
    private const float Ln2HeadF = 0.693115234375f;            // 12 bits: exact for |n| < 2¹²
    private const float Ln2TailF = 3.1946184945309415e-05f;
    private const double RoundD = 6755399441055744.0;          // 1.5·2⁵²: (v + RoundD) − RoundD rounds v to an integer
    private const float RoundF = 12582912f;                    // 1.5·2²³

    // 1/k! for k = 13 … 0, and 1/k! for k = 7 … 0 (float): Taylor series of eʳ, truncation error < 1e-17 (5e-9) on |r| ≤ ln2/2.
    private static ReadOnlySpan<double> ExpTaylor =>
    [
        1.0 / 6227020800, 1.0 / 479001600, 1.0 / 39916800, 1.0 / 3628800, 1.0 / 362880, 1.0 / 40320, 1.0 / 5040,
        1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 0.5, 1.0, 1.0,
    ];

    private static ReadOnlySpan<float> ExpTaylorF => [1f / 5040, 1f / 720, 1f / 120, 1f / 24, 1f / 6, 0.5f, 1f, 1f];

    // eʳ ≈ Σ Eₖ·rᵏ on |r| ≤ ln2/2 for float: near-minimax degree 6 (Chebyshev fit, relative error 2.8e-9); E₀ = 1.
    // Shared by the 256-bit fast path below and the 512-bit one in VectorMath.Wide.cs.
    private const float E1 = 1.000000038f, E2 = 0.5000000047f, E3 = 0.1666641551f, E4 = 0.0416663529f, E5 = 0.008375126398f, E6 = 0.001394110843f;

    // (eʳ − 1)/r = Σ rᵏ/(k + 1)!, k = 12 … 0 (float: k = 6 … 0, written out in ExpM1).
    private static ReadOnlySpan<double> ExpM1Taylor =>
    [
        1.0 / 6227020800, 1.0 / 479001600, 1.0 / 39916800, 1.0 / 3628800, 1.0 / 362880, 1.0 / 40320, 1.0 / 5040,
        1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 0.5, 1.0,
    ];


    // Fast path: every |x| ≤ 708.3 (87.3), where 2ⁿ and the result are normal numbers (NaN lanes pass through the arithmetic as NaN);
    // 2ⁿ then comes straight from the bits of t = x·log₂e + 1.5·2⁵², whose low mantissa bits hold 2⁵¹ + n.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector<double> Exp(Vector<double> x)
    {
        if (Vector.GreaterThanAny(Vector.Abs(x), new Vector<double>(708.3)))
        {
            return ExpWide(x);
        }
        Vector<double> t = x * new Vector<double>(Log2E) + new Vector<double>(RoundD);
        Vector<double> n = t - new Vector<double>(RoundD);
        Vector<double> r = x - n * new Vector<double>(Ln2Head) - n * new Vector<double>(Ln2Tail);
        Vector<double> scale = Vector.AsVectorDouble(Vector.ShiftLeft(Vector.AsVectorInt64(t) + new Vector<long>(1023), 52));
        return Polynomial(r, ExpTaylor) * scale;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector<float> Exp(Vector<float> x)
    {
        if (Vector.GreaterThanAny(Vector.Abs(x), new Vector<float>(87.3f)))
        {
            return ExpWide(x);
        }
        Vector<float> t = x * new Vector<float>((float)Log2E) + new Vector<float>(RoundF);
        Vector<float> n = t - new Vector<float>(RoundF);
        Vector<float> r = x - n * new Vector<float>(Ln2HeadF) - n * new Vector<float>(Ln2TailF);
        Vector<float> scale = Vector.AsVectorSingle(Vector.ShiftLeft(Vector.AsVectorInt32(t) + new Vector<int>(127), 23));
        // eʳ in Estrin's scheme: pairs c₀ + c₁r, c₂ + c₃r, c₄ + c₅r combined with r² and r⁴, a shorter dependency
        // chain than Horner's rule.
        Vector<float> r2 = r * r;
        Vector<float> p01 = new Vector<float>(E1) * r + Vector<float>.One;
        Vector<float> p23 = new Vector<float>(E3) * r + new Vector<float>(E2);
        Vector<float> p456 = (new Vector<float>(E6) * r + new Vector<float>(E5)) * r + new Vector<float>(E4);
        Vector<float> p = p01 + r2 * (p23 + r2 * p456);
        return p * scale;
    }

    // Any lane: clamped to [−746, 710] ([−104, 89]), beyond which the result is 0 or ∞ anyway, with 2ⁿ applied in two
    // halves so that subnormal results and results just below the overflow threshold come out right.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector<double> ExpWide(Vector<double> x)
    {
        Vector<double> xc = Vector.Min(Vector.Max(x, new Vector<double>(-746.0)), new Vector<double>(710.0));
        Vector<double> n = xc * new Vector<double>(Log2E) + new Vector<double>(RoundD) - new Vector<double>(RoundD);
        Vector<double> r = xc - n * new Vector<double>(Ln2Head) - n * new Vector<double>(Ln2Tail);
        Vector<double> p = Polynomial(r, ExpTaylor);
        Vector<double> half = n * new Vector<double>(0.5) + new Vector<double>(RoundD) - new Vector<double>(RoundD);
        return NaNFrom(x, p * Pow2(half) * Pow2(n - half));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector<float> ExpWide(Vector<float> x)
    {
        Vector<float> xc = Vector.Min(Vector.Max(x, new Vector<float>(-104f)), new Vector<float>(89f));
        Vector<float> n = xc * new Vector<float>((float)Log2E) + new Vector<float>(RoundF) - new Vector<float>(RoundF);
        Vector<float> r = xc - n * new Vector<float>(Ln2HeadF) - n * new Vector<float>(Ln2TailF);
        Vector<float> p = Polynomial(r, ExpTaylorF);
        Vector<float> half = n * new Vector<float>(0.5f) + new Vector<float>(RoundF) - new Vector<float>(RoundF);
        return NaNFrom(x, p * Pow2(half) * Pow2(n - half));
    }

    // expm1 x = (2ⁿ − 1) + 2ⁿ·expm1 r with the same reduction as exp: 2ⁿ − 1 is exact for the |n| ≤ 87 used here,
    // and expm1 r = r·Σ rᵏ/(k + 1)! has no cancellation. Beyond |x| = 60 (float: 30), eˣ − 1 is −1 or eˣ to working
    // precision. x = ±0 is returned as is (keeps the sign of −0).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector<double> ExpM1(Vector<double> x)
    {
        Vector<double> limit = new(60.0);
        bool wide = Vector.GreaterThanAny(Vector.Abs(x), limit);
        Vector<double> xc = wide ? Vector.Min(Vector.Max(x, -limit), limit) : x;
        Vector<double> t = xc * new Vector<double>(Log2E) + new Vector<double>(RoundD);
        Vector<double> n = t - new Vector<double>(RoundD);
        Vector<double> r = xc - n * new Vector<double>(Ln2Head) - n * new Vector<double>(Ln2Tail);
        Vector<double> scale = Vector.AsVectorDouble(Vector.ShiftLeft(Vector.AsVectorInt64(t) + new Vector<long>(1023), 52));
        Vector<double> y = (scale - Vector<double>.One) + scale * (r * Polynomial(r, ExpM1Taylor));
        y = Vector.ConditionalSelect(Vector.Equals(x, Vector<double>.Zero), x, y);
        if (wide)
        {
            y = Vector.ConditionalSelect(Vector.GreaterThan(Vector.Abs(x), limit), Exp(x) - Vector<double>.One, y);
        }
        return y; // NaN lanes are NaN through the arithmetic
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector<float> ExpM1(Vector<float> x)
    {
        Vector<float> limit = new(30f);
        bool wide = Vector.GreaterThanAny(Vector.Abs(x), limit);
        Vector<float> xc = wide ? Vector.Min(Vector.Max(x, -limit), limit) : x;
        Vector<float> t = xc * new Vector<float>((float)Log2E) + new Vector<float>(RoundF);
        Vector<float> n = t - new Vector<float>(RoundF);
        Vector<float> r = xc - n * new Vector<float>(Ln2HeadF) - n * new Vector<float>(Ln2TailF);
        Vector<float> scale = Vector.AsVectorSingle(Vector.ShiftLeft(Vector.AsVectorInt32(t) + new Vector<int>(127), 23));
        // expm1 r = r·(1 + r/2 + … + r⁶/7!), the inner polynomial in Estrin's scheme.
        Vector<float> r2 = r * r;
        Vector<float> p01 = new Vector<float>(0.5f) * r + Vector<float>.One;
        Vector<float> p23 = new Vector<float>(1f / 24) * r + new Vector<float>(1f / 6);
        Vector<float> p456 = (new Vector<float>(1f / 5040) * r + new Vector<float>(1f / 720)) * r + new Vector<float>(1f / 120);
        Vector<float> q = r * (p01 + r2 * (p23 + r2 * p456));
        Vector<float> y = (scale - Vector<float>.One) + scale * q;
        y = Vector.ConditionalSelect(Vector.Equals(x, Vector<float>.Zero), x, y);
        if (wide)
        {
            y = Vector.ConditionalSelect(Vector.GreaterThan(Vector.Abs(x), limit), Exp(x) - Vector<float>.One, y);
        }
        return y;
    }

    // 2ᵏ for integer-valued k in [−1022, 1023]: k + 1023 lands in the low mantissa bits of k + (2⁵² + 1023), and the
    // left shift moves it into the exponent field (dropping the 2⁵² exponent bits).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Pow2(Vector<double> k) =>
        Vector.AsVectorDouble(Vector.ShiftLeft(Vector.AsVectorInt64(k + new Vector<double>(4503599627371519.0)), 52));

    // 2ᵏ for integer-valued k in [−126, 127].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Pow2(Vector<float> k) =>
        Vector.AsVectorSingle(Vector.ShiftLeft(Vector.AsVectorInt32(k + new Vector<float>(8388735f)), 23));
}
