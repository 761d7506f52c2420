using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ActivationCourse.Activations;

/// <summary>
/// Hyperbolic tangent: f(x) = tanh x = 2σ(2x) − 1, f′(x) = 1 − tanh² x. Range (−1, 1); zero-centred,
/// f′(0) = 1. tanh(±∞) = ±1. The kernel computes tanh |x| = −m/(2 + m) with m = expm1(−2|x|), accurate near 0 too. The float
/// forward span path is <see cref="TensorPrimitives.Tanh{T}(ReadOnlySpan{T}, Span{T})"/> (the widest vectors the machine has) with
/// |x| &lt; 1/4 recomputed by the Taylor series: TensorPrimitives' float tanh has an absolute error near 6e-8 there (tanh 0 = −5.96e-8).
/// </summary>
public sealed class Tanh : ElementwiseActivation<Tanh.Ops>
{
    /// <inheritdoc/>
    public override string Name => "tanh";
    /// <inheritdoc/>
    public override string DisplayName => "Tanh";
    /// <inheritdoc/>
    public override string Description => "A zero-centred, rescaled sigmoid: tanh(x) = 2σ(2x) − 1. Standard in RNN cells.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = (e^x − e^(−x)) / (e^x + e^(−x))";
    /// <inheritdoc/>
    public override string Range => "(−1, 1)";
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        Check.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        // Block by block, so that the fix-up pass finds x and y still in L1. When y overlaps x, x is copied first.
        const int Block = 4096;
        Span<float> copy = x.Overlaps(y) ? stackalloc float[Block] : default;
        for (int i = 0; i < x.Length; i += Block)
        {
            int n = Math.Min(Block, x.Length - i);
            scoped ReadOnlySpan<float> xs = x.Slice(i, n);
            if (!copy.IsEmpty)
            {
                xs.CopyTo(copy);
                xs = copy[..n];
            }

            Span<float> ys = y.Slice(i, n);
            TensorPrimitives.Tanh(xs, ys);
            ReplaceSmallArguments(xs, ys);
        }
    }

    // t = tanh x wherever |x| < 1/4, from x + x³·p(x²), the Taylor series to x¹¹ (truncation error < 3e-10 relative).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReplaceSmallArguments(ReadOnlySpan<float> x, Span<float> t)
    {
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float tr = ref MemoryMarshal.GetReference(t);
        var quarter = new Vector<float>(0.25f);
        int i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var v = Unsafe.ReadUnaligned<Vector<float>>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref xr, i)));
            var small = Vector.LessThan(Vector.Abs(v), quarter);
            if (small != Vector<int>.Zero)
            {
                ref byte at = ref Unsafe.As<float, byte>(ref Unsafe.Add(ref tr, i));
                Unsafe.WriteUnaligned(ref at, Vector.ConditionalSelect(small, Series(v), Unsafe.ReadUnaligned<Vector<float>>(ref at)));
            }
        }

        for (; i < x.Length; i++)
        {
            if (MathF.Abs(Unsafe.Add(ref xr, i)) < 0.25f)
            {
                Unsafe.Add(ref tr, i) = MathF.Tanh(Unsafe.Add(ref xr, i));
            }
        }
    }

    private static Vector<float> Series(Vector<float> x)
    {
        Vector<float> x2 = x * x;
        Vector<float> p = new Vector<float>(-1382f / 155925) * x2 + new Vector<float>(62f / 2835);
        p = p * x2 - new Vector<float>(17f / 315);
        p = p * x2 + new Vector<float>(2f / 15);
        p = p * x2 - new Vector<float>(1f / 3);
        return x + x * x2 * p;
    }

    /// <summary>Kernel: f(x) = tanh x, f′(x) = 1 − tanh² x.</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Tanh(x);
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T t = T.Tanh(x);
            return T.One - t * t;
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> m = VectorMath.ExpM1(Simd.Const<T>(-2.0) * Vector.Abs(x));
            Vector<T> t = -m / (Simd.Const<T>(2.0) + m);
            return Vector.ConditionalSelect(Simd.Const<T>(-0.0), x, t); // the sign bit of x (tanh is odd), the rest of t ≥ 0
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> t = ForwardVector(x);
            return Vector<T>.One - t * t;
        }
    }
}
