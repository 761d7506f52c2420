using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Continuously differentiable ELU (Barron 2017), PyTorch <c>nn.CELU(alpha = 1)</c>:
/// f(x) = max(0, x) + min(0, α(e^(x/α) − 1)); f′(x) = 1 if x &gt; 0 else e^(x/α) (continuous for every α).
/// Range (−α, ∞). With α = 1 it equals ELU.
/// </summary>
/// <param name="alpha">α (must not be 0).</param>
public sealed class CELU(double alpha = 1.0) : ElementwiseActivation<CELU.Ops>
{
    /// <summary>α.</summary>
    public double Alpha { get; } = alpha == 0 ? throw new ArgumentOutOfRangeException(nameof(alpha), "CELU's alpha must not be 0.") : alpha;

    /// <inheritdoc/>
    public override string Name => "celu";
    /// <inheritdoc/>
    public override string DisplayName => "CELU";
    /// <inheritdoc/>
    public override string Description => "An ELU reparameterized so its derivative is continuous at 0 for every α.";
    /// <inheritdoc/>
    public override string Formula => $"f(x) = max(0, x) + min(0, {Alpha:G4}·(e^(x/{Alpha:G4}) − 1))";
    /// <inheritdoc/>
    public override string Range => $"(−{Alpha:G4}, ∞)";
    /// <inheritdoc/>
    protected override Ops Kernel => new(Alpha);

    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<float> x, Span<float> y) => StagedDriver.Run(new ExpStages.NegativePart(Alpha), Transcendental.Exp, new ExpStages.ForwardFromExp(Alpha, 1.0, Alpha), x, y);
    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<double> x, Span<double> y) => StagedDriver.Run(new ExpStages.NegativePart(Alpha), Transcendental.Exp, new ExpStages.ForwardFromExp(Alpha, 1.0, Alpha), x, y);
    /// <inheritdoc/>
    public override void Derivative(ReadOnlySpan<float> x, Span<float> dydx) => StagedDriver.Run(new ExpStages.NegativePart(Alpha), Transcendental.Exp, new ExpStages.DerivativeFromExp(1.0, 1.0), x, dydx);
    /// <inheritdoc/>
    public override void Derivative(ReadOnlySpan<double> x, Span<double> dydx) => StagedDriver.Run(new ExpStages.NegativePart(Alpha), Transcendental.Exp, new ExpStages.DerivativeFromExp(1.0, 1.0), x, dydx);
    /// <inheritdoc/>
    public override void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> dx) =>
        StagedDriver.Backward(new ExpStages.NegativePart(Alpha), Transcendental.Exp, new ExpStages.DerivativeFromExp(1.0, 1.0), x, upstream, dx);
    /// <inheritdoc/>
    public override void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> upstream, Span<double> dx) =>
        StagedDriver.Backward(new ExpStages.NegativePart(Alpha), Transcendental.Exp, new ExpStages.DerivativeFromExp(1.0, 1.0), x, upstream, dx);

    /// <summary>Kernel: x or α·expm1(x/α), and 1 or e^(x/α).</summary>
    public readonly struct Ops(double alpha) : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => false;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
            x > T.Zero ? x : T.CreateTruncating(alpha) * SpecialFunctions.ExpM1(x / T.CreateTruncating(alpha));
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
            x > T.Zero ? T.One : T.Exp(x / T.CreateTruncating(alpha));
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Simd.PerLane(x, Forward);
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Simd.PerLane(x, Derivative);
    }
}
