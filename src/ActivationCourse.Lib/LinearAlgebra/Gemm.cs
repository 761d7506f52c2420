using System.Runtime.CompilerServices;

namespace ActivationCourse.LinearAlgebra;

/// <summary>
/// Single-precision general matrix multiply on row-major spans: C = α·op(A)·op(B) + β·C.
/// </summary>
/// <remarks>
/// <para>op(A) is m×k and op(B) is k×n. With <c>transposeA</c> false, A is stored m×k (row i starts at
/// <c>i * lda</c>); with it true, A is stored k×m and used transposed. The same holds for B (k×n, or n×k transposed).
/// C is m×n with row stride <c>ldc</c>.</para>
/// <para>The product packs panels of A and B into cache-sized buffers and runs a register-blocked
/// micro-kernel: Vector512 with AVX-512 FMA when the hardware accelerates it, Vector256 otherwise, Vector128 where
/// only 128-bit vectors are accelerated (ARM NEON, SSE-only x86, WebAssembly SIMD), and a scalar loop as the last
/// resort. Every kernel sums each element of C in the same order, so the vector kernels agree bit for bit wherever
/// they all fuse multiply-adds. Large products are split across the cores by blocks of rows or columns;
/// every element of C is summed in the same order whatever the split, so results are bit-for-bit reproducible.</para>
/// <para>When β is zero, C is not read (NaN in C does not leak into the result). C must not overlap A or B.</para>
/// </remarks>
public static unsafe class Gemm
{
    /// <summary>Products with fewer floating-point operations than this run on the calling thread only.</summary>
    internal const long ParallelThreshold = 1_500_000;

    /// <summary>
    /// Smaller threshold while the workers are polling for work (inside a training step, say): the hand-off
    /// then costs little, and the output layer's products (128·10·128 multiply-adds) still gain from two cores.
    /// </summary>
    internal const long PollingParallelThreshold = 200_000;

    [ThreadStatic]
    private static GemmKernelKind? t_forcedKernel;

    private static int s_maxParallelism = Environment.ProcessorCount;

    /// <summary>
    /// Most threads one product may use (default: the core count; 1 keeps every product on the calling thread).
    /// Results do not depend on it.
    /// </summary>
    public static int MaxParallelism
    {
        get => s_maxParallelism;
        set => s_maxParallelism = Math.Clamp(value, 1, Math.Max(1, Environment.ProcessorCount));
    }

    /// <summary>
    /// Forces one micro-kernel family for products started on the calling thread (tests use it to cover the
    /// fallbacks); null picks the fastest.
    /// </summary>
    internal static GemmKernelKind? ForcedKernel { get => t_forcedKernel; set => t_forcedKernel = value; }

    /// <summary>The micro-kernel family this machine uses: "avx512", "avx2", "vector128" or "scalar".</summary>
    public static string KernelName => GemmKernels.For(ActiveKernel).Name;

    internal static GemmKernelKind ActiveKernel => ForcedKernel ?? GemmKernels.Best;

