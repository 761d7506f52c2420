using System.Numerics;
using ActivationCourse.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Mish (Misra 2019), PyTorch <c>nn.Mish</c>: f(x) = x·tanh(softplus(x)),
/// f′(x) = tanh(sp) + x·(1 − tanh²(sp))·σ(x) with sp = softplus(x). Range ≈ [−0.3088, ∞). f(−∞) = 0.
/// </summary>
public sealed class Mish : ElementwiseActivation<Mish.Ops>
{
    /// <inheritdoc/>
    public override string Name => "mish";
    /// <inheritdoc/>
    public override string DisplayName => "Mish";
    /// <inheritdoc/>
    public override string Description => "A smooth, non-monotonic self-gated unit similar to Swish, popular in YOLOv4.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = x·tanh(ln(1 + e^x))";
    /// <inheritdoc/>
    public override string Range => "≈ [−0.3088, ∞)";
    /// <inheritdoc/>
    public override string Tex => @"f(x) = x \tanh\!\left(\log(1 + e^{x})\right)";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.Mish; Keras mish.";
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <summary>Kernel: x·tanh(softplus x) and its derivative.</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
            T.IsNegativeInfinity(x) ? T.Zero : x * T.Tanh(SpecialFunctions.Softplus(x));
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (T.IsInfinity(x))
            {
                return x > T.Zero ? T.One : T.Zero;
            }
            T t = T.Tanh(SpecialFunctions.Softplus(x));
            return t + x * (T.One - t * t) * SpecialFunctions.Sigmoid(x);
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            // tanh(log(1 + e)) = n/(n + 2) with n = e(e + 2), e = eˣ; above x = 20 the factor is 1 to working precision.
            Vector<T> e = VectorMath.Exp(x);
            Vector<T> n = e * (e + Simd.Const<T>(2.0));
            Vector<T> y = Vector.ConditionalSelect(Vector.GreaterThan(x, Simd.Const<T>(20.0)), x, x * n / (n + Simd.Const<T>(2.0)));
            return Vector.ConditionalSelect(Vector.Equals(x, Simd.Const<T>(double.NegativeInfinity)), Vector<T>.Zero, y);
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            // With d = n + 2: tanh(sp) = n/d, 1 − tanh²(sp) = 4(1 + e)²/d² and σ(x) = e/(1 + e), so f′ = n/d + 4x·e(1 + e)/d².
            Vector<T> e = VectorMath.Exp(x);
            Vector<T> n = e * (e + Simd.Const<T>(2.0));
            Vector<T> d = n + Simd.Const<T>(2.0);
            // x·e first: at x = −MaxValue, e = 0 and the product is 0, where 4x alone would overflow to −∞ and ∞·0 is NaN.
            Vector<T> g = n / d + Simd.Const<T>(4.0) * (x * e) * (e + Vector<T>.One) / (d * d);
            g = Vector.ConditionalSelect(Vector.GreaterThan(x, Simd.Const<T>(20.0)), Vector<T>.One, g);
            return Vector.ConditionalSelect(Vector.Equals(x, Simd.Const<T>(double.NegativeInfinity)), Vector<T>.Zero, g);
        }
    }
}
