using System.Numerics;
using ActivationCourse.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Exponential linear unit (Clevert et al. 2015): f(x) = x if x &gt; 0 else α(eˣ − 1), default α = 1 (PyTorch and Keras).
/// f′(x) = 1 if x &gt; 0 else α·eˣ (at 0 the negative branch, α, as PyTorch). Range (−α, ∞).
/// eˣ − 1 is computed with an accurate expm1.
/// </summary>
/// <param name="alpha">α, the negative saturation value (finite).</param>
public sealed class ELU(double alpha = 1.0) : ElementwiseActivation<ELU.Ops>
{
    /// <summary>α.</summary>
    public double Alpha { get; } = ActivationParameter.Finite(alpha, "elu", nameof(alpha));

    /// <inheritdoc/>
    public override string Name => "elu";
    /// <inheritdoc/>
    public override string DisplayName => "ELU";
    /// <inheritdoc/>
    public override string Description => "ReLU for x > 0 with a smooth exponential approach to −α below, which pushes mean activations toward zero.";
    /// <inheritdoc/>
    public override string Formula => $"f(x) = x if x > 0 else {Printing.Num.Show(Alpha)}·(e^x − 1)";
    /// <inheritdoc/>
    public override string Range => $"(−{Printing.Num.Show(Alpha)}, ∞)";
    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => Alpha == 1.0 ? [] : [0.0];
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.ELU(alpha = 1); Keras elu(alpha = 1).";
    /// <inheritdoc/>
    public override IReadOnlyList<ActivationSetting> Settings =>
    [
        new("alpha", "α", Alpha, 1.0, 0.05, 3, 0.05),
    ];

    internal override Activation Create(ActivationArguments arguments) =>
        new ELU(arguments["alpha"]);

    /// <inheritdoc/>
    protected override Ops Kernel => new(Alpha, 1.0);

    /// <summary>Kernel shared with SELU: λ·(x if x &gt; 0 else α(eˣ − 1)) and λ·(1 or α·eˣ).</summary>
    public readonly struct Ops(double alpha, double scale) : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
            T.CreateTruncating(scale) * (x > T.Zero ? x : T.CreateTruncating(alpha) * SpecialFunctions.ExpM1(x));
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
            x > T.Zero ? T.CreateTruncating(scale) : T.CreateTruncating(scale * alpha) * T.Exp(x);
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
            Simd.Const<T>(scale) * Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), x, Simd.Const<T>(alpha) * VectorMath.ExpM1(x));
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
            Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), Simd.Const<T>(scale), Simd.Const<T>(scale * alpha) * VectorMath.Exp(x));
    }
}
