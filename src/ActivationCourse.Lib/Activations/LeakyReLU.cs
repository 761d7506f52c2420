using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Leaky ReLU: f(x) = x if x &gt; 0 else a·x, f′(x) = 1 if x &gt; 0 else a (so f′(0) = a, as PyTorch's backward).
/// Range (−∞, ∞) for a &gt; 0.
/// </summary>
/// <remarks>
/// Default a = 0.01 (PyTorch <c>negative_slope</c>). Keras differs: the Keras 2 layer <c>LeakyReLU(alpha=0.3)</c>,
/// the Keras 3 layer <c>LeakyReLU(negative_slope=0.3)</c>, and the function <c>keras.activations.leaky_relu</c>
/// with <c>negative_slope=0.2</c>. Use <see cref="KerasLayer"/> or <see cref="KerasFunction"/>.
/// </remarks>
/// <param name="negativeSlope">a, the slope for x &lt; 0 (finite).</param>
public sealed class LeakyReLU(double negativeSlope = 0.01) : ElementwiseActivation<LeakyReLU.Ops>
{
    /// <summary>Keras' <c>LeakyReLU</c> layer default (slope 0.3, Keras 2 and 3).</summary>
    public static LeakyReLU KerasLayer => new(0.3);

    /// <summary>Keras 3's <c>keras.activations.leaky_relu</c> default (slope 0.2).</summary>
    public static LeakyReLU KerasFunction => new(0.2);

    /// <summary>a, the slope for x &lt; 0.</summary>
    public double NegativeSlope { get; } = ActivationParameter.Finite(negativeSlope, "leaky_relu", nameof(negativeSlope));

    /// <inheritdoc/>
    public override string Name => "leaky_relu";
    /// <inheritdoc/>
    public override string DisplayName => "Leaky ReLU";
    /// <inheritdoc/>
    public override string Description => "ReLU with a small slope for negative inputs, so units never stop receiving gradient.";
    /// <inheritdoc/>
    public override string Formula => $"f(x) = x if x > 0 else {Printing.Num.Show(NegativeSlope)}·x";
    /// <inheritdoc/>
    public override string Range => "(−∞, ∞)";
    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [0.0];
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.LeakyReLU(negative_slope = 0.01). Keras LeakyReLU layer: 0.3; keras.activations.leaky_relu: 0.2.";
    /// <inheritdoc/>
    public override IReadOnlyList<ActivationSetting> Settings =>
    [
        new("negativeSlope", "a", NegativeSlope, 0.01, 0, 1, 0.01),
    ];

    internal override Activation Create(ActivationArguments arguments) =>
        new LeakyReLU(arguments["negativeSlope"]);

    /// <inheritdoc/>
    protected override Ops Kernel => new(NegativeSlope);

    /// <summary>Kernel shared by Leaky ReLU, PReLU and RReLU (evaluation): x or a·x, and 1 or a.</summary>
    public readonly struct Ops(double slope) : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => x > T.Zero ? x : T.CreateTruncating(slope) * x;
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
            T.IsNaN(x) ? x : x > T.Zero ? T.One : T.CreateTruncating(slope);
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
            Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), x, Simd.Const<T>(slope) * x);
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
            Simd.KeepNaN(x, Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), Vector<T>.One, Simd.Const<T>(slope)));
    }
}
