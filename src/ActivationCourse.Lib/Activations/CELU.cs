using System.Numerics;
using ActivationCourse.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Continuously differentiable ELU (Barron 2017), PyTorch <c>nn.CELU(alpha = 1)</c>:
/// f(x) = max(0, x) + min(0, α(e^(x/α) − 1)); f′(x) = 1 if x &gt; 0 else e^(x/α) (continuous for every α).
/// Range (−α, ∞). With α = 1 it equals ELU.
/// </summary>
/// <param name="alpha">α (finite, not 0).</param>
public sealed class CELU(double alpha = 1.0) : ElementwiseActivation<CELU.Ops>
{
    /// <summary>α.</summary>
    public double Alpha { get; } = ActivationParameter.NonZero(alpha, "celu", nameof(alpha));

    /// <inheritdoc/>
    public override string Name => "celu";
    /// <inheritdoc/>
    public override string DisplayName => "CELU";
    /// <inheritdoc/>
    public override string Description => "An ELU reparameterized so its derivative is continuous at 0 for every α.";
    /// <inheritdoc/>
    public override string Formula => $"f(x) = max(0, x) + min(0, {Printing.Num.Show(Alpha)}·(e^(x/{Printing.Num.Show(Alpha)}) − 1))";
    /// <inheritdoc/>
    public override string Range => $"(−{Printing.Num.Show(Alpha)}, ∞)";
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \max(0, x) + \min\!\left(0, \alpha (e^{x/\alpha} - 1)\right)";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.CELU(alpha = 1). No Keras layer.";
    /// <inheritdoc/>
    public override IReadOnlyList<ActivationSetting> Settings =>
    [
        new("alpha", "α", Alpha, 1.0, 0.05, 3, 0.05),
    ];

    internal override Activation Create(ActivationArguments arguments) =>
        new CELU(arguments["alpha"]);

    /// <inheritdoc/>
    protected override Ops Kernel => new(Alpha);

    /// <summary>Kernel: x or α·expm1(x/α), and 1 or e^(x/α).</summary>
    public readonly struct Ops(double alpha) : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
            x > T.Zero ? x : T.CreateTruncating(alpha) * SpecialFunctions.ExpM1(x / T.CreateTruncating(alpha));
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
            x > T.Zero ? T.One : T.Exp(x / T.CreateTruncating(alpha));
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
            Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), x, Simd.Const<T>(alpha) * VectorMath.ExpM1(x * Simd.Const<T>(1.0 / alpha)));
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
            Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), Vector<T>.One, VectorMath.Exp(x / Simd.Const<T>(alpha)));
    }
}
