using System.Numerics;
using System.Runtime.CompilerServices;

namespace ActivationCourse.Benchmarking;

/// <summary>
/// The scalar and the <see cref="Vector{T}"/> ReLU loops that lesson 07 writes in a cell, line for line, but compiled
/// here, in the library, with optimizations. A notebook cell is compiled without them (in Debug, as the .NET Interactive
/// kernel compiles every cell), so timing these against the cell's own copies separates what the compiler's
/// optimizations buy from what the loop itself does.
/// </summary>
/// <remarks>
/// Both are compiled fully optimized on their first call, as the library's own element-wise loops are: in a tiered
/// process (a notebook kernel) their first, unoptimized version could otherwise stay in use through a timing cell.
/// </remarks>
public static class ReluLoops
{
    /// <summary>ReLU element by element, with a branch: <c>ys[i] = xs[i] &gt; 0 ? xs[i] : 0</c>.</summary>
    /// <param name="xs">Input.</param>
    /// <param name="ys">Output, at least as long as <paramref name="xs"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scalar(ReadOnlySpan<float> xs, Span<float> ys)
    {
        for (int i = 0; i < xs.Length; i++)
        {
            ys[i] = xs[i] > 0 ? xs[i] : 0f;
        }
    }

    /// <summary>
    /// ReLU one <see cref="Vector{T}"/> at a time (<c>Vector.Max</c> with zero on every lane, loads and stores through
    /// span slices), then a scalar loop for the tail.
    /// </summary>
    /// <param name="xs">Input.</param>
    /// <param name="ys">Output, at least as long as <paramref name="xs"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Vectorized(ReadOnlySpan<float> xs, Span<float> ys)
    {
        int i = 0;
        for (; i <= xs.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var v = new Vector<float>(xs[i..]);
            Vector.Max(v, Vector<float>.Zero).CopyTo(ys[i..]);
        }

        for (; i < xs.Length; i++)
        {
            ys[i] = xs[i] > 0 ? xs[i] : 0f;
        }
    }
}
