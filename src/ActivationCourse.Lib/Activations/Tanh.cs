using System.Numerics;
using ActivationCourse.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Hyperbolic tangent: f(x) = tanh x = 2σ(2x) − 1, f′(x) = 1 − tanh² x. Range (−1, 1); zero-centred,
/// f′(0) = 1. tanh(±∞) = ±1. Span paths compute tanh |x| = −m/(2 + m) with m = expm1(−2|x|), accurate near 0 too.
/// The float forward pass runs 16 lanes at a time where the machine has AVX-512 (<see cref="VectorMath.TanhWide"/>).
/// TensorPrimitives.Tanh is not used: its float vector path computes e^(−2|x|) − 1 by subtraction and loses all relative
/// accuracy for small |x| (tanh 0 = −5.96e-8; relative error up to 1 for |x| in [1e-5, 0.1]), which a gradient check would flag.
/// </summary>
public sealed class Tanh : ElementwiseActivation<Tanh.Ops>
{
    /// <inheritdoc/>
    public override string Name => "tanh";
    /// <inheritdoc/>
    public override string DisplayName => "Tanh";
    /// <inheritdoc/>
    public override string Description => "A zero-centred, rescaled sigmoid: tanh(x) = 2σ(2x) − 1. Standard in RNN cells.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = (e^x − e^(−x)) / (e^x + e^(−x))";
    /// <inheritdoc/>
    public override string Range => "(−1, 1)";
    /// <inheritdoc/>
    public override string Tex => @"\tanh x = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.Tanh; Keras tanh.";
    /// <inheritdoc/>
    public override SaturationRule Saturation => SaturationRule.TanhLike;
    /// <inheritdoc/>
    public override Training.Initialization DefaultInitialization => Training.Initialization.XavierUniform;
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        Check.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        int done = VectorMath.TanhWide(x, y); // 16 lanes at a time where the machine has AVX-512
        base.Forward(x[done..], y[done..]);
    }

    /// <summary>Kernel: f(x) = tanh x, f′(x) = 1 − tanh² x.</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Tanh(x);
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            // sech²x = 4e/(1 + e)² with e = e^(−2|x|): no cancellation, so the tails keep their relative accuracy (1 − tanh² is 0 past |x| ≈ 9 in float).
            T e = T.Exp(T.CreateTruncating(-2.0) * T.Abs(x));
            T onePlus = T.One + e;
            return T.CreateTruncating(4.0) * e / (onePlus * onePlus);
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> m = VectorMath.ExpM1(Simd.Const<T>(-2.0) * Vector.Abs(x));
            Vector<T> t = -m / (Simd.Const<T>(2.0) + m);
            return Vector.ConditionalSelect(Simd.Const<T>(-0.0), x, t); // the sign bit of x (tanh is odd), the rest of t ≥ 0
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> e = VectorMath.Exp(Simd.Const<T>(-2.0) * Vector.Abs(x));
            Vector<T> onePlus = Vector<T>.One + e;
            return Simd.Const<T>(4.0) * e / (onePlus * onePlus);
        }
    }
}
