using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace ActivationCourse.LinearAlgebra;

/// <summary>
/// Copies blocks of op(A) and op(B) into the layout the micro-kernel streams through: A as panels of Mr rows
/// (column after column), B as panels of Nr columns (row after row), zero-padded at the edges.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>Packs op(A)[rowStart.., depthStart..] (mb×kb) into panels of <paramref name="mr"/> rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(ref GemmJob job, int rowStart, int mb, int depthStart, int kb, int mr, float* dst)
    {
        for (int i0 = 0; i0 < mb; i0 += mr)
        {
            int rows = Math.Min(mr, mb - i0);
            float* panel = dst + ((long)i0 * kb);
            if (job.TransposeA)
            {
                // A is stored k×m: each depth step is a contiguous run of rows.
                float* src = job.A + ((long)depthStart * job.Lda) + rowStart + i0;
                for (int p = 0; p < kb; p++)
                {
                    float* s = src + ((long)p * job.Lda);
                    float* d = panel + (p * mr);
                    if (rows == mr)
                    {
                        Buffer.MemoryCopy(s, d, mr * sizeof(float), mr * sizeof(float));
                        continue;
                    }

                    int i = 0;
                    for (; i < rows; i++)
                    {
                        d[i] = s[i];
                    }

                    for (; i < mr; i++)
                    {
                        d[i] = 0f;
                    }
                }
            }
            else
            {
                // A is stored m×k: gather each row into a column of the panel.
                float* src = job.A + ((long)(rowStart + i0) * job.Lda) + depthStart;
                Gather(src, job.Lda, rows, kb, mr, panel);
            }
        }
    }

    /// <summary>Packs op(B)[depthStart.., colStart..] (kb×nb) into panels of <paramref name="nr"/> columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(ref GemmJob job, int depthStart, int kb, int colStart, int nb, int nr, float* dst)
    {
        for (int j0 = 0; j0 < nb; j0 += nr)
        {
            int cols = Math.Min(nr, nb - j0);
            float* panel = dst + ((long)j0 * kb);
            if (job.TransposeB)
            {
                // B is stored n×k: gather each stored row into a column of the panel.
                float* src = job.B + ((long)(colStart + j0) * job.Ldb) + depthStart;
                Gather(src, job.Ldb, cols, kb, nr, panel);
            }
            else
            {
                float* src = job.B + ((long)depthStart * job.Ldb) + colStart + j0;
                if (cols == nr)
                {
                    for (int p = 0; p < kb; p++)
                    {
                        Buffer.MemoryCopy(src + ((long)p * job.Ldb), panel + (p * nr), nr * sizeof(float), nr * sizeof(float));
                    }
                }
                else
                {
                    for (int p = 0; p < kb; p++)
                    {
                        float* s = src + ((long)p * job.Ldb);
                        float* d = panel + (p * nr);
                        int j = 0;
                        for (; j < cols; j++)
                        {
                            d[j] = s[j];
                        }

                        for (; j < nr; j++)
                        {
                            d[j] = 0f;
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Transposing copy: <paramref name="lines"/> stored rows of <paramref name="depth"/> values become
    /// <paramref name="depth"/> groups of <paramref name="width"/> values (zero-padded past <paramref name="lines"/>).
    /// Whole 8×8 blocks go through an AVX register transpose; the edges are copied one value at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gather(float* src, int stride, int lines, int depth, int width, float* panel)
    {
        if (lines < width)
        {
            new Span<float>(panel, depth * width).Clear();
        }

        int blockedLines = 0, blockedDepth = 0;
        if (Avx.IsSupported && width % 8 == 0)
        {
            blockedLines = lines & ~7;
            blockedDepth = depth & ~7;
            for (int i = 0; i < blockedLines; i += 8)
            {
                for (int p = 0; p < blockedDepth; p += 8)
                {
                    Transpose8x8(src + ((long)i * stride) + p, stride, panel + ((long)p * width) + i, width);
                }
            }
        }

        for (int i = 0; i < lines; i++)
        {
            float* s = src + ((long)i * stride);
            float* d = panel + i;
            // Lines inside the blocked range only miss their depth tail; the rest miss everything.
            for (int p = i < blockedLines ? blockedDepth : 0; p < depth; p++)
            {
                d[p * width] = s[p];
            }
        }
    }

    /// <summary>Reads 8 rows of 8 floats (row stride <paramref name="stride"/>) and writes them transposed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* src, int stride, float* dst, int dstStride)
    {
        var r0 = Avx.LoadVector256(src);
        var r1 = Avx.LoadVector256(src + stride);
        var r2 = Avx.LoadVector256(src + (2L * stride));
        var r3 = Avx.LoadVector256(src + (3L * stride));
        var r4 = Avx.LoadVector256(src + (4L * stride));
        var r5 = Avx.LoadVector256(src + (5L * stride));
        var r6 = Avx.LoadVector256(src + (6L * stride));
        var r7 = Avx.LoadVector256(src + (7L * stride));

        // Interleave pairs of rows, then pairs of pairs: each 128-bit lane then holds 4 rows of one column.
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);

        // Join the lanes of rows 0–3 and 4–7: low lanes are columns 0–3, high lanes columns 4–7.
        Avx.Store(dst, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(dst + dstStride, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(dst + (2L * dstStride), Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(dst + (3L * dstStride), Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(dst + (4L * dstStride), Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(dst + (5L * dstStride), Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(dst + (6L * dstStride), Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(dst + (7L * dstStride), Avx.Permute2x128(u3, u7, 0x31));
    }
}

/// <summary>Per-thread packing buffers, 64-byte aligned and allocated once per thread.</summary>
internal sealed unsafe class PackBuffers
{
    [ThreadStatic]
    private static PackBuffers? t_current;

    private PackBuffers()
    {
        A = (float*)NativeMemory.AlignedAlloc((nuint)(GemmKernels.Mc * GemmKernels.Kc * sizeof(float)), 64);
        B = (float*)NativeMemory.AlignedAlloc((nuint)(GemmKernels.Nc * GemmKernels.Kc * sizeof(float)), 64);
        Tile = (float*)NativeMemory.AlignedAlloc((nuint)(GemmKernels.MaxTile * sizeof(float)), 64);
    }

    ~PackBuffers()
    {
        NativeMemory.AlignedFree(A);
        NativeMemory.AlignedFree(B);
        NativeMemory.AlignedFree(Tile);
    }

    /// <summary>Packed block of A: Mc×Kc floats.</summary>
    public float* A { get; }

    /// <summary>Packed block of B: Kc×Nc floats.</summary>
    public float* B { get; }

    /// <summary>Scratch for partial tiles.</summary>
    public float* Tile { get; }

    public static PackBuffers ForCurrentThread() => t_current ??= new PackBuffers();
}
