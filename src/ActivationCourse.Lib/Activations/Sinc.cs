using System.Numerics;
using ActivationCourse.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Sinc (unnormalized): f(x) = sin(x)/x with f(0) = 1; f′(x) = (x cos x − sin x)/x² with f′(0) = 0.
/// Range ≈ [−0.2172, 1]. For |x| &lt; 1/2 the derivative uses its Taylor series to avoid cancellation;
/// f(±∞) = f′(±∞) = 0.
/// </summary>
public sealed class Sinc : ElementwiseActivation<Sinc.Ops>
{
    /// <inheritdoc/>
    public override string Name => "sinc";
    /// <inheritdoc/>
    public override string DisplayName => "Sinc";
    /// <inheritdoc/>
    public override string Description => "sin(x)/x: a damped oscillation equal to 1 at the origin.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = sin(x)/x, f(0) = 1";
    /// <inheritdoc/>
    public override string Range => "≈ [−0.2172, 1]";
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \frac{\sin x}{x},\ f(0) = 1";
    /// <inheritdoc/>
    public override string FrameworkNotes => "No framework layer (torch.sinc is the normalized sin(πx)/(πx)).";
    /// <inheritdoc/>
    protected override Ops Kernel => default;

    /// <summary>Kernel for sinc and its derivative.</summary>
    public readonly struct Ops : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (x == T.Zero)
            {
                return T.One;
            }
            return T.IsInfinity(x) ? T.Zero : T.Sin(x) / x;
        }
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (T.IsInfinity(x))
            {
                return T.Zero;
            }
            if (T.Abs(x) < T.CreateTruncating(0.5))
            {
                // f′(x) = Σ_{n≥1} (−1)ⁿ·2n·x^(2n−1)/(2n+1)!  = −x/3 + x³/30 − x⁵/840 + …
                T x2 = x * x, term = -x / T.CreateTruncating(3.0), sum = term;
                for (int n = 2; n < 12; n++)
                {
                    // ratio of consecutive terms: −x²·2n / ((2n − 2)·(2n)(2n + 1))
                    term *= -x2 * T.CreateTruncating(2.0 * n) / T.CreateTruncating((2.0 * n - 2.0) * (2.0 * n) * (2.0 * n + 1.0));
                    sum += term;
                }
                return sum;
            }
            return (T.Cos(x) - T.Sin(x) / x) / x; // not (x·cos x − sin x)/x²: x² overflows float beyond |x| ≈ 1.8e19
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> y = VectorMath.Sin(x) / x;
            y = Vector.ConditionalSelect(Vector.Equals(x, Vector<T>.Zero), Vector<T>.One, y);
            return Vector.ConditionalSelect(Simd.IsInfinity(x), Vector<T>.Zero, y);
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> x2 = x * x;
            Vector<T> series = Simd.Const<T>(1.0 / 22230464256000);
            series = series * x2 - Simd.Const<T>(1.0 / 93405312000);
            series = series * x2 + Simd.Const<T>(1.0 / 518918400);
            series = series * x2 - Simd.Const<T>(1.0 / 3991680);
            series = series * x2 + Simd.Const<T>(1.0 / 45360);
            series = series * x2 - Simd.Const<T>(1.0 / 840);
            series = series * x2 + Simd.Const<T>(1.0 / 30);
            series = (series * x2 - Simd.Const<T>(1.0 / 3)) * x; // the Taylor series above, to x¹⁵
            Vector<T> d = (VectorMath.Cos(x) - VectorMath.Sin(x) / x) / x; // x² overflows float beyond |x| ≈ 1.8e19
            d = Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(x), Simd.Const<T>(0.5)), series, d);
            return Vector.ConditionalSelect(Simd.IsInfinity(x), Vector<T>.Zero, d);
        }
    }
}
