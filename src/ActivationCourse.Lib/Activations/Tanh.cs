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
        TensorPrimitives.Tanh(x, y);
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

    // t ↦ 1 − t², applied to the already computed tanh.
    private readonly struct FromOutput : IBinaryKernel
    {
        public T Invoke<T>(T t, T unused) where T : unmanaged, IFloatingPointIeee754<T> => T.One - t * t;
        public Vector<T> Invoke<T>(Vector<T> t, Vector<T> unused) where T : unmanaged, IFloatingPointIeee754<T> => Vector<T>.One - t * t;
    }
}
