using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Softsign: f(x) = x/(1 + |x|), f′(x) = 1/(1 + |x|)². Range (−1, 1); softsign(±∞) = ±1.
/// Same in PyTorch (<c>nn.Softsign</c>) and Keras.
/// </summary>
public sealed class Softsign : ElementwiseActivation<Softsign.Ops>
{
    /// <inheritdoc/>
    public override string Name => "softsign";
    /// <inheritdoc/>
    public override string DisplayName => "Softsign";
    /// <inheritdoc/>
    public override string Description => "A tanh-like squashing function built from a division instead of exponentials.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = x / (1 + |x|)";
    /// <inheritdoc/>
    public override string Range => "(−1, 1)";
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \frac{x}{1 + |x|}";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.Softsign; Keras softsign.";
    /// <inheritdoc/>
    public override SaturationRule Saturation => SaturationRule.TanhLike;
    /// <inheritdoc/>
    public override Training.Initialization DefaultInitialization => Training.Initialization.XavierUniform;
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <summary>Kernel: x/(1 + |x|) and 1/(1 + |x|)².</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
            T.IsInfinity(x) ? T.CopySign(T.One, x) : x / (T.One + T.Abs(x));
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T d = T.One + T.Abs(x);
            return T.One / (d * d);
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> y = x / (Vector<T>.One + Vector.Abs(x));
            Vector<T> sign = Vector.ConditionalSelect(Vector.LessThan(x, Vector<T>.Zero), -Vector<T>.One, Vector<T>.One);
            return Vector.ConditionalSelect(Simd.IsInfinity(x), sign, y);
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> d = Vector<T>.One + Vector.Abs(x);
            return Vector<T>.One / (d * d);
        }
    }
}
