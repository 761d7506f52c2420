using System.Numerics;
using System.Runtime.CompilerServices;
using ActivationCourse.Activations;

namespace ActivationCourse.Numerics;

/// <summary>
/// Transcendental functions on whole <see cref="Vector{T}"/> registers (float and double), which net8.0's
/// <see cref="Vector"/> lacks: exp, expm1, log1p, sin, cos, atan, erf and the logistic function. Each is branch-free
/// arithmetic (range reduction, a polynomial, a rescale) followed by lane-wise fixes of the special values:
/// NaN in gives NaN out, ±∞ and huge arguments give the IEEE limits. Double results are within a few ulp
/// (the tests measure it); float results are computed in float with shorter polynomials.
/// </summary>
/// <remarks>
/// The generic entry points test <c>typeof(T) == typeof(float)</c>, which the JIT folds, and reinterpret the
/// register to the concrete float or double implementation (in the other files of this partial class). The two compute one
/// way: the same reduction and formula, with polynomials sized for the type (Horner's rule over a table; float's exp is
/// written out in Estrin's scheme, which measured faster there). Those are
/// marked AggressiveOptimization: compiled fully optimized on first use, without tiering or dynamic PGO, whose
/// instrumented intermediate versions sometimes left the activation loops 3–7× slower for the rest of the process.
/// </remarks>
internal static partial class VectorMath
{
    /// <summary>eˣ; 0 for x ≤ −746 (double) or −104 (float), ∞ beyond the overflow threshold; subnormal results are kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Exp<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? Vector.As<float, T>(Exp(Vector.As<T, float>(x)))
            : Vector.As<double, T>(Exp(Vector.As<T, double>(x)));

    /// <summary>eˣ − 1, accurate near 0 and everywhere else (no cancellation).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> ExpM1<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? Vector.As<float, T>(ExpM1(Vector.As<T, float>(x)))
            : Vector.As<double, T>(ExpM1(Vector.As<T, double>(x)));

    /// <summary>log(1 + x), accurate near 0; −∞ at x = −1, NaN below.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Log1P<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? Vector.As<float, T>(Log1P(Vector.As<T, float>(x)))
            : Vector.As<double, T>(Log1P(Vector.As<T, double>(x)));

    /// <summary>log(1 + e) for 0 ≤ e ≤ 1 only (as in softplus), from the atanh series without range reduction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Log1PUnit<T>(Vector<T> e) where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? Vector.As<float, T>(Log1PUnit(Vector.As<T, float>(e)))
            : Vector.As<double, T>(Log1PUnit(Vector.As<T, double>(e)));

    /// <summary>sin x (NaN at ±∞). Lanes beyond the vector range reduction fall back to the scalar sine.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Sin<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? Vector.As<float, T>(SinCos(Vector.As<T, float>(x), 0))
            : Vector.As<double, T>(SinCos(Vector.As<T, double>(x), 0));

    /// <summary>cos x (NaN at ±∞). Lanes beyond the vector range reduction fall back to the scalar cosine.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Cos<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? Vector.As<float, T>(SinCos(Vector.As<T, float>(x), 1))
            : Vector.As<double, T>(SinCos(Vector.As<T, double>(x), 1));

    /// <summary>atan x; ±π/2 at ±∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Atan<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? Vector.As<float, T>(Atan(Vector.As<T, float>(x)))
            : Vector.As<double, T>(Atan(Vector.As<T, double>(x)));

    /// <summary>The error function erf x; ±1 for |x| ≥ 6.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Erf<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? Vector.As<float, T>(Erf(Vector.As<T, float>(x)))
            : Vector.As<double, T>(Erf(Vector.As<T, double>(x)));

    /// <summary>The logistic function 1/(1 + e^(−x)) from e = e^(−|x|), so neither side overflows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Sigmoid<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector<T> e = Exp(-Vector.Abs(x));
        Vector<T> r = Vector<T>.One / (Vector<T>.One + e);
        return Vector.ConditionalSelect(Vector.LessThan(x, Vector<T>.Zero), e * r, r);
    }

    // NaN lanes of x replace the result (x ≠ x only for NaN).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> NaNFrom<T>(Vector<T> x, Vector<T> result) where T : unmanaged =>
        Vector.ConditionalSelect(Vector.Equals(x, x), result, x);

    // Horner's rule, highest coefficient first.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Polynomial(Vector<double> x, ReadOnlySpan<double> c)
    {
        Vector<double> p = new(c[0]);
        for (int i = 1; i < c.Length; i++)
        {
            p = p * x + new Vector<double>(c[i]);
        }
        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Polynomial(Vector<float> x, ReadOnlySpan<float> c)
    {
        Vector<float> p = new(c[0]);
        for (int i = 1; i < c.Length; i++)
        {
            p = p * x + new Vector<float>(c[i]);
        }
        return p;
    }
}
