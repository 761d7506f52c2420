using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ActivationCourse.LinearAlgebra;

/// <summary>The micro-kernel families, fastest first.</summary>
internal enum GemmKernelKind
{
    /// <summary>Vector512 with AVX-512 FMA: 8 rows × 32 columns.</summary>
    Avx512,

    /// <summary>Vector256 (FMA when available): 6 rows × 16 columns.</summary>
    Avx2,

    /// <summary>Vector128 (fused multiply-add on FMA3 or AdvSimd): 6 rows × 8 columns.</summary>
    Vector128,

    /// <summary>Plain scalar loops: 4 rows × 4 columns.</summary>
    Scalar,
}

/// <summary>
/// A register-blocked micro-kernel: multiplies a packed MR×kc panel of A by a packed kc×NR panel of B and
/// merges the MR×NR result into C as C = α·AB + β·C.
/// </summary>
internal abstract unsafe class GemmKernel
{
    /// <summary>Rows of the register tile.</summary>
    public abstract int Mr { get; }

    /// <summary>Columns of the register tile.</summary>
    public abstract int Nr { get; }

    /// <summary>Short name for benchmarks.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Runs the tile. <paramref name="a"/> holds kc columns of Mr values, <paramref name="b"/> kc rows of Nr values
    /// (both zero-padded). Only <paramref name="rows"/>×<paramref name="cols"/> of C are written; a partial tile goes
    /// through <paramref name="tile"/>, a scratch of Mr·Nr floats.
    /// </summary>
    public abstract void Run(int kc, float* a, float* b, float* c, int ldc, int rows, int cols, float alpha, float beta, float* tile);

    /// <summary>Merges a full scratch tile into a partial C tile.</summary>
    /// <remarks>
    /// Eight columns at a time where they fit, then one at a time: a 10-column output layer has a partial tile
    /// in every row. Vector and scalar lanes round the same way (no fused multiply-add), so the result does not
    /// depend on where the split falls.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected void MergePartial(float* tile, float* c, int ldc, int rows, int cols, float alpha, float beta)
    {
        int nr = Nr;
        int vectorCols = Vector256.IsHardwareAccelerated ? cols & ~7 : 0;
        var va = Vector256.Create(alpha);
        var vb = Vector256.Create(beta);
        for (int i = 0; i < rows; i++)
        {
            float* src = tile + (i * nr);
            float* dst = c + ((long)i * ldc);
            int j = 0;
            if (beta == 0f)
            {
                for (; j < vectorCols; j += 8)
                {
                    Vector256.Store(va * Vector256.Load(src + j), dst + j);
                }

                for (; j < cols; j++)
                {
                    dst[j] = alpha * src[j];
                }
            }
            else
            {
                for (; j < vectorCols; j += 8)
                {
                    Vector256.Store((va * Vector256.Load(src + j)) + (vb * Vector256.Load(dst + j)), dst + j);
                }

                for (; j < cols; j++)
                {
                    dst[j] = (alpha * src[j]) + (beta * dst[j]);
                }
            }
        }
    }
}

/// <summary>Chooses the kernel family and holds the cache-blocking sizes.</summary>
internal static class GemmKernels
{
    /// <summary>Depth of a packed panel (k block): a B micro-panel of Kc×32 floats stays in L1.</summary>
    public const int Kc = 256;

    /// <summary>Rows of A packed at once (an Mc×Kc block stays in L2). A multiple of every Mr.</summary>
    public const int Mc = 192;

    /// <summary>Columns of B packed at once. A multiple of every Nr.</summary>
    public const int Nc = 1024;

    /// <summary>Products at most this wide use the family's narrow kernel, if it has one.</summary>
    public const int NarrowColumns = 16;

    private static readonly GemmKernel Avx512Kernel = new Avx512Kernel();
    private static readonly GemmKernel Avx512NarrowKernel = new Avx512NarrowKernel();
    private static readonly GemmKernel Avx2Kernel = new Avx2Kernel();
    private static readonly GemmKernel Vector128Kernel = new Vector128Kernel();
    private static readonly GemmKernel ScalarKernel = new ScalarKernel();