    /// <summary>
    /// C = α·op(A)·op(B) + β·C on row-major storage with leading dimensions (row strides).
    /// </summary>
    /// <param name="transposeA">Use A transposed (A stored k×m).</param>
    /// <param name="transposeB">Use B transposed (B stored n×k).</param>
    /// <param name="m">Rows of op(A) and of C.</param>
    /// <param name="n">Columns of op(B) and of C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">Storage of A.</param>
    /// <param name="lda">Row stride of A as stored.</param>
    /// <param name="b">Storage of B.</param>
    /// <param name="ldb">Row stride of B as stored.</param>
    /// <param name="beta">Scale of the existing C (0 overwrites C without reading it).</param>
    /// <param name="c">Storage of C.</param>
    /// <param name="ldc">Row stride of C.</param>
    /// <exception cref="ArgumentException">A size, stride or span length does not fit.</exception>
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc)
        => Multiply(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, default);

    /// <summary>
    /// C = α·op(A)·op(B) + β·C, then <paramref name="rowBias"/> (n values, or empty for none) added to every row of C.
    /// A dense layer's forward pass: the bias goes in while each block of C is still in cache, on the threads
    /// that computed it, instead of in a separate pass.
    /// </summary>
    internal static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc, ReadOnlySpan<float> rowBias)
    {
        if (m < 0 || n < 0 || k < 0)
        {
            throw new ArgumentException($"Sizes must be non-negative (m={m}, n={n}, k={k}).");
        }

        CheckOperand("A", a.Length, transposeA ? k : m, transposeA ? m : k, lda);
        CheckOperand("B", b.Length, transposeB ? n : k, transposeB ? k : n, ldb);
        CheckOperand("C", c.Length, m, n, ldc);
        if (!rowBias.IsEmpty && rowBias.Length != n)
        {
            throw new ArgumentException($"The row bias holds {rowBias.Length} values; C has {n} columns.");
        }

        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        fixed (float* pBias = rowBias)
        {
            if (k == 0 || alpha == 0f)
            {
                ScaleOnly(pc, m, n, ldc, beta);
                AddRowBias(pc, ldc, pBias, 0, m, 0, n);
                return;
            }

            var job = new GemmJob
            {
                A = pa,
                B = pb,
                C = pc,
                Lda = lda,
                Ldb = ldb,
                Ldc = ldc,
                TransposeA = transposeA,
                TransposeB = transposeB,
                M = m,
                N = n,
                K = k,
                Alpha = alpha,
                Beta = beta,
                Kernel = ActiveKernel,
                Bias = pBias,
            };
            Run(ref job);
        }
    }

    /// <summary>C = A·B for row-major A (m×k) and B (k×n), overwriting C (m×n).</summary>
    /// <param name="m">Rows of A and C.</param>
    /// <param name="n">Columns of B and C.</param>
    /// <param name="k">Columns of A, rows of B.</param>
    /// <param name="a">A, m×k row-major.</param>
    /// <param name="b">B, k×n row-major.</param>
    /// <param name="c">C, m×n row-major.</param>
    public static void Multiply(int m, int n, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c)
        => Multiply(false, false, m, n, k, 1f, a, k, b, n, 0f, c, n);

    private static void CheckOperand(string name, int length, int rows, int columns, int stride)
    {
        if (stride < Math.Max(1, columns))
        {
            throw new ArgumentException($"Leading dimension of {name} ({stride}) is smaller than its stored row length ({columns}).");
        }

        long needed = rows == 0 || columns == 0 ? 0 : ((long)(rows - 1) * stride) + columns;
        if (length < needed)
        {
            throw new ArgumentException($"{name} holds {length} values; a {rows}×{columns} matrix with row stride {stride} needs {needed}.");
        }
    }

    private static void ScaleOnly(float* c, int m, int n, int ldc, float beta)
    {
        for (int i = 0; i < m; i++)
        {
            var row = new Span<float>(c + ((long)i * ldc), n);
            if (beta == 0f)
            {
                row.Clear();
            }
            else if (beta != 1f)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, beta, row);
            }
        }
    }

    private static void Run(ref GemmJob job)
    {
        var kernel = GemmKernels.For(job.Kernel, job.N);
        long flops = 2L * job.M * job.N * job.K;
        int parts = 1;
        int threads = Math.Min(MaxParallelism, GemmWorkers.Capacity);
        if (threads > 1 && (flops >= ParallelThreshold || (flops >= PollingParallelThreshold && GemmWorkers.Polling)))
        {
            // Split along the longer side of C, in whole micro-tiles, so each part packs the least.
            job.SplitColumns = job.N >= job.M;
            int tiles = job.SplitColumns ? (job.N + kernel.Nr - 1) / kernel.Nr : (job.M + kernel.Mr - 1) / kernel.Mr;
            parts = Math.Min(threads, tiles);
        }

        if (parts <= 1 || !GemmWorkers.TryRun(ref job, parts))
        {
            job.Parts = 1;
            RunPart(ref job, 0);
        }
    }

    /// <summary>Computes the share <paramref name="part"/> of <see cref="GemmJob.Parts"/> of the product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void RunPart(ref GemmJob job, int part)
    {
        var kernel = GemmKernels.For(job.Kernel, job.N);
        int mr = kernel.Mr, nr = kernel.Nr;
        int rowStart = 0, rowEnd = job.M, colStart = 0, colEnd = job.N;
        if (job.Parts > 1)
        {
            if (job.SplitColumns)
            {
                (colStart, colEnd) = Share(job.N, nr, job.Parts, part);
            }
            else
            {
                (rowStart, rowEnd) = Share(job.M, mr, job.Parts, part);
            }
        }

        if (rowStart >= rowEnd || colStart >= colEnd)
        {
            return;
        }

        var buffers = PackBuffers.ForCurrentThread();
        // Equal k blocks (784 = 4 × 196 rather than 3 × 256 + 16): no short block paying a full C tile update.
        // They depend on k only, so every split sums each element of C in the same order.
        int kBlocks = (job.K + GemmKernels.Kc - 1) / GemmKernels.Kc;
        int kc = (job.K + kBlocks - 1) / kBlocks, mc = GemmKernels.Mc, nc = GemmKernels.Nc;
        for (int jc = colStart; jc < colEnd; jc += nc)
        {
            int nb = Math.Min(nc, colEnd - jc);
            for (int pc = 0; pc < job.K; pc += kc)
            {
                int kb = Math.Min(kc, job.K - pc);
                float betaHere = pc == 0 ? job.Beta : 1f;
                GemmPacking.PackB(ref job, pc, kb, jc, nb, nr, buffers.B);
                for (int ic = rowStart; ic < rowEnd; ic += mc)
                {
                    int mb = Math.Min(mc, rowEnd - ic);
                    GemmPacking.PackA(ref job, ic, mb, pc, kb, mr, buffers.A);
                    for (int jr = 0; jr < nb; jr += nr)
                    {
                        int cols = Math.Min(nr, nb - jr);
                        float* bPanel = buffers.B + ((long)jr * kb);
                        for (int ir = 0; ir < mb; ir += mr)
                        {
                            int rows = Math.Min(mr, mb - ir);
                            float* aPanel = buffers.A + ((long)ir * kb);
                            float* cTile = job.C + ((long)(ic + ir) * job.Ldc) + jc + jr;
                            kernel.Run(kb, aPanel, bPanel, cTile, job.Ldc, rows, cols, job.Alpha, betaHere, buffers.Tile);
                        }
                    }

                    if (pc + kb == job.K)
                    {
                        AddRowBias(job.C, job.Ldc, job.Bias, ic, mb, jc, nb);
                    }
                }
            }
        }
    }

    /// <summary>Adds bias[col..col + cols] to rows row..row + rows of C (nothing when <paramref name="bias"/> is null).</summary>
    private static void AddRowBias(float* c, int ldc, float* bias, int row, int rows, int col, int cols)
    {
        if (bias == null)
        {
            return;
        }

        var values = new ReadOnlySpan<float>(bias + col, cols);
        for (int i = row; i < row + rows; i++)
        {
            var target = new Span<float>(c + ((long)i * ldc) + col, cols);
            System.Numerics.Tensors.TensorPrimitives.Add(target, values, target);
        }
    }

    /// <summary>Splits <paramref name="length"/> into <paramref name="parts"/> ranges aligned to <paramref name="unit"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int Start, int End) Share(int length, int unit, int parts, int part)
    {
        int tiles = (length + unit - 1) / unit;
        int start = (int)((long)tiles * part / parts) * unit;
        int end = (int)((long)tiles * (part + 1) / parts) * unit;
        return (Math.Min(start, length), Math.Min(end, length));
    }
}

/// <summary>The arguments of one product, shared by the threads that compute it.</summary>
internal unsafe struct GemmJob
{
    public float* A;
    public float* B;
    public float* C;
    public int Lda;
    public int Ldb;
    public int Ldc;
    public bool TransposeA;
    public bool TransposeB;
    public int M;
    public int N;
    public int K;
    public float Alpha;
    public float Beta;
    public GemmKernelKind Kernel;
    public float* Bias;
    public bool SplitColumns;
    public int Parts;
}
