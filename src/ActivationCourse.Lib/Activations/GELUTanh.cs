using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// GELU, tanh approximation (PyTorch <c>nn.GELU(approximate='tanh')</c>; Keras' <c>gelu</c> default):
/// f(x) = x/2·(1 + tanh(u)), u = √(2/π)·(x + 0.044715x³);
/// f′(x) = (1 + tanh u)/2 + x/2·(1 − tanh² u)·√(2/π)·(1 + 3·0.044715x²).
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
    protected override Ops Kernel => default;

    /// <summary>Kernel for the tanh approximation.</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => false;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (T.Abs(x) > T.CreateTruncating(1e4))
            {
                return x > T.Zero ? x : T.NegativeZero;
            }
            T half = T.CreateTruncating(0.5);
            T u = T.CreateTruncating(SqrtTwoOverPi) * (x + T.CreateTruncating(Cubic) * x * x * x);
            return half * x * (T.One + T.Tanh(u));
        }
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (T.Abs(x) > T.CreateTruncating(1e4))
            {
                return x > T.Zero ? T.One : T.Zero;
            }
            T half = T.CreateTruncating(0.5), c = T.CreateTruncating(Cubic), k = T.CreateTruncating(SqrtTwoOverPi);
            T t = T.Tanh(k * (x + c * x * x * x));
            return half * (T.One + t) + half * x * (T.One - t * t) * k * (T.One + T.CreateTruncating(3.0) * c * x * x);
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Simd.PerLane(x, Forward);
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Simd.PerLane(x, Derivative);
    }
}
