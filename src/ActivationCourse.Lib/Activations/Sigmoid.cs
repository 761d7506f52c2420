using System.Numerics;
using System.Numerics.Tensors;

namespace ActivationCourse.Activations;

/// <summary>
/// Logistic sigmoid: f(x) = 1/(1 + e^(−x)), f′(x) = f(x)(1 − f(x)). Range (0, 1); f′ ≤ 1/4, the root of
/// vanishing gradients in deep sigmoid nets. Evaluated without overflow: sigmoid(−1000) = 0, sigmoid(1000) = 1.
/// Same in PyTorch (<c>torch.sigmoid</c>) and Keras. The forward span paths are <see cref="TensorPrimitives.Sigmoid{T}(ReadOnlySpan{T}, Span{T})"/>
/// (it uses the widest vectors the machine has); the derivative and backward paths run the kernel below on the shared driver.
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
    protected override Ops Kernel => default;

    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        Check.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        if (x.Length > 0) // TensorPrimitives.Sigmoid rejects empty spans
        {
            TensorPrimitives.Sigmoid(x, y);
        }
    }

    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        Check.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        if (x.Length > 0)
        {
            TensorPrimitives.Sigmoid(x, y);
        }
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
            T s = SpecialFunctions.Sigmoid(x);
            return s * (T.One - s);
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => VectorMath.Sigmoid(x);
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> s = VectorMath.Sigmoid(x);
            return s * (Vector<T>.One - s);
        }
    }
}
