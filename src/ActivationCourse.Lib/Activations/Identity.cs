using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Identity (linear): f(x) = x, f′(x) = 1. Range (−∞, ∞). Stacking linear layers with it collapses
/// to one linear map, which is why networks need a nonlinearity.
/// </summary>
public sealed class Identity : ElementwiseActivation<Identity.Ops>
{
    /// <inheritdoc/>
    public override string Name => "identity";
    /// <inheritdoc/>
    public override string DisplayName => "Identity";
    /// <inheritdoc/>
    public override string Description => "No nonlinearity at all: a network of identity layers is a single linear map.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = x";
    /// <inheritdoc/>
    public override string Range => "(−∞, ∞)";
    /// <inheritdoc/>
    public override string Tex => @"f(x) = x";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.Identity; Keras linear.";
    /// <inheritdoc/>
    public override Training.Initialization DefaultInitialization => Training.Initialization.XavierUniform;
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <summary>Kernel: f(x) = x, f′(x) = 1.</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => x;
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.IsNaN(x) ? x : T.One;
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => x;
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
            Simd.KeepNaN(x, Vector<T>.One);
    }
}
