using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Hard sigmoid, a piecewise-linear sigmoid: f(x) = clamp((x + c) / (2c), 0, 1) with half-width c.
/// </summary>
/// <remarks>
/// <para>Default c = 3: f(x) = relu6(x + 3)/6 = clamp(x/6 + 1/2, 0, 1), as PyTorch's <c>nn.Hardsigmoid</c>
/// (and Keras 3's <c>keras.activations.hard_sigmoid</c>, which switched to this form).</para>
/// <para>Keras 2 / tf.keras (<c>tf.keras.activations.hard_sigmoid</c>) used the older clamp(0.2x + 0.5, 0, 1),
/// i.e. c = 2.5: use <see cref="Keras2"/>.</para>
/// <para>f′(x) = 1/(2c) for −c &lt; x &lt; c, else 0; at the kinks ±c it is 0 (PyTorch's backward).</para>
/// </remarks>
/// <param name="halfWidth">c &gt; 0 (finite): the linear part spans (−c, c) with slope 1/(2c).</param>
public sealed class HardSigmoid(double halfWidth = 3.0) : ElementwiseActivation<HardSigmoid.Ops>
{
    /// <summary>The Keras 2 / tf.keras form clamp(0.2x + 0.5, 0, 1) (half-width 2.5).</summary>
    public static HardSigmoid Keras2 => new(2.5);

    /// <summary>The PyTorch (and Keras 3) form clamp(x/6 + 1/2, 0, 1).</summary>
    public static HardSigmoid PyTorch => new(3.0);

    /// <summary>c.</summary>
    public double HalfWidth { get; } = ActivationParameter.Positive(halfWidth, "hard_sigmoid", nameof(halfWidth));

    /// <summary>The slope 1/(2c) of the linear part.</summary>
    public double Slope => 1.0 / (2.0 * HalfWidth);

    /// <inheritdoc/>
    public override string Name => "hard_sigmoid";
    /// <inheritdoc/>
    public override string DisplayName => "Hard sigmoid";
    /// <inheritdoc/>
    public override string Description => "A cheap piecewise-linear stand-in for the sigmoid, used in mobile networks.";
    /// <inheritdoc/>
    public override string Formula => HalfWidth == 3.0 ? "f(x) = clamp(x/6 + 1/2, 0, 1)" : $"f(x) = clamp((x + {Printing.Num.Show(HalfWidth)}) / {Printing.Num.Show(2 * HalfWidth)}, 0, 1)";
    /// <inheritdoc/>
    public override string Range => "[0, 1]";
    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [-HalfWidth, HalfWidth];
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \operatorname{clamp}\!\left(\frac{x + c}{2c}, 0, 1\right)";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.Hardsigmoid and Keras 3: c = 3 (x/6 + 1/2). Keras 2 / tf.keras: c = 2.5 (0.2x + 0.5).";
    /// <inheritdoc/>
    public override SaturationRule Saturation => SaturationRule.SigmoidLike;
    /// <inheritdoc/>
    public override Training.Initialization DefaultInitialization => Training.Initialization.XavierUniform;
    /// <inheritdoc/>
    public override IReadOnlyList<ActivationSetting> Settings =>
    [
        new("halfWidth", "c", HalfWidth, 3.0, 0.5, 6, 0.1),
    ];

    internal override Activation Create(ActivationArguments arguments) =>
        new HardSigmoid(arguments["halfWidth"]);

    /// <inheritdoc/>
    protected override Ops Kernel => new(HalfWidth);

    /// <summary>Kernel: clamp(x + c, 0, 2c)/(2c) and its slope.</summary>
    public readonly struct Ops(double c) : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T cc = T.CreateTruncating(c), w = cc + cc, u = x + cc;
            return (u < T.Zero ? T.Zero : u > w ? w : u) / w;
        }
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T cc = T.CreateTruncating(c);
            return T.IsNaN(x) ? x : x > -cc && x < cc ? T.One / (cc + cc) : T.Zero;
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> cc = Simd.Const<T>(c), w = cc + cc, u = x + cc;
            u = Vector.ConditionalSelect(Vector.LessThan(u, Vector<T>.Zero), Vector<T>.Zero, u);
            u = Vector.ConditionalSelect(Vector.GreaterThan(u, w), w, u);
            return u / w;
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> cc = Simd.Const<T>(c);
            Vector<T> inside = Vector.BitwiseAnd(Vector.GreaterThan(x, -cc), Vector.LessThan(x, cc));
            return Simd.KeepNaN(x, Vector.ConditionalSelect(inside, Vector<T>.One / (cc + cc), Vector<T>.Zero));
        }
    }
}
