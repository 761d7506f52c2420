using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationCourse.Activations;

namespace ActivationCourse.Numerics;

/// <summary>
/// The vector exp and erf the activations are built on, over spans, so a lesson can measure their accuracy (in ulp,
/// against <see cref="Math.Exp"/> or <see cref="SpecialFunctions.Erf"/>) and their speed. Every element, the last few
/// included, goes through the same <see cref="Vector{T}"/> code: a partial last vector is padded.
/// </summary>
/// <remarks>
/// exp: x = n·ln 2 + r with |r| ≤ ln 2 / 2, eʳ from a polynomial, 2ⁿ written into the exponent bits; NaN gives NaN,
/// +∞ gives +∞ (and anything above the overflow threshold), −∞ gives 0, and results down to the subnormals are kept.
/// erf: three polynomials chosen by |x| (below 1, 1 to 2, 2 to 6), the last one multiplied by e^(−x²)/x; ±1 beyond 6.
/// </remarks>
public static class FastMath
{
    /// <summary>y[i] = e^x[i] (float, computed in float).</summary>
    public static void Exp(ReadOnlySpan<float> x, Span<float> y) => Apply(default(ExpOp), x, y);

    /// <summary>y[i] = e^x[i] (double).</summary>
    public static void Exp(ReadOnlySpan<double> x, Span<double> y) => Apply(default(ExpOp), x, y);

    /// <summary>y[i] = erf x[i] (float, computed in float).</summary>
    public static void Erf(ReadOnlySpan<float> x, Span<float> y) => Apply(default(ErfOp), x, y);

    /// <summary>y[i] = erf x[i] (double).</summary>
    public static void Erf(ReadOnlySpan<double> x, Span<double> y) => Apply(default(ErfOp), x, y);

    private interface IOp
    {
        Vector<T> Invoke<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>;
    }

    private readonly struct ExpOp : IOp
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<T> Invoke<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => VectorMath.Exp(x);
    }

    private readonly struct ErfOp : IOp
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<T> Invoke<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => VectorMath.Erf(x);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Apply<TOp, T>(TOp op, ReadOnlySpan<T> x, Span<T> y)
        where TOp : struct, IOp where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        int width = Vector<T>.Count;
        int i = 0;
        for (; i <= x.Length - width; i += width)
        {
            op.Invoke(new Vector<T>(x[i..])).CopyTo(y[i..]);
        }

        if (i < x.Length)
        {
            // The tail, padded with zeros to one whole vector, so it gets the same arithmetic as the rest.
            Span<T> lanes = stackalloc T[width];
            lanes.Clear();
            x[i..].CopyTo(lanes);
            Span<T> result = stackalloc T[width];
            op.Invoke(new Vector<T>(lanes)).CopyTo(result);
            result[..(x.Length - i)].CopyTo(y[i..]);
        }
    }
}
