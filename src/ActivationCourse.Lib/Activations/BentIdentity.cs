using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Bent identity: f(x) = (√(x² + 1) − 1)/2 + x, f′(x) = x/(2√(x² + 1)) + 1. Range (−∞, ∞); f′ ∈ (1/2, 3/2).
/// Evaluated without cancellation near 0 (√(x²+1) − 1 = x²/(√(x²+1) + 1)) and without overflow of x² for large |x|.
/// </summary>
public sealed class BentIdentity : ElementwiseActivation<BentIdentity.Ops>
{
    /// <inheritdoc/>
    public override string Name => "bent_identity";
    /// <inheritdoc/>
    public override string DisplayName => "Bent identity";
    /// <inheritdoc/>
    public override string Description => "A smooth, unbounded curve with slope 1/2 on the far left and 3/2 on the far right.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = (√(x² + 1) − 1)/2 + x";
    /// <inheritdoc/>
    public override string Range => "(−∞, ∞)";
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \frac{\sqrt{x^{2} + 1} - 1}{2} + x";
    /// <inheritdoc/>
    public override string FrameworkNotes => "No framework layer.";
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <summary>Kernel. With a = |x|: h = √(1 + x²) if a ≤ 1 else a·√(1 + 1/a²).</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (T.IsInfinity(x))
            {
                return x;
            }
            T a = T.Abs(x), half = T.CreateTruncating(0.5);
            T g = a <= T.One ? x * x / (T.Sqrt(T.One + x * x) + T.One) : a * T.Sqrt(T.One + T.One / (a * a)) - T.One;
            return x + half * g;
        }
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T a = T.Abs(x), half = T.CreateTruncating(0.5);
            T r = a <= T.One ? x / T.Sqrt(T.One + x * x) : T.CopySign(T.One, x) / T.Sqrt(T.One + T.One / (a * a));
            return T.One + half * r;
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> a = Vector.Abs(x), one = Vector<T>.One;
            Vector<T> small = Vector.LessThanOrEqual(a, one);
            Vector<T> g = Vector.ConditionalSelect(small,
                x * x / (Vector.SquareRoot(one + x * x) + one),
                a * Vector.SquareRoot(one + one / (a * a)) - one);
            return Vector.ConditionalSelect(Simd.IsInfinity(x), x, x + Simd.Const<T>(0.5) * g);
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> a = Vector.Abs(x), one = Vector<T>.One;
            Vector<T> sign = Vector.ConditionalSelect(Vector.LessThan(x, Vector<T>.Zero), -one, one);
            Vector<T> r = Vector.ConditionalSelect(Vector.LessThanOrEqual(a, one),
                x / Vector.SquareRoot(one + x * x),
                sign / Vector.SquareRoot(one + one / (a * a)));
            return Simd.KeepNaN(x, one + Simd.Const<T>(0.5) * r);
        }
    }
}
