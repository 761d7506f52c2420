using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Gaussian error linear unit (Hendrycks &amp; Gimpel 2016), exact form (PyTorch <c>nn.GELU()</c>, approximate = 'none'):
/// f(x) = x·Φ(x) = x/2·(1 + erf(x/√2)), f′(x) = Φ(x) + x·φ(x). Range ≈ [−0.17, ∞).
/// Φ is computed from an accurate erfc (see <see cref="SpecialFunctions.Erfc"/>), in double even for float spans.
/// Keras' <c>gelu</c> defaults to the tanh approximation (approximate = True); that form is <see cref="GELUTanh"/>.
/// </summary>
public sealed class GELU : ElementwiseActivation<GELU.Ops>
{
    /// <inheritdoc/>
    public override string Name => "gelu";
    /// <inheritdoc/>
    public override string DisplayName => "GELU";
    /// <inheritdoc/>
    public override string Description => "Weights x by the probability that a standard normal is below it; the transformer default.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = x·Φ(x) = x/2·(1 + erf(x/√2))";
    /// <inheritdoc/>
    public override string Range => "[−0.16997, ∞)";
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <summary>Kernel: x·Φ(x) and Φ(x) + x·φ(x).</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => false;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            double d = double.CreateTruncating(x);
            return T.CreateTruncating(double.IsNegativeInfinity(d) ? 0.0 : d * SpecialFunctions.NormalCdf(d));
        }
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            double d = double.CreateTruncating(x);
            if (double.IsInfinity(d))
            {
                return d > 0 ? T.One : T.Zero;
            }
            return T.CreateTruncating(SpecialFunctions.NormalCdf(d) + d * SpecialFunctions.NormalPdf(d));
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Simd.PerLane(x, Forward);
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Simd.PerLane(x, Derivative);
    }
}
