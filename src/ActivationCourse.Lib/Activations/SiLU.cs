using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// SiLU / Swish (Elfwing et al. 2017; Ramachandran et al. 2017): f(x) = x·σ(βx), default β = 1
/// (PyTorch <c>nn.SiLU</c>, Keras <c>silu</c>/<c>swish</c>, which have no β). f′(x) = σ(βx) + βx·σ(βx)(1 − σ(βx)).
/// Range ≈ [−0.278, ∞) for β = 1. f(−∞) = 0.
/// </summary>
/// <param name="beta">β (Swish's optional, possibly learned, parameter).</param>
public sealed class SiLU(double beta = 1.0) : ElementwiseActivation<SiLU.Ops>
{
    /// <summary>β.</summary>
    public double Beta { get; } = beta;

    /// <inheritdoc/>
    public override string Name => "silu";
    /// <inheritdoc/>
    public override string DisplayName => Beta == 1.0 ? "SiLU (Swish)" : $"Swish (β = {Beta:G4})";
    /// <inheritdoc/>
    public override string Description => "x gated by its own sigmoid: smooth, non-monotonic, found by automated search as 'Swish'.";
    /// <inheritdoc/>
    public override string Formula => Beta == 1.0 ? "f(x) = x·σ(x)" : $"f(x) = x·σ({Beta:G4}x)";
    /// <inheritdoc/>
    public override string Range => "≈ [−0.278, ∞)";
    /// <inheritdoc/>
    protected override Ops Kernel => new(Beta);

    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<float> x, Span<float> y) => StagedDriver.Run(new Scale(Beta), Transcendental.Sigmoid, default(TimesX), x, y);
    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<double> x, Span<double> y) => StagedDriver.Run(new Scale(Beta), Transcendental.Sigmoid, default(TimesX), x, y);
    /// <inheritdoc/>
    public override void Derivative(ReadOnlySpan<float> x, Span<float> dydx) => StagedDriver.Run(new Scale(Beta), Transcendental.Sigmoid, new FromSigmoid(Beta), x, dydx);
    /// <inheritdoc/>
    public override void Derivative(ReadOnlySpan<double> x, Span<double> dydx) => StagedDriver.Run(new Scale(Beta), Transcendental.Sigmoid, new FromSigmoid(Beta), x, dydx);
    /// <inheritdoc/>
    public override void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> dx) =>
        StagedDriver.Backward(new Scale(Beta), Transcendental.Sigmoid, new FromSigmoid(Beta), x, upstream, dx);
    /// <inheritdoc/>
    public override void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> upstream, Span<double> dx) =>
        StagedDriver.Backward(new Scale(Beta), Transcendental.Sigmoid, new FromSigmoid(Beta), x, upstream, dx);

    // Vector stages around TensorPrimitives.Sigmoid: u = βx; then x·s, or s + βx·s(1 − s) (limits 0 and 1 at ±∞).
    private readonly struct Scale(double beta) : IBinaryKernel
    {
        public T Invoke<T>(T x, T unused) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(beta) * x;
        public Vector<T> Invoke<T>(Vector<T> x, Vector<T> unused) where T : unmanaged, IFloatingPointIeee754<T> => Simd.Const<T>(beta) * x;
    }

    private readonly struct TimesX : IBinaryKernel
    {
        public T Invoke<T>(T x, T s) where T : unmanaged, IFloatingPointIeee754<T> => s == T.Zero ? T.Zero : x * s;
        public Vector<T> Invoke<T>(Vector<T> x, Vector<T> s) where T : unmanaged, IFloatingPointIeee754<T> =>
            Vector.ConditionalSelect(Vector.Equals(s, Vector<T>.Zero), Vector<T>.Zero, x * s);
    }

    private readonly struct FromSigmoid(double beta) : IBinaryKernel
    {
        public T Invoke<T>(T x, T s) where T : unmanaged, IFloatingPointIeee754<T> =>
            s == T.Zero || s == T.One ? s : s + T.CreateTruncating(beta) * x * s * (T.One - s);
        public Vector<T> Invoke<T>(Vector<T> x, Vector<T> s) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> d = s + Simd.Const<T>(beta) * x * s * (Vector<T>.One - s);
            Vector<T> saturated = Vector.BitwiseOr(Vector.Equals(s, Vector<T>.Zero), Vector.Equals(s, Vector<T>.One));
            return Vector.ConditionalSelect(saturated, s, d);
        }
    }

    /// <summary>Kernel: x·σ(βx) and σ + βxσ(1 − σ).</summary>
    public readonly struct Ops(double beta) : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => false;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T bx = T.CreateTruncating(beta) * x;
            return T.IsNegativeInfinity(bx) ? T.Zero : x * SpecialFunctions.Sigmoid(bx);
        }
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T bx = T.CreateTruncating(beta) * x;
            if (T.IsInfinity(bx))
            {
                return bx > T.Zero ? T.One : T.Zero;
            }
            T s = SpecialFunctions.Sigmoid(bx);
            return s + bx * s * (T.One - s);
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Simd.PerLane(x, Forward);
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Simd.PerLane(x, Derivative);
    }
}
