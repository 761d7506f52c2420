using System.Numerics;
using ActivationCourse.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// GELU, tanh approximation (PyTorch <c>nn.GELU(approximate='tanh')</c>; Keras' <c>gelu</c> default):
/// f(x) = x/2·(1 + tanh(u)), u = √(2/π)·(x + 0.044715x³);
/// f′(x) = (1 + tanh u)/2 + x/2·(1 − tanh² u)·√(2/π)·(1 + 3·0.044715x²).
/// Evaluated as f(x) = x·σ(2u) (since (1 + tanh u)/2 = σ(2u)), which avoids the cancellation of 1 + tanh u for x &lt; 0.
/// </summary>
public sealed class GELUTanh : ElementwiseActivation<GELUTanh.Ops>
{
    internal const double SqrtTwoOverPi = 0.79788456080286535587989211986876373;
    internal const double Cubic = 0.044715;

    /// <inheritdoc/>
    public override string Name => "gelu_tanh";
    /// <inheritdoc/>
    public override string DisplayName => "GELU (tanh approximation)";
    /// <inheritdoc/>
    public override string Description => "The original fast approximation of GELU used by BERT and GPT-2; within about 5e-4 of the exact form.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = x/2·(1 + tanh(√(2/π)(x + 0.044715x³)))";
    /// <inheritdoc/>
    public override string Range => "≈ [−0.17, ∞)";
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \frac{x}{2}\left(1 + \tanh\!\left(\sqrt{2/\pi}\,(x + 0.044715 x^{3})\right)\right)";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.GELU(approximate = 'tanh'); Keras gelu's default.";
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <summary>Kernel for the tanh approximation.</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (T.Abs(x) > T.CreateTruncating(1e4))
            {
                return x > T.Zero ? x : T.NegativeZero;
            }
            // (1 + tanh u)/2 = σ(2u): no cancellation for negative x.
            T u = T.CreateTruncating(SqrtTwoOverPi) * (x + T.CreateTruncating(Cubic) * x * x * x);
            return x * SpecialFunctions.Sigmoid(u + u);
        }
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (T.Abs(x) > T.CreateTruncating(1e4))
            {
                return x > T.Zero ? T.One : T.Zero;
            }
            T c = T.CreateTruncating(Cubic), k = T.CreateTruncating(SqrtTwoOverPi);
            T u = k * (x + c * x * x * x);
            T sg = SpecialFunctions.Sigmoid(u + u); // (1 + tanh u)/2, and (1 − tanh² u)/2 = 2σ(1 − σ)
            return sg + T.CreateTruncating(2.0) * x * sg * (T.One - sg) * k * (T.One + T.CreateTruncating(3.0) * c * x * x);
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> u = Simd.Const<T>(SqrtTwoOverPi) * (x + Simd.Const<T>(Cubic) * x * x * x);
            Vector<T> far = Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), x, Vector<T>.Zero);
            return Vector.ConditionalSelect(Vector.GreaterThan(Vector.Abs(x), Simd.Const<T>(1e4)), far, x * VectorMath.Sigmoid(u + u));
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> one = Vector<T>.One;
            Vector<T> u = Simd.Const<T>(SqrtTwoOverPi) * (x + Simd.Const<T>(Cubic) * x * x * x);
            Vector<T> sg = VectorMath.Sigmoid(u + u);
            Vector<T> d = sg + Simd.Const<T>(2.0) * x * sg * (one - sg) * Simd.Const<T>(SqrtTwoOverPi) * (one + Simd.Const<T>(3.0 * Cubic) * x * x);
            Vector<T> far = Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), one, Vector<T>.Zero);
            return Vector.ConditionalSelect(Vector.GreaterThan(Vector.Abs(x), Simd.Const<T>(1e4)), far, d);
        }
    }
}