    /// <summary>The fastest family this machine supports.</summary>
    public static readonly GemmKernelKind Best =
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? GemmKernelKind.Avx512
        : Vector256.IsHardwareAccelerated ? GemmKernelKind.Avx2
        : Vector128.IsHardwareAccelerated ? GemmKernelKind.Vector128
        : GemmKernelKind.Scalar;

    /// <summary>The largest Mr·Nr of all kernels (sizes the scratch tile).</summary>
    public const int MaxTile = 16 * 16;

    /// <summary>The family's main kernel.</summary>
    public static GemmKernel For(GemmKernelKind kind) => kind switch
    {
        GemmKernelKind.Avx512 => Avx512Kernel,
        GemmKernelKind.Avx2 => Avx2Kernel,
        GemmKernelKind.Vector128 => Vector128Kernel,
        _ => ScalarKernel,
    };

    /// <summary>
    /// The family's kernel for a product with <paramref name="columns"/> columns: an 8×32 tile would waste 22 of its
    /// 32 columns on a 10-class output layer, so AVX-512 switches to a 16×16 tile for narrow products. The choice
    /// depends on the shape only, so a product sums in the same order however it is split.
    /// </summary>
    public static GemmKernel For(GemmKernelKind kind, int columns)
        => kind == GemmKernelKind.Avx512 && columns <= NarrowColumns ? Avx512NarrowKernel : For(kind);
}

/// <summary>8×32 tile: 16 Vector512 accumulators, one broadcast of A and two loads of B per step.</summary>
internal sealed unsafe class Avx512Kernel : GemmKernel
{
    public override int Mr => 8;

    public override int Nr => 32;

    public override string Name => "avx512";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run(int kc, float* a, float* b, float* c, int ldc, int rows, int cols, float alpha, float beta, float* tile)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<float> c60 = default, c61 = default, c70 = default, c71 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var x = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(x, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]);
            c10 = Avx512F.FusedMultiplyAdd(x, b0, c10);
            c11 = Avx512F.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]);
            c20 = Avx512F.FusedMultiplyAdd(x, b0, c20);
            c21 = Avx512F.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]);
            c30 = Avx512F.FusedMultiplyAdd(x, b0, c30);
            c31 = Avx512F.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4]);
            c40 = Avx512F.FusedMultiplyAdd(x, b0, c40);
            c41 = Avx512F.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5]);
            c50 = Avx512F.FusedMultiplyAdd(x, b0, c50);
            c51 = Avx512F.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a[6]);
            c60 = Avx512F.FusedMultiplyAdd(x, b0, c60);
            c61 = Avx512F.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a[7]);
            c70 = Avx512F.FusedMultiplyAdd(x, b0, c70);
            c71 = Avx512F.FusedMultiplyAdd(x, b1, c71);
            a += 8;
            b += 32;
        }

        bool full = rows == 8 && cols == 32;
        float* dst = full ? c : tile;
        long ld = full ? ldc : 32;
        float betaHere = full ? beta : 0f;
        float alphaHere = full ? alpha : 1f;
        Store(dst, c00, c01, alphaHere, betaHere);
        Store(dst + ld, c10, c11, alphaHere, betaHere);
        Store(dst + (2 * ld), c20, c21, alphaHere, betaHere);
        Store(dst + (3 * ld), c30, c31, alphaHere, betaHere);
        Store(dst + (4 * ld), c40, c41, alphaHere, betaHere);
        Store(dst + (5 * ld), c50, c51, alphaHere, betaHere);
        Store(dst + (6 * ld), c60, c61, alphaHere, betaHere);
        Store(dst + (7 * ld), c70, c71, alphaHere, betaHere);
        if (!full)
        {
            MergePartial(tile, c, ldc, rows, cols, alpha, beta);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* dst, Vector512<float> lo, Vector512<float> hi, float alpha, float beta)
    {
        if (alpha != 1f)
        {
            var va = Vector512.Create(alpha);
            lo *= va;
            hi *= va;
        }

        if (beta == 0f)
        {
            Vector512.Store(lo, dst);
            Vector512.Store(hi, dst + 16);
        }
        else if (beta == 1f)
        {
            Vector512.Store(lo + Vector512.Load(dst), dst);
            Vector512.Store(hi + Vector512.Load(dst + 16), dst + 16);
        }
        else
        {
            var vb = Vector512.Create(beta);
            Vector512.Store(lo + (vb * Vector512.Load(dst)), dst);
            Vector512.Store(hi + (vb * Vector512.Load(dst + 16)), dst + 16);
        }
    }
}

