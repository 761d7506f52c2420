using System.Numerics;
using ActivationCourse.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Logistic sigmoid: f(x) = 1/(1 + e^(−x)), f′(x) = f(x)(1 − f(x)). Range (0, 1); f′ ≤ 1/4, the root of
/// vanishing gradients in deep sigmoid nets. Evaluated without overflow: sigmoid(−1000) = 0, sigmoid(1000) = 1.
/// Same in PyTorch (<c>torch.sigmoid</c>) and Keras. Span paths run on the shared SIMD driver with a vector exp (one pass for f, one for f′).
/// The float forward pass runs 16 lanes at a time where the machine has AVX-512 (<see cref="VectorMath.SigmoidWide"/>).
/// TensorPrimitives.Sigmoid is not used: in the course's own processes (the notebook runner, <c>course bench</c>) it
/// sometimes ran 2–10× slower than this kernel, which is compiled fully optimized.
/// </summary>
public sealed class Sigmoid : ElementwiseActivation<Sigmoid.Ops>
{
    /// <inheritdoc/>
    public override string Name => "sigmoid";
    /// <inheritdoc/>
    public override string DisplayName => "Sigmoid (logistic)";
    /// <inheritdoc/>
    public override string Description => "Squashes to (0, 1); the classic neuron and the output of binary classifiers. Saturates on both sides.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = 1 / (1 + e^(−x))";
    /// <inheritdoc/>
    public override string Range => "(0, 1)";
    /// <inheritdoc/>
    public override string Tex => @"\sigma(x) = \frac{1}{1 + e^{-x}}";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.Sigmoid; Keras sigmoid. No parameters.";
    /// <inheritdoc/>
    public override SaturationRule Saturation => SaturationRule.SigmoidLike;
    /// <inheritdoc/>
    public override Training.Initialization DefaultInitialization => Training.Initialization.XavierUniform;
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        Check.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        int done = VectorMath.SigmoidWide(x, y); // 16 lanes at a time where the machine has AVX-512
        base.Forward(x[done..], y[done..]);
    }

    /// <summary>Kernel: f(x) = σ(x), f′(x) = σ(x)(1 − σ(x)).</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => SpecialFunctions.Sigmoid(x);
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            // σ(1 − σ) = e/(1 + e)² with e = e^(−|x|): no cancellation in 1 − σ, so the tails keep their relative accuracy.
            T e = T.Exp(-T.Abs(x));
            T onePlus = T.One + e;
            return e / (onePlus * onePlus);
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => VectorMath.Sigmoid(x);
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> e = VectorMath.Exp(-Vector.Abs(x));
            Vector<T> onePlus = Vector<T>.One + e;
            return e / (onePlus * onePlus);
        }
    }
}
