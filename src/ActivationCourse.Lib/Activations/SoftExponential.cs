using System.Numerics;
using ActivationCourse.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Soft exponential (Godfrey &amp; Gashler 2015), a family that interpolates logarithm, identity and exponential:
/// <list type="bullet">
/// <item>α &lt; 0: f(x) = −ln(1 − α(x + α))/α, f′(x) = 1/(1 − α(α + x)) (defined for 1 − α(x + α) &gt; 0, NaN outside);</item>
/// <item>α = 0: f(x) = x, f′(x) = 1;</item>
/// <item>α &gt; 0: f(x) = (e^(αx) − 1)/α + α, f′(x) = e^(αx).</item>
/// </list>
/// In the paper α is learned and starts at 0 (the identity). Here the default is α = 0.5, a fixed mildly exponential
/// member, so the gallery shows something other than the identity; pass α explicitly for other members.
/// </summary>
/// <param name="alpha">α (finite).</param>
public sealed class SoftExponential(double alpha = 0.5) : ElementwiseActivation<SoftExponential.Ops>
{
    /// <summary>α.</summary>
    public double Alpha { get; } = ActivationParameter.Finite(alpha, "soft_exponential", nameof(alpha));

    /// <inheritdoc/>
    public override string Name => "soft_exponential";
    /// <inheritdoc/>
    public override string DisplayName => $"Soft exponential (α = {Printing.Num.Show(Alpha)})";
    /// <inheritdoc/>
    public override string Description => "A one-parameter family sliding from logarithmic (α < 0) through linear (α = 0) to exponential (α > 0).";
    /// <inheritdoc/>
    public override string Formula => Alpha switch
    {
        < 0 => $"f(x) = −ln(1 − α(x + α))/α, α = {Printing.Num.Show(Alpha)}",
        0 => "f(x) = x",
        _ => $"f(x) = (e^(αx) − 1)/α + α, α = {Printing.Num.Show(Alpha)}",
    };
    /// <inheritdoc/>
    public override string Range => Alpha switch
    {
        < 0 => "(−∞, ∞) on its domain x > 1/α − α",
        0 => "(−∞, ∞)",
        _ => $"({Printing.Num.Show(Alpha - 1 / Alpha)}, ∞)",
    };
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \begin{cases} -\frac{\ln(1 - \alpha (x + \alpha))}{\alpha} & \alpha < 0 \\ x & \alpha = 0 \\ \frac{e^{\alpha x} - 1}{\alpha} + \alpha & \alpha > 0 \end{cases}";
    /// <inheritdoc/>
    public override string FrameworkNotes => "No framework layer (Godfrey & Gashler 2015).";
    /// <inheritdoc/>
    public override IReadOnlyList<ActivationSetting> Settings =>
    [
        new("alpha", "α", Alpha, 0.5, -1, 1, 0.05),
    ];

    internal override Activation Create(ActivationArguments arguments) =>
        new SoftExponential(arguments["alpha"]);

    /// <inheritdoc/>
    protected override Ops Kernel => new(Alpha);

    /// <summary>Kernel for the three branches (α fixed per kernel).</summary>
    public readonly struct Ops(double alpha) : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T a = T.CreateTruncating(alpha);
            if (alpha < 0)
            {
                return -SpecialFunctions.Log1P(-a * (x + a)) / a;
            }
            return alpha == 0 ? x : SpecialFunctions.ExpM1(a * x) / a + a;
        }
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T a = T.CreateTruncating(alpha);
            if (alpha < 0)
            {
                return T.One / (T.One - a * (a + x));
            }
            return alpha == 0 ? (T.IsNaN(x) ? x : T.One) : T.Exp(a * x);
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            // The default member (α > 0) first: the JIT lays the first branch out as the hot path.
            Vector<T> a = Simd.Const<T>(alpha);
            if (alpha > 0)
            {
                return VectorMath.ExpM1(a * x) / a + a;
            }
            return alpha == 0 ? x : -VectorMath.Log1P(-a * (x + a)) / a;
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> a = Simd.Const<T>(alpha);
            if (alpha > 0)
            {
                return VectorMath.Exp(a * x);
            }
            return alpha == 0 ? Simd.KeepNaN(x, Vector<T>.One) : Vector<T>.One / (Vector<T>.One - a * (a + x));
        }
    }
}