/// <summary>
/// 16×16 tile for narrow products (at most 16 columns, like a 10-class output layer): one Vector512 accumulator
/// per row, one load of B and sixteen broadcasts of A per step.
/// </summary>
internal sealed unsafe class Avx512NarrowKernel : GemmKernel
{
    public override int Mr => 16;

    public override int Nr => 16;

    public override string Name => "avx512-narrow";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run(int kc, float* a, float* b, float* c, int ldc, int rows, int cols, float alpha, float beta, float* tile)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector512<float> c4 = default, c5 = default, c6 = default, c7 = default;
        Vector512<float> c8 = default, c9 = default, c10 = default, c11 = default;
        Vector512<float> c12 = default, c13 = default, c14 = default, c15 = default;
        for (int p = 0; p < kc; p++)
        {
            var bp = Vector512.Load(b);
            c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[0]), bp, c0);
            c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[1]), bp, c1);
            c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[2]), bp, c2);
            c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[3]), bp, c3);
            c4 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[4]), bp, c4);
            c5 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[5]), bp, c5);
            c6 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[6]), bp, c6);
            c7 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[7]), bp, c7);
            c8 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[8]), bp, c8);
            c9 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[9]), bp, c9);
            c10 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[10]), bp, c10);
            c11 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[11]), bp, c11);
            c12 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[12]), bp, c12);
            c13 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[13]), bp, c13);
            c14 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[14]), bp, c14);
            c15 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[15]), bp, c15);
            a += 16;
            b += 16;
        }

        // A full tile is merged in registers; a partial one (the usual case: fewer than 16 columns) through the scratch.
        bool full = rows == 16 && cols == 16;
        float* dst = full ? c : tile;
        long ld = full ? ldc : 16;
        float betaHere = full ? beta : 0f;
        float alphaHere = full ? alpha : 1f;
        Store(dst, c0, alphaHere, betaHere);
        Store(dst + ld, c1, alphaHere, betaHere);
        Store(dst + (2 * ld), c2, alphaHere, betaHere);
        Store(dst + (3 * ld), c3, alphaHere, betaHere);
        Store(dst + (4 * ld), c4, alphaHere, betaHere);
        Store(dst + (5 * ld), c5, alphaHere, betaHere);
        Store(dst + (6 * ld), c6, alphaHere, betaHere);
        Store(dst + (7 * ld), c7, alphaHere, betaHere);
        Store(dst + (8 * ld), c8, alphaHere, betaHere);
        Store(dst + (9 * ld), c9, alphaHere, betaHere);
        Store(dst + (10 * ld), c10, alphaHere, betaHere);
        Store(dst + (11 * ld), c11, alphaHere, betaHere);
        Store(dst + (12 * ld), c12, alphaHere, betaHere);
        Store(dst + (13 * ld), c13, alphaHere, betaHere);
        Store(dst + (14 * ld), c14, alphaHere, betaHere);
        Store(dst + (15 * ld), c15, alphaHere, betaHere);
        if (!full)
        {
            MergePartial(tile, c, ldc, rows, cols, alpha, beta);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* dst, Vector512<float> sum, float alpha, float beta)
    {
        if (alpha != 1f)
        {
            sum *= Vector512.Create(alpha);
        }

        if (beta == 0f)
        {
            Vector512.Store(sum, dst);
        }
        else if (beta == 1f)
        {
            Vector512.Store(sum + Vector512.Load(dst), dst);
        }
        else
        {
            Vector512.Store(sum + (Vector512.Create(beta) * Vector512.Load(dst)), dst);
        }
    }
}

