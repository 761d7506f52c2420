using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Hard swish (Howard et al. 2019, MobileNetV3), PyTorch <c>nn.Hardswish</c>: f(x) = x·relu6(x + 3)/6.
/// f′(x) = 0 for x &lt; −3, x/3 + 1/2 for −3 ≤ x ≤ 3, 1 for x &gt; 3. At the kinks PyTorch's backward uses the middle
/// branch: f′(−3) = −1/2 and f′(3) = 3/2. Range [−3/8, ∞).
/// </summary>
public sealed class HardSwish : ElementwiseActivation<HardSwish.Ops>
{
    /// <inheritdoc/>
    public override string Name => "hard_swish";
    /// <inheritdoc/>
    public override string DisplayName => "Hard swish";
    /// <inheritdoc/>
    public override string Description => "Swish with the sigmoid replaced by the piecewise-linear hard sigmoid; cheap on mobile hardware.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = x·relu6(x + 3)/6";
    /// <inheritdoc/>
    public override string Range => "[−0.375, ∞)";
    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [-3.0, 3.0];
    /// <inheritdoc/>
    public override string Tex => @"f(x) = x\,\frac{\operatorname{relu6}(x + 3)}{6}";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.Hardswish; Keras hard_silu / hard_swish.";
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <summary>Kernel: x·clamp(x + 3, 0, 6)/6 and the three-piece derivative.</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T six = T.CreateTruncating(6.0), u = x + T.CreateTruncating(3.0);
            return u <= T.Zero ? T.Zero : x * ((u > six ? six : u) / six); // x·6 would overflow at MaxValue
        }
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T three = T.CreateTruncating(3.0);
            return x < -three ? T.Zero : x <= three ? x / three + T.CreateTruncating(0.5) : T.IsNaN(x) ? x : T.One;
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> six = Simd.Const<T>(6.0), u = x + Simd.Const<T>(3.0);
            Vector<T> y = x * (Vector.ConditionalSelect(Vector.GreaterThan(u, six), six, u) / six); // x·6 would overflow at MaxValue
            return Vector.ConditionalSelect(Vector.LessThanOrEqual(u, Vector<T>.Zero), Vector<T>.Zero, y);
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> three = Simd.Const<T>(3.0);
            Vector<T> middle = x / three + Simd.Const<T>(0.5);
            Vector<T> d = Vector.ConditionalSelect(Vector.GreaterThan(x, three), Vector<T>.One, middle);
            return Vector.ConditionalSelect(Vector.LessThan(x, -three), Vector<T>.Zero, d);
        }
    }
}
