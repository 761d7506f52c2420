using System.Numerics;
using ActivationCourse.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Arctangent: f(x) = atan x, f′(x) = 1/(1 + x²). Range (−π/2, π/2); saturates slowly (polynomially).
/// Both run on the shared SIMD driver (atan by range reduction to |t| ≤ tan(π/8) and a polynomial).
/// </summary>
public sealed class Arctan : ElementwiseActivation<Arctan.Ops>
{
    /// <inheritdoc/>
    public override string Name => "arctan";
    /// <inheritdoc/>
    public override string DisplayName => "Arctan";
    /// <inheritdoc/>
    public override string Description => "A sigmoid-shaped curve whose tails approach ±π/2 like 1/x, far slower than tanh.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = atan(x)";
    /// <inheritdoc/>
    public override string Range => "(−π/2, π/2)";
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \arctan x";
    /// <inheritdoc/>
    public override string FrameworkNotes => "No framework layer.";
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <summary>Kernel: atan x and 1/(1 + x²).</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Atan(x);
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.One / (T.One + x * x);
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => VectorMath.Atan(x);
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
            Vector<T>.One / (Vector<T>.One + x * x);
    }
}
