using System.Numerics;
using System.Numerics.Tensors;

namespace ActivationCourse.Activations;

/// <summary>The transcendental middle stage of a <see cref="StagedDriver"/> pass, taken from TensorPrimitives.</summary>
internal enum Transcendental
{
    Exp,
    Sigmoid,
    Tanh,
}

/// <summary>
/// SIMD for kernels of the form post(x, g(pre(x))) where g is exp, σ or tanh: TensorPrimitives vectorizes g, and
/// the shared <see cref="SimdDriver.Map2{TOp, T}"/> vectorizes the cheap pre and post steps. Works block by block
/// (L1-sized, a stack copy of x) so that y may be the same span as x and nothing is allocated.
/// </summary>
internal static class StagedDriver
{
    private const int Block = 256;

    public static void Run<TPre, TPost, T>(TPre pre, Transcendental g, TPost post, ReadOnlySpan<T> x, Span<T> y)
        where TPre : struct, IBinaryKernel where TPost : struct, IBinaryKernel where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        Span<T> xs = stackalloc T[Block];
        for (int i = 0; i < x.Length; i += Block)
        {
            int n = Math.Min(Block, x.Length - i);
            Span<T> xb = xs[..n];
            Span<T> yb = y.Slice(i, n);
            x.Slice(i, n).CopyTo(xb);
            Stage(pre, g, post, xb, yb);
        }
    }

    public static void Backward<TPre, TPost, T>(TPre pre, Transcendental g, TPost post, ReadOnlySpan<T> x, ReadOnlySpan<T> upstream, Span<T> dx)
        where TPre : struct, IBinaryKernel where TPost : struct, IBinaryKernel where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check.SameLength(x.Length, upstream.Length, nameof(x), nameof(upstream));
        Check.SameLength(x.Length, dx.Length, nameof(x), nameof(dx));
        Span<T> xs = stackalloc T[Block];
        Span<T> ds = stackalloc T[Block];
        for (int i = 0; i < x.Length; i += Block)
        {
            int n = Math.Min(Block, x.Length - i);
            Span<T> xb = xs[..n];
            Span<T> db = ds[..n];
            x.Slice(i, n).CopyTo(xb);
            Stage(pre, g, post, xb, db);
            TensorPrimitives.Multiply(upstream.Slice(i, n), db, dx.Slice(i, n));
        }
    }

    private static void Stage<TPre, TPost, T>(TPre pre, Transcendental g, TPost post, Span<T> xb, Span<T> yb)
        where TPre : struct, IBinaryKernel where TPost : struct, IBinaryKernel where T : unmanaged, IFloatingPointIeee754<T>
    {
        SimdDriver.Map2(pre, xb, xb, yb);
        switch (g)
        {
            case Transcendental.Exp:
                TensorPrimitives.Exp<T>(yb, yb);
                break;
            case Transcendental.Sigmoid:
                TensorPrimitives.Sigmoid<T>(yb, yb);
                break;
            default:
                TensorPrimitives.Tanh<T>(yb, yb);
                break;
        }
        SimdDriver.Map2(post, xb, yb, yb);
    }
}
