using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Rectified linear unit: f(x) = max(0, x), f′(x) = 1 if x &gt; 0 else 0 (f′(0) = 0, as PyTorch). Range [0, ∞).
/// NaN in gives NaN out.
/// </summary>
public sealed class ReLU : ElementwiseActivation<ReLU.Ops>
{
    /// <inheritdoc/>
    public override string Name => "relu";
    /// <inheritdoc/>
    public override string DisplayName => "ReLU";
    /// <inheritdoc/>
    public override string Description => "The default hidden-layer activation: cheap, non-saturating for x > 0, exactly zero for x < 0.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = max(0, x)";
    /// <inheritdoc/>
    public override string Range => "[0, ∞)";
    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [0.0];
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \max(0, x)";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.ReLU; Keras relu. f′(0) = 0, as PyTorch.";
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <summary>Kernel: max(0, x) and the 0/1 step.</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => x < T.Zero ? T.Zero : x;
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
            T.IsNaN(x) ? x : x > T.Zero ? T.One : T.Zero;
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
            Vector.ConditionalSelect(Vector.LessThan(x, Vector<T>.Zero), Vector<T>.Zero, x);
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
            Simd.KeepNaN(x, Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), Vector<T>.One, Vector<T>.Zero));
    }
}
