using System.Numerics;
using System.Numerics.Tensors;

namespace ActivationCourse.Activations;

/// <summary>
/// Hyperbolic tangent: f(x) = tanh x = 2σ(2x) − 1, f′(x) = 1 − tanh² x. Range (−1, 1); zero-centred,
/// f′(0) = 1. tanh(±∞) = ±1. The forward span path is <see cref="TensorPrimitives.Tanh{T}(ReadOnlySpan{T}, Span{T})"/>.
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
        if (x.Length == 0)
        {
            return;
        }
        // TensorPrimitives' float tanh has an absolute error of ~6e-8 near 0 (it returns −5.96e-8 for tanh(0)), a large
        // relative error for small |x|. A second pass over each L1-sized block replaces |x| < 1/4 by the Taylor series.
        // The block copy of x keeps this correct when y is the same span as x.
        Span<float> block = stackalloc float[512];
        for (int i = 0; i < x.Length; i += block.Length)
        {
            int n = Math.Min(block.Length, x.Length - i);
            Span<float> xs = block[..n];
            Span<float> ys = y.Slice(i, n);
            x.Slice(i, n).CopyTo(xs);
            TensorPrimitives.Tanh(xs, ys);
            SimdDriver.Map2(default(SmallArgumentFix), xs, ys, ys);
        }
    }

    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        Check.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        TensorPrimitives.Tanh(x, y);
    }

    /// <inheritdoc/>
    public override void Derivative(ReadOnlySpan<float> x, Span<float> dydx)
    {
        Forward(x, dydx);
        SimdDriver.Map2(default(FromOutput), dydx, dydx, dydx);
    }

    /// <inheritdoc/>
    public override void Derivative(ReadOnlySpan<double> x, Span<double> dydx)
    {
        Forward(x, dydx);
        SimdDriver.Map2(default(FromOutput), dydx, dydx, dydx);
    }

    /// <summary>Kernel: f(x) = tanh x, f′(x) = 1 − tanh² x.</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => false;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Tanh(x);
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T t = T.Tanh(x);
            return T.One - t * t;
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Simd.PerLane(x, Forward);
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Simd.PerLane(x, Derivative);
    }

    // (x, t) ↦ Taylor series of tanh x if |x| < 1/4, else t. Truncation error < 3e-10 relative.
    private readonly struct SmallArgumentFix : IBinaryKernel
    {
        public T Invoke<T>(T x, T t) where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (!(T.Abs(x) < T.CreateTruncating(0.25)))
            {
                return t;
            }
            T x2 = x * x;
            T p = T.CreateTruncating(-1382.0 / 155925);
            p = p * x2 + T.CreateTruncating(62.0 / 2835);
            p = p * x2 - T.CreateTruncating(17.0 / 315);
            p = p * x2 + T.CreateTruncating(2.0 / 15);
            p = p * x2 - T.CreateTruncating(1.0 / 3);
            return x + x * x2 * p;
        }

        public Vector<T> Invoke<T>(Vector<T> x, Vector<T> t) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> x2 = x * x;
            Vector<T> p = Simd.Const<T>(-1382.0 / 155925);
            p = p * x2 + Simd.Const<T>(62.0 / 2835);
            p = p * x2 - Simd.Const<T>(17.0 / 315);
            p = p * x2 + Simd.Const<T>(2.0 / 15);
            p = p * x2 - Simd.Const<T>(1.0 / 3);
            return Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(x), Simd.Const<T>(0.25)), x + x * x2 * p, t);
        }
    }

    // t ↦ 1 − t², applied to the already computed tanh.
    private readonly struct FromOutput : IBinaryKernel
    {
        public T Invoke<T>(T t, T unused) where T : unmanaged, IFloatingPointIeee754<T> => T.One - t * t;
        public Vector<T> Invoke<T>(Vector<T> t, Vector<T> unused) where T : unmanaged, IFloatingPointIeee754<T> => Vector<T>.One - t * t;
    }
}
