using System.Numerics;
using ActivationCourse.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Sinusoid: f(x) = sin x, f′(x) = cos x. Range [−1, 1]. Periodic, so many inputs map to the same output
/// (used in SIREN-style implicit networks). sin(±∞) is NaN, as in IEEE arithmetic.
/// </summary>
public sealed class Sinusoid : ElementwiseActivation<Sinusoid.Ops>
{
    /// <inheritdoc/>
    public override string Name => "sinusoid";
    /// <inheritdoc/>
    public override string DisplayName => "Sinusoid";
    /// <inheritdoc/>
    public override string Description => "A periodic activation: good for representing signals (SIREN), awkward for ordinary classifiers.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = sin(x)";
    /// <inheritdoc/>
    public override string Range => "[−1, 1]";
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \sin x";
    /// <inheritdoc/>
    public override string FrameworkNotes => "No framework layer.";
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <summary>Kernel: sin and cos (vector forms with Cody–Waite range reduction).</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Sin(x);
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Cos(x);
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
            VectorMath.Sin(x);
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
            VectorMath.Cos(x);
    }
}
