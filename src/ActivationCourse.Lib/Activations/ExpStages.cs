using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Vector stages for the ELU family around TensorPrimitives.Exp: u = min(x, 0)/α, e = exp(u), then
/// λ·(x if x &gt; 0 else α·(e − 1)) with e − 1 replaced by a Taylor polynomial of expm1 for |u| &lt; 1/8 (no cancellation),
/// or the derivative λ·(1 if x &gt; 0 else α_d·e).
/// </summary>
internal static class ExpStages
{
    public readonly struct NegativePart(double divisor) : IBinaryKernel
    {
        public T Invoke<T>(T x, T unused) where T : unmanaged, IFloatingPointIeee754<T> =>
            (x > T.Zero ? T.Zero : x) / T.CreateTruncating(divisor);
        public Vector<T> Invoke<T>(Vector<T> x, Vector<T> unused) where T : unmanaged, IFloatingPointIeee754<T> =>
            Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), Vector<T>.Zero, x) / Simd.Const<T>(divisor);
    }

    /// <summary>y = scale·(x if x &gt; 0 else alpha·expm1(u)), given e = exp(u) and u = min(x, 0)/divisor (recomputed).</summary>
    public readonly struct ForwardFromExp(double alpha, double scale, double divisor) : IBinaryKernel
    {
        public T Invoke<T>(T x, T e) where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (x > T.Zero)
            {
                return T.CreateTruncating(scale) * x;
            }
            T u = x / T.CreateTruncating(divisor);
            T em1 = T.Abs(u) < T.CreateTruncating(0.125) ? ExpM1Series(u) : e - T.One;
            return T.CreateTruncating(scale * alpha) * em1;
        }

        public Vector<T> Invoke<T>(Vector<T> x, Vector<T> e) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> u = x / Simd.Const<T>(divisor);
            Vector<T> em1 = Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(u), Simd.Const<T>(0.125)), ExpM1Series(u), e - Vector<T>.One);
            return Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), Simd.Const<T>(scale) * x, Simd.Const<T>(scale * alpha) * em1);
        }
    }

    /// <summary>dy = x &gt; 0 ? positive : negative·e.</summary>
    public readonly struct DerivativeFromExp(double positive, double negative) : IBinaryKernel
    {
        public T Invoke<T>(T x, T e) where T : unmanaged, IFloatingPointIeee754<T> =>
            x > T.Zero ? T.CreateTruncating(positive) : T.CreateTruncating(negative) * e;
        public Vector<T> Invoke<T>(Vector<T> x, Vector<T> e) where T : unmanaged, IFloatingPointIeee754<T> =>
            Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), Simd.Const<T>(positive), Simd.Const<T>(negative) * e);
    }

    // expm1(u) = u + u²/2! + … + u¹¹/11!, relative error < 1e-17 for |u| < 1/8.
    private static T ExpM1Series<T>(T u) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T p = T.CreateTruncating(1.0 / 39916800);
        double f = 39916800;
        for (int n = 10; n >= 1; n--)
        {
            f /= n + 1;
            p = p * u + T.CreateTruncating(1.0 / f);
        }
        return p * u;
    }

    private static Vector<T> ExpM1Series<T>(Vector<T> u) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector<T> p = Simd.Const<T>(1.0 / 39916800);
        double f = 39916800;
        for (int n = 10; n >= 1; n--)
        {
            f /= n + 1;
            p = p * u + Simd.Const<T>(1.0 / f);
        }
        return p * u;
    }
}
