using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Binary (Heaviside) step: f(x) = 1 if x ≥ 0, else 0. Range {0, 1}.
/// f′(x) = 0 everywhere (the jump at 0 has no derivative; autograd reports 0), which is exactly why
/// a perceptron's step cannot be trained by gradient descent. Kink: 0.
/// </summary>
public sealed class BinaryStep : ElementwiseActivation<BinaryStep.Ops>
{
    /// <inheritdoc/>
    public override string Name => "binary_step";
    /// <inheritdoc/>
    public override string DisplayName => "Binary step";
    /// <inheritdoc/>
    public override string Description => "The perceptron's threshold unit; its derivative is zero everywhere, so gradients cannot flow through it.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = 1 if x ≥ 0 else 0";
    /// <inheritdoc/>
    public override string Range => "{0, 1}";
    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [0.0];
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \begin{cases} 1 & x \ge 0 \\ 0 & x < 0 \end{cases}";
    /// <inheritdoc/>
    public override string FrameworkNotes => "No layer in PyTorch or Keras (torch.heaviside with values = 1); f′ = 0 everywhere, so nothing learns through it.";
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <summary>Kernel: step and its zero derivative.</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
            T.IsNaN(x) ? x : x >= T.Zero ? T.One : T.Zero;
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.IsNaN(x) ? x : T.Zero;
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
            Simd.KeepNaN(x, Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<T>.Zero), Vector<T>.One, Vector<T>.Zero));
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
            Simd.KeepNaN(x, Vector<T>.Zero);
    }
}
