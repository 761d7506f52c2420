using System.Numerics;
using ActivationCourse.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Gaussian: f(x) = e^(−x²), f′(x) = −2x·e^(−x²). Range (0, 1]. f(±∞) = f′(±∞) = 0.
/// A radial-basis-style bump: large inputs of either sign switch the unit off.
/// </summary>
public sealed class Gaussian : ElementwiseActivation<Gaussian.Ops>
{
    /// <inheritdoc/>
    public override string Name => "gaussian";
    /// <inheritdoc/>
    public override string DisplayName => "Gaussian";
    /// <inheritdoc/>
    public override string Description => "A bell curve: the unit responds only to inputs near zero, like a radial basis function.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = e^(−x²)";
    /// <inheritdoc/>
    public override string Range => "(0, 1]";
    /// <inheritdoc/>
    public override string Tex => @"f(x) = e^{-x^{2}}";
    /// <inheritdoc/>
    public override string FrameworkNotes => "No framework layer.";
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <summary>Kernel: e^(−x²) and −2x·e^(−x²).</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Exp(-(x * x));
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
            T.IsInfinity(x) ? T.Zero : T.CreateTruncating(-2.0) * (x * T.Exp(-(x * x))); // x·e^(−x²) first: −2x overflows at ±MaxValue
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
            VectorMath.Exp(-(x * x));
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> d = Simd.Const<T>(-2.0) * (x * VectorMath.Exp(-(x * x))); // x·e^(−x²) first: −2x overflows at ±MaxValue
            return Vector.ConditionalSelect(Simd.IsInfinity(x), Vector<T>.Zero, d);
        }
    }
}
