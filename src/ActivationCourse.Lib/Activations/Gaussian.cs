using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Gaussian: f(x) = e^(−x²), f′(x) = −2x·e^(−x²). Range (0, 1]. f(±∞) = f′(±∞) = 0.
/// A radial-basis-style bump: large inputs of either sign switch the unit off.
/// </summary>
public sealed class Gaussian : ElementwiseActivation<Gaussian.Ops>
{
    /// <inheritdoc/>
    public override string Name => "gaussian";
    /// <inheritdoc/>
    public override string DisplayName => "Gaussian";
    /// <inheritdoc/>
    public override string Description => "A bell curve: the unit responds only to inputs near zero, like a radial basis function.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = e^(−x²)";
    /// <inheritdoc/>
    public override string Range => "(0, 1]";
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<float> x, Span<float> y) => StagedDriver.Run(default(MinusSquare), Transcendental.Exp, default(Keep), x, y);
    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<double> x, Span<double> y) => StagedDriver.Run(default(MinusSquare), Transcendental.Exp, default(Keep), x, y);
    /// <inheritdoc/>
    public override void Derivative(ReadOnlySpan<float> x, Span<float> dydx) => StagedDriver.Run(default(MinusSquare), Transcendental.Exp, default(TimesMinusTwoX), x, dydx);
    /// <inheritdoc/>
    public override void Derivative(ReadOnlySpan<double> x, Span<double> dydx) => StagedDriver.Run(default(MinusSquare), Transcendental.Exp, default(TimesMinusTwoX), x, dydx);
    /// <inheritdoc/>
    public override void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> dx) =>
        StagedDriver.Backward(default(MinusSquare), Transcendental.Exp, default(TimesMinusTwoX), x, upstream, dx);
    /// <inheritdoc/>
    public override void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> upstream, Span<double> dx) =>
        StagedDriver.Backward(default(MinusSquare), Transcendental.Exp, default(TimesMinusTwoX), x, upstream, dx);

    // Vector stages around TensorPrimitives.Exp: u = −x²; then e, or −2x·e (0 where e = 0, so ±∞ gives 0).
    private readonly struct MinusSquare : IBinaryKernel
    {
        public T Invoke<T>(T x, T unused) where T : unmanaged, IFloatingPointIeee754<T> => -(x * x);
        public Vector<T> Invoke<T>(Vector<T> x, Vector<T> unused) where T : unmanaged, IFloatingPointIeee754<T> => -(x * x);
    }

    private readonly struct Keep : IBinaryKernel
    {
        public T Invoke<T>(T x, T e) where T : unmanaged, IFloatingPointIeee754<T> => e;
        public Vector<T> Invoke<T>(Vector<T> x, Vector<T> e) where T : unmanaged, IFloatingPointIeee754<T> => e;
    }

    private readonly struct TimesMinusTwoX : IBinaryKernel
    {
        public T Invoke<T>(T x, T e) where T : unmanaged, IFloatingPointIeee754<T> => e == T.Zero ? T.Zero : T.CreateTruncating(-2.0) * x * e;
        public Vector<T> Invoke<T>(Vector<T> x, Vector<T> e) where T : unmanaged, IFloatingPointIeee754<T> =>
            Vector.ConditionalSelect(Vector.Equals(e, Vector<T>.Zero), Vector<T>.Zero, Simd.Const<T>(-2.0) * x * e);
    }

    /// <summary>Kernel: e^(−x²) and −2x·e^(−x²).</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => false;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Exp(-(x * x));
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
            T.IsInfinity(x) ? T.Zero : T.CreateTruncating(-2.0) * x * T.Exp(-(x * x));
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Simd.PerLane(x, Forward);
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Simd.PerLane(x, Derivative);
    }
}
