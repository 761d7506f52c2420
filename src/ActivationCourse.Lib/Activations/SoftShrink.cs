using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Soft shrinkage: f(x) = x − λ for x &gt; λ, x + λ for x &lt; −λ, else 0 (PyTorch <c>nn.Softshrink(lambd = 0.5)</c>,
/// Keras 3 <c>keras.activations.soft_shrink(threshold = 0.5)</c>). f′(x) = 1 for |x| &gt; λ, else 0; at the kinks ±λ
/// it is 0, as PyTorch's backward. Range (−∞, ∞). NaN in gives NaN out.
/// </summary>
/// <param name="lambda">λ ≥ 0 (finite): the half-width of the band mapped to 0.</param>
public sealed class SoftShrink(double lambda = 0.5) : ElementwiseActivation<SoftShrink.Ops>
{
    /// <summary>λ.</summary>
    public double Lambda { get; } = ActivationParameter.NonNegative(lambda, "soft_shrink", nameof(lambda));

    /// <inheritdoc/>
    public override string Name => "soft_shrink";
    /// <inheritdoc/>
    public override string DisplayName => "Soft shrink";
    /// <inheritdoc/>
    public override string Description => "Sets the band [−λ, λ] to zero and moves everything else λ towards zero: the soft thresholding of sparse coding.";
    /// <inheritdoc/>
    public override string Formula => $"f(x) = x − {Printing.Num.Show(Lambda)} if x > {Printing.Num.Show(Lambda)}; x + {Printing.Num.Show(Lambda)} if x < {Printing.Num.Show(-Lambda)}; else 0";
    /// <inheritdoc/>
    public override string Range => "(−∞, ∞)";
    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => Lambda == 0 ? [0.0] : [-Lambda, Lambda];
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \begin{cases} x - \lambda & x > \lambda \\ x + \lambda & x < -\lambda \\ 0 & |x| \le \lambda \end{cases}";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.Softshrink(lambd = 0.5); Keras 3 keras.activations.soft_shrink(threshold = 0.5). f′(±λ) = 0, as PyTorch.";
    /// <inheritdoc/>
    public override IReadOnlyList<ActivationSetting> Settings => [new("lambda", "λ", Lambda, 0.5, 0, 2, 0.05)];

    internal override Activation Create(ActivationArguments arguments) => new SoftShrink(arguments["lambda"]);

    /// <inheritdoc/>
    protected override Ops Kernel => new(Lambda);

    /// <summary>Kernel: shift towards zero outside the band, 0 inside; slope 1 or 0.</summary>
    public readonly struct Ops(double lambda) : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T l = T.CreateTruncating(lambda);
            return T.IsNaN(x) ? x : x > l ? x - l : x < -l ? x + l : T.Zero;
        }
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T l = T.CreateTruncating(lambda);
            return T.IsNaN(x) ? x : x > l || x < -l ? T.One : T.Zero;
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> l = Simd.Const<T>(lambda);
            Vector<T> y = Vector.ConditionalSelect(Vector.LessThan(x, -l), x + l, Vector<T>.Zero);
            return Simd.KeepNaN(x, Vector.ConditionalSelect(Vector.GreaterThan(x, l), x - l, y));
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> l = Simd.Const<T>(lambda);
            Vector<T> outside = Vector.BitwiseOr(Vector.GreaterThan(x, l), Vector.LessThan(x, -l));
            return Simd.KeepNaN(x, Vector.ConditionalSelect(outside, Vector<T>.One, Vector<T>.Zero));
        }
    }
}