/// <summary>6×16 tile: 12 Vector256 accumulators (fits the 16 registers of AVX2).</summary>
internal sealed unsafe class Avx2Kernel : GemmKernel
{
    public override int Mr => 6;

    public override int Nr => 16;

    public override string Name => "avx2";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MulAdd(Vector256<float> x, Vector256<float> y, Vector256<float> acc)
        => Fma.IsSupported ? Fma.MultiplyAdd(x, y, acc) : (x * y) + acc;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run(int kc, float* a, float* b, float* c, int ldc, int rows, int cols, float alpha, float beta, float* tile)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector256<float> c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var x = Vector256.Create(a[0]);
            c00 = MulAdd(x, b0, c00);
            c01 = MulAdd(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = MulAdd(x, b0, c10);
            c11 = MulAdd(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = MulAdd(x, b0, c20);
            c21 = MulAdd(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = MulAdd(x, b0, c30);
            c31 = MulAdd(x, b1, c31);
            x = Vector256.Create(a[4]);
            c40 = MulAdd(x, b0, c40);
            c41 = MulAdd(x, b1, c41);
            x = Vector256.Create(a[5]);
            c50 = MulAdd(x, b0, c50);
            c51 = MulAdd(x, b1, c51);
            a += 6;
            b += 16;
        }

        bool full = rows == 6 && cols == 16;
        float* dst = full ? c : tile;
        long ld = full ? ldc : 16;
        float betaHere = full ? beta : 0f;
        float alphaHere = full ? alpha : 1f;
        Store(dst, c00, c01, alphaHere, betaHere);
        Store(dst + ld, c10, c11, alphaHere, betaHere);
        Store(dst + (2 * ld), c20, c21, alphaHere, betaHere);
        Store(dst + (3 * ld), c30, c31, alphaHere, betaHere);
        Store(dst + (4 * ld), c40, c41, alphaHere, betaHere);
        Store(dst + (5 * ld), c50, c51, alphaHere, betaHere);
        if (!full)
        {
            MergePartial(tile, c, ldc, rows, cols, alpha, beta);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* dst, Vector256<float> lo, Vector256<float> hi, float alpha, float beta)
    {
        var va = Vector256.Create(alpha);
        lo *= va;
        hi *= va;
        if (beta != 0f)
        {
            var vb = Vector256.Create(beta);
            lo += vb * Vector256.Load(dst);
            hi += vb * Vector256.Load(dst + 8);
        }

        Vector256.Store(lo, dst);
        Vector256.Store(hi, dst + 8);
    }
}

/// <summary>4×4 scalar tile, for machines without SIMD acceleration.</summary>
internal sealed unsafe class ScalarKernel : GemmKernel
{
    public override int Mr => 4;

    public override int Nr => 4;

    public override string Name => "scalar";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run(int kc, float* a, float* b, float* c, int ldc, int rows, int cols, float alpha, float beta, float* tile)
    {
        for (int t = 0; t < 16; t++)
        {
            tile[t] = 0f;
        }

        for (int p = 0; p < kc; p++)
        {
            for (int i = 0; i < 4; i++)
            {
                float x = a[i];
                tile[(i * 4) + 0] += x * b[0];
                tile[(i * 4) + 1] += x * b[1];
                tile[(i * 4) + 2] += x * b[2];
                tile[(i * 4) + 3] += x * b[3];
            }

            a += 4;
            b += 4;
        }

        MergePartial(tile, c, ldc, rows, cols, alpha, beta);
    }
}
