using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// GELU, tanh approximation (PyTorch <c>nn.GELU(approximate='tanh')</c>; Keras' <c>gelu</c> default):
/// f(x) = x/2·(1 + tanh(u)), u = √(2/π)·(x + 0.044715x³);
/// f′(x) = (1 + tanh u)/2 + x/2·(1 − tanh² u)·√(2/π)·(1 + 3·0.044715x²).
/// Evaluated as f(x) = x·σ(2u) (since (1 + tanh u)/2 = σ(2u)), which avoids the cancellation of 1 + tanh u for x &lt; 0.
/// </summary>
public sealed class GELUTanh : ElementwiseActivation<GELUTanh.Ops>
{
    internal const double SqrtTwoOverPi = 0.79788456080286535587989211986876373;
    internal const double Cubic = 0.044715;

    /// <inheritdoc/>
    public override string Name => "gelu_tanh";
    /// <inheritdoc/>
    public override string DisplayName => "GELU (tanh approximation)";
    /// <inheritdoc/>
    public override string Description => "The original fast approximation of GELU used by BERT and GPT-2; within about 5e-4 of the exact form.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = x/2·(1 + tanh(√(2/π)(x + 0.044715x³)))";
    /// <inheritdoc/>
    public override string Range => "≈ [−0.17, ∞)";
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<float> x, Span<float> y) => StagedDriver.Run(default(Inner), Transcendental.Sigmoid, default(FromSigmoid), x, y);
    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<double> x, Span<double> y) => StagedDriver.Run(default(Inner), Transcendental.Sigmoid, default(FromSigmoid), x, y);
    /// <inheritdoc/>
    public override void Derivative(ReadOnlySpan<float> x, Span<float> dydx) => StagedDriver.Run(default(Inner), Transcendental.Sigmoid, default(DerivativeFromSigmoid), x, dydx);
    /// <inheritdoc/>
    public override void Derivative(ReadOnlySpan<double> x, Span<double> dydx) => StagedDriver.Run(default(Inner), Transcendental.Sigmoid, default(DerivativeFromSigmoid), x, dydx);
    /// <inheritdoc/>
    public override void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> dx) =>
        StagedDriver.Backward(default(Inner), Transcendental.Sigmoid, default(DerivativeFromSigmoid), x, upstream, dx);
    /// <inheritdoc/>
    public override void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> upstream, Span<double> dx) =>
        StagedDriver.Backward(default(Inner), Transcendental.Sigmoid, default(DerivativeFromSigmoid), x, upstream, dx);

    // Vector stages around TensorPrimitives.Sigmoid: 2u = 2√(2/π)(x + 0.044715x³) (0 beyond |x| > 1e4, where the asymptotes apply).
    private readonly struct Inner : IBinaryKernel
    {
        public T Invoke<T>(T x, T unused) where T : unmanaged, IFloatingPointIeee754<T> =>
            T.Abs(x) > T.CreateTruncating(1e4) ? T.Zero : T.CreateTruncating(2 * SqrtTwoOverPi) * (x + T.CreateTruncating(Cubic) * x * x * x);
        public Vector<T> Invoke<T>(Vector<T> x, Vector<T> unused) where T : unmanaged, IFloatingPointIeee754<T> =>
            Vector.ConditionalSelect(Vector.GreaterThan(Vector.Abs(x), Simd.Const<T>(1e4)), Vector<T>.Zero,
                Simd.Const<T>(2 * SqrtTwoOverPi) * (x + Simd.Const<T>(Cubic) * x * x * x));
    }

    private readonly struct FromSigmoid : IBinaryKernel
    {
        public T Invoke<T>(T x, T t) where T : unmanaged, IFloatingPointIeee754<T> =>
            T.Abs(x) > T.CreateTruncating(1e4) ? (x > T.Zero ? x : T.NegativeZero) : x * t;
        public Vector<T> Invoke<T>(Vector<T> x, Vector<T> t) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> far = Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), x, Vector<T>.Zero);
            return Vector.ConditionalSelect(Vector.GreaterThan(Vector.Abs(x), Simd.Const<T>(1e4)), far, x * t);
        }
    }

    private readonly struct DerivativeFromSigmoid : IBinaryKernel
    {
        public T Invoke<T>(T x, T t) where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (T.Abs(x) > T.CreateTruncating(1e4))
            {
                return x > T.Zero ? T.One : T.Zero;
            }
            T c = T.CreateTruncating(Cubic), k = T.CreateTruncating(SqrtTwoOverPi);
            return t + T.CreateTruncating(2.0) * x * t * (T.One - t) * k * (T.One + T.CreateTruncating(3.0) * c * x * x);
        }
        public Vector<T> Invoke<T>(Vector<T> x, Vector<T> t) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> one = Vector<T>.One;
            Vector<T> d = t + Simd.Const<T>(2.0) * x * t * (one - t) * Simd.Const<T>(SqrtTwoOverPi) * (one + Simd.Const<T>(3.0 * Cubic) * x * x);
            Vector<T> far = Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), one, Vector<T>.Zero);
            return Vector.ConditionalSelect(Vector.GreaterThan(Vector.Abs(x), Simd.Const<T>(1e4)), far, d);
        }
    }

    /// <summary>Kernel for the tanh approximation.</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => false;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (T.Abs(x) > T.CreateTruncating(1e4))
            {
                return x > T.Zero ? x : T.NegativeZero;
            }
            // (1 + tanh u)/2 = σ(2u): no cancellation for negative x.
            T u = T.CreateTruncating(SqrtTwoOverPi) * (x + T.CreateTruncating(Cubic) * x * x * x);
            return x * SpecialFunctions.Sigmoid(u + u);
        }
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (T.Abs(x) > T.CreateTruncating(1e4))
            {
                return x > T.Zero ? T.One : T.Zero;
            }
            T c = T.CreateTruncating(Cubic), k = T.CreateTruncating(SqrtTwoOverPi);
            T u = k * (x + c * x * x * x);
            T sg = SpecialFunctions.Sigmoid(u + u); // (1 + tanh u)/2, and (1 − tanh² u)/2 = 2σ(1 − σ)
            return sg + T.CreateTruncating(2.0) * x * sg * (T.One - sg) * k * (T.One + T.CreateTruncating(3.0) * c * x * x);
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Simd.PerLane(x, Forward);
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Simd.PerLane(x, Derivative);
    }
}
