using System.Numerics;
using ActivationCourse.Printing;

namespace ActivationCourse.Activations;

/// <summary>
/// S-shaped ReLU (Jin et al. 2016): three linear pieces,
/// f(x) = t_r + a_r(x − t_r) for x ≥ t_r; x for t_l &lt; x &lt; t_r; t_l + a_l(x − t_l) for x ≤ t_l.
/// f′(x) = a_r, 1, a_l on those pieces (at a kink the outer slope). In the paper all four are learned per channel;
/// here they are fixed, with defaults t_l = −1, a_l = 0.1, t_r = 1, a_r = 0.1: an S shape that is the identity on
/// (−1, 1) and flattens (but does not saturate) outside.
/// </summary>
/// <param name="leftThreshold">t_l.</param>
/// <param name="leftSlope">a_l.</param>
/// <param name="rightThreshold">t_r (must be ≥ t_l). All four are finite.</param>
/// <param name="rightSlope">a_r.</param>
public sealed class SReLU(double leftThreshold = -1.0, double leftSlope = 0.1, double rightThreshold = 1.0, double rightSlope = 0.1)
    : ElementwiseActivation<SReLU.Ops>
{
    /// <summary>t_l.</summary>
    public double LeftThreshold { get; } = ActivationParameter.Finite(leftThreshold, "srelu", nameof(leftThreshold));
    /// <summary>a_l.</summary>
    public double LeftSlope { get; } = ActivationParameter.Finite(leftSlope, "srelu", nameof(leftSlope));
    /// <summary>t_r.</summary>
    public double RightThreshold { get; } = ActivationParameter.Above(rightThreshold, leftThreshold, allowEqual: true, "srelu", nameof(rightThreshold), nameof(leftThreshold));
    /// <summary>a_r.</summary>
    public double RightSlope { get; } = ActivationParameter.Finite(rightSlope, "srelu", nameof(rightSlope));

    /// <inheritdoc/>
    public override string Name => "srelu";
    /// <inheritdoc/>
    public override string DisplayName => "SReLU";
    /// <inheritdoc/>
    public override string Description => "Three linear pieces forming an S: identity in the middle, different slopes beyond two thresholds.";
    /// <inheritdoc/>
    public override string Formula =>
        $"f(x) = {Num.Terms((RightThreshold, ""), (RightSlope, $"({Num.Terms((1, "x"), (-RightThreshold, ""))})"))} if x ≥ {Num.Show(RightThreshold)}; x if between; " +
        $"{Num.Terms((LeftThreshold, ""), (LeftSlope, $"({Num.Terms((1, "x"), (-LeftThreshold, ""))})"))} if x ≤ {Num.Show(LeftThreshold)}";
    /// <inheritdoc/>
    public override string Range => "(−∞, ∞)";
    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [LeftThreshold, RightThreshold];
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \begin{cases} t_r + a_r (x - t_r) & x \ge t_r \\ x & t_l < x < t_r \\ t_l + a_l (x - t_l) & x \le t_l \end{cases}";
    /// <inheritdoc/>
    public override string FrameworkNotes => "No PyTorch layer; the old keras-contrib SReLU learned all four values.";
    /// <inheritdoc/>
    public override IReadOnlyList<ActivationSetting> Settings =>
    [
        new("leftThreshold", "t_l", LeftThreshold, -1.0, -3, 0, 0.1),
        new("leftSlope", "a_l", LeftSlope, 0.1, -1, 1, 0.05),
        new("rightThreshold", "t_r", RightThreshold, 1.0, 0, 3, 0.1),
        new("rightSlope", "a_r", RightSlope, 0.1, -1, 1, 0.05),
    ];

    internal override Activation Create(ActivationArguments arguments) =>
        new SReLU(arguments["leftThreshold"], arguments["leftSlope"], arguments["rightThreshold"], arguments["rightSlope"]);

    /// <inheritdoc/>
    protected override Ops Kernel => new(LeftThreshold, LeftSlope, RightThreshold, RightSlope);

    /// <summary>Kernel for the three pieces.</summary>
    public readonly struct Ops(double tl, double al, double tr, double ar) : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T l = T.CreateTruncating(tl), r = T.CreateTruncating(tr);
            return x >= r ? r + T.CreateTruncating(ar) * (x - r) : x <= l ? l + T.CreateTruncating(al) * (x - l) : x;
        }
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
            T.IsNaN(x) ? x : x >= T.CreateTruncating(tr) ? T.CreateTruncating(ar) : x <= T.CreateTruncating(tl) ? T.CreateTruncating(al) : T.One;
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> l = Simd.Const<T>(tl), r = Simd.Const<T>(tr);
            Vector<T> y = Vector.ConditionalSelect(Vector.LessThanOrEqual(x, l), l + Simd.Const<T>(al) * (x - l), x);
            return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, r), r + Simd.Const<T>(ar) * (x - r), y);
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> d = Vector.ConditionalSelect(Vector.LessThanOrEqual(x, Simd.Const<T>(tl)), Simd.Const<T>(al), Vector<T>.One);
            d = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Simd.Const<T>(tr)), Simd.Const<T>(ar), d);
            return Simd.KeepNaN(x, d);
        }
    }
}
