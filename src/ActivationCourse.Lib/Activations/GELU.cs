using System.Numerics;
using ActivationCourse.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Gaussian error linear unit (Hendrycks &amp; Gimpel 2016), exact form (PyTorch <c>nn.GELU()</c>, approximate = 'none'):
/// f(x) = x·Φ(x) = x/2·(1 + erf(x/√2)), f′(x) = Φ(x) + x·φ(x). Range ≈ [−0.17, ∞).
/// The scalar form computes Φ from an accurate erfc (see <see cref="SpecialFunctions.Erfc"/>) in double; the double span
/// paths use the vector erfc (relative error ~1e-16, so x·Φ(x) keeps its relative accuracy even where Φ is tiny), the
/// float ones a one-formula erfc (Numerical Recipes' erfcc, relative error a few float ulp) that runs at about half the
/// sigmoid's speed.
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
    public override string Tex => @"f(x) = x\,\Phi(x) = \frac{x}{2}\left(1 + \operatorname{erf}\frac{x}{\sqrt{2}}\right)";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.GELU() (exact). Keras gelu defaults to the tanh approximation (gelu_tanh).";
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <summary>Kernel: x·Φ(x) and Φ(x) + x·φ(x).</summary>
    public readonly struct Ops : IActivationKernel
    {
        private const double InvSqrt2 = 0.70710678118654752440;
        private const double InvSqrt2Pi = 0.39894228040143267794;

        /// <inheritdoc/>
        public bool IsVectorized => true;
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
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> y = x * Cdf(x);
            return Vector.ConditionalSelect(Vector.Equals(x, Simd.Const<T>(double.NegativeInfinity)), Vector<T>.Zero, y);
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> cdf = Cdf(x);
            Vector<T> d = cdf + x * Simd.Const<T>(InvSqrt2Pi) * VectorMath.Exp(Simd.Const<T>(-0.5) * x * x);
            return Vector.ConditionalSelect(Simd.IsInfinity(x), cdf, d); // Φ(±∞) = 1, 0, where x·φ(x) is ∞·0
        }

        /// <summary>
        /// Φ(x) from erfc(|x|/√2)/2, which keeps its relative accuracy for negative x; 1 + erf(x/√2) cancels there
        /// (in float, GELU(−5) came out 6% too large and GELU(−9.6) as 0).
        /// </summary>
        private static Vector<T> Cdf<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            // Float takes the one-formula erfc (a few ulp, as fast as two sigmoids); double the piecewise one (~1e-16).
            Vector<T> a = Vector.Abs(x) * Simd.Const<T>(InvSqrt2);
            Vector<T> erfc = typeof(T) == typeof(float) ? Vector.As<float, T>(VectorMath.ErfcFast(Vector.As<T, float>(a))) : VectorMath.Erfc(a);
            Vector<T> half = Simd.Const<T>(0.5) * erfc;
            return Vector.ConditionalSelect(Vector.LessThan(x, Vector<T>.Zero), half, Vector<T>.One - half);
        }
    }
}
