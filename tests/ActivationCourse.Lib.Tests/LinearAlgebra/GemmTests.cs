using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using ActivationCourse.Activations;
using ActivationCourse.LinearAlgebra;
using ActivationCourse.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Lib.Tests.LinearAlgebra;

[Collection(Training.MaxParallelismCollection.Name)]
public class GemmTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 },
        { 1, 7, 33 },
        { 7, 1, 5 },
        { 7, 33, 129 },
        { 33, 129, 7 },
        { 129, 33, 257 },
        { 8, 32, 256 },
        { 64, 96, 300 },
        { 200, 1030, 20 },
        { 128, 256, 784 },
        { 129, 65, 513 },
        // Narrow products (at most 16 columns: the 16×16 AVX-512 tile), with row and depth tails.
        { 128, 10, 128 },
        { 128, 10, 784 },
        { 37, 16, 300 },
        { 17, 15, 1 },
        { 200, 9, 513 },
        { 5, 3, 7 },
        { 3000, 10, 64 },
    };

    [Avx512Fact]
    public void TheAvx512KernelsMatch() => KernelFamilyMatches(GemmKernelKind.Avx512);

    [Avx2Fact]
    public void TheAvx2KernelsMatch() => KernelFamilyMatches(GemmKernelKind.Avx2);

    [Vector128Fact]
    public void TheVector128KernelMatches() => KernelFamilyMatches(GemmKernelKind.Vector128);

    [Fact]
    public void TheScalarKernelsMatch() => KernelFamilyMatches(GemmKernelKind.Scalar);

    [Avx512Fact]
    public void TheAvx512KernelsSumInTheReferenceOrderBitForBit() => SumsInTheReferenceOrder(GemmKernelKind.Avx512, fused: true);

    [Avx2Fact]
    public void TheAvx2KernelSumsInTheReferenceOrderBitForBit() => SumsInTheReferenceOrder(GemmKernelKind.Avx2, Fma.IsSupported);

    /// <summary>With FMA3 or AdvSimd the 128-bit kernel gives the 256- and 512-bit kernels' bits; without, the unfused order's.</summary>
    [Vector128Fact]
    public void TheVector128KernelSumsInTheReferenceOrderBitForBit() => SumsInTheReferenceOrder(GemmKernelKind.Vector128, Fma.IsSupported || AdvSimd.IsSupported);

    [Fact]
    public void TheScalarKernelSumsInTheReferenceOrderBitForBit() => SumsInTheReferenceOrder(GemmKernelKind.Scalar, fused: false);

    /// <summary>
    /// A kernel family gives exactly the bits of one written-out summation order: equal k blocks, one accumulator
    /// per element of C starting from zero, p = 0, 1, … within a block (fused where the kernel fuses), then
    /// α·sum + β·C with β = 1 after the first block. So the lessons print the same digits whichever vector kernel
    /// ran, and a faster kernel must keep this order.
    /// </summary>
    private static void SumsInTheReferenceOrder(GemmKernelKind kind, bool fused)
    {
        Gemm.ForcedKernel = kind;
        try
        {
            foreach (var (m, n, k) in new[] { (1, 1, 1), (7, 33, 129), (13, 40, 784), (129, 10, 300), (64, 300, 600), (37, 16, 257) })
            {
                var rng = new Random(m + n + k);
                foreach (var (ta, tb, alpha, beta) in new[] { (false, false, 1f, 0f), (true, false, 1f, 1f), (false, true, 0.5f, 2f) })
                {
                    float[] a = Random(rng, m * k), b = Random(rng, k * n), c = Random(rng, m * n);
                    float[] expected = SummedInOrder(m, n, k, ta, tb, alpha, a, b, beta, c, fused);
                    Gemm.Multiply(ta, tb, m, n, k, alpha, a, ta ? m : k, b, tb ? k : n, beta, c, n);
                    for (int i = 0; i < c.Length; i++)
                    {
                        Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(c[i]),
                            $"{kind}: C[{i}] = {c[i]:R}, summed in order {expected[i]:R} (m={m}, n={n}, k={k}, ta={ta}, tb={tb})");
                    }
                }
            }
        }
        finally
        {
            Gemm.ForcedKernel = null;
        }
    }

    /// <summary>The summation order of <see cref="SumsInTheReferenceOrder"/>, one element at a time.</summary>
    private static float[] SummedInOrder(int m, int n, int k, bool ta, bool tb, float alpha, float[] a, float[] b, float beta, float[] c, bool fused)
    {
        int blocks = (k + GemmKernels.Kc - 1) / GemmKernels.Kc;
        int depth = (k + blocks - 1) / blocks;
        var result = (float[])c.Clone();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float value = result[(i * n) + j];
                for (int start = 0; start < k; start += depth)
                {
                    float sum = 0f;
                    for (int p = start; p < Math.Min(k, start + depth); p++)
                    {
                        float x = ta ? a[(p * m) + i] : a[(i * k) + p];
                        float y = tb ? b[(j * k) + p] : b[(p * n) + j];
                        sum = fused ? MathF.FusedMultiplyAdd(x, y, sum) : sum + (x * y);
                    }

                    float betaHere = start == 0 ? beta : 1f;
                    value = betaHere == 0f ? sum * alpha : (sum * alpha) + (betaHere * value);
                }

                result[(i * n) + j] = value;
            }
        }

        return result;
    }

    [WideActivationFact]
    public void TheSixteenLaneSigmoidAndTanhRunAndMatchTheEightLaneKernels()
    {
        var rng = new Random(17);
        float[] x = [.. Enumerable.Range(0, 16 * 40).Select(_ => (float)((rng.NextDouble() * 40) - 20))];
        float[] wide = new float[x.Length], narrow = new float[x.Length];

        Assert.Equal(x.Length, VectorMath.SigmoidWide(x, wide));
        SimdDriver.Forward(default(Sigmoid.Ops), x, narrow);
        AssertRelative(narrow, wide, "sigmoid");

        Assert.Equal(x.Length, VectorMath.TanhWide(x, wide));
        SimdDriver.Forward(default(Tanh.Ops), x, narrow);
        AssertRelative(narrow, wide, "tanh");
    }

    private static void AssertRelative(float[] expected, float[] actual, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 4 * 1.2e-7 * Math.Abs(expected[i]), $"{what}[{i}]: 16 lanes {actual[i]:R}, 8 lanes {expected[i]:R}");
        }
    }

    private static void KernelFamilyMatches(GemmKernelKind kind)
    {
        Gemm.ForcedKernel = kind;
        try
        {
            foreach (var (m, n, k) in new[] { (1, 1, 1), (7, 33, 129), (129, 33, 257), (64, 300, 40), (128, 10, 128), (40, 16, 70) })
            {
                CheckAgainstMathNet(m, n, k, false, false, 1f, 0f, seed: 11);
                CheckAgainstMathNet(m, n, k, true, false, 1f, 0.5f, seed: 12);
                CheckAgainstMathNet(m, n, k, false, true, 2f, 1f, seed: 13);
            }
        }
        finally
        {
            Gemm.ForcedKernel = null;
        }
    }

    [Fact]
    public void BetaZeroIgnoresNaNInC()
    {
        float[] a = [1, 2, 3, 4];
        float[] b = [1, 0, 0, 1];
        float[] c = [float.NaN, float.NaN, float.NaN, float.NaN];
        Gemm.Multiply(2, 2, 2, a, b, c);
        Assert.Equal(new float[] { 1, 2, 3, 4 }, c);
    }

    [Fact]
    public void LeadingDimensionsSelectSubmatrices()
    {
        // A 3×3 block inside a 5-wide buffer times a 3×2 block inside a 4-wide buffer, into a 6-wide C.
        var rng = new Random(3);
        float[] a = Enumerable.Range(0, 15).Select(_ => (float)rng.NextDouble()).ToArray();
        float[] b = Enumerable.Range(0, 12).Select(_ => (float)rng.NextDouble()).ToArray();
        float[] c = new float[18];
        Gemm.Multiply(false, false, 3, 2, 3, 1f, a, 5, b, 4, 0f, c, 6);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                float expected = 0;
                for (int p = 0; p < 3; p++)
                {
                    expected += a[(i * 5) + p] * b[(p * 4) + j];
                }

                Assert.Equal(expected, c[(i * 6) + j], 5);
            }

            Assert.Equal(0f, c[(i * 6) + 2]);
        }
    }

    [Fact]
    public void ParallelSplitIsDeterministic()
    {
        var rng = new Random(9);
        int m = 300, n = 500, k = 700;
        float[] a = Random(rng, m * k), b = Random(rng, k * n);
        float[] first = new float[m * n], again = new float[m * n];
        Gemm.Multiply(m, n, k, a, b, first);
        Gemm.Multiply(m, n, k, a, b, again);
        Assert.Equal(first, again);
    }

    [Fact]
    public void NarrowParallelSplitEqualsOneThread()
    {
        // Large enough to be split across the cores, narrow enough for the 16-column kernel.
        var rng = new Random(10);
        int m = 4000, n = 10, k = 200;
        float[] a = Random(rng, m * k), b = Random(rng, k * n);
        float[] split = new float[m * n], alone = new float[m * n];
        Gemm.Multiply(m, n, k, a, b, split);
        int saved = Gemm.MaxParallelism;
        Gemm.MaxParallelism = 1;
        try
        {
            Gemm.Multiply(m, n, k, a, b, alone);
        }
        finally
        {
            Gemm.MaxParallelism = saved;
        }

        Assert.Equal(alone, split);
    }

    [Theory]
    [InlineData(128, 256, 784)] // split across the cores, several k blocks
    [InlineData(128, 10, 128)] // narrow kernel
    [InlineData(7, 33, 0)] // no depth: C is scaled, then the bias added
    [InlineData(300, 1100, 20)] // more columns than one packed block of B
    public void RowBiasEqualsProductThenAdd(int m, int n, int k)
    {
        var rng = new Random(m + n + k);
        float[] a = Random(rng, m * k), b = Random(rng, k * n), bias = Random(rng, n);
        float[] fused = Random(rng, m * n);
        float[] separate = (float[])fused.Clone();
        Gemm.Multiply(false, false, m, n, k, 1f, a, Math.Max(1, k), b, n, 0.5f, fused, n, bias);
        Gemm.Multiply(false, false, m, n, k, 1f, a, Math.Max(1, k), b, n, 0.5f, separate, n);
        for (int i = 0; i < m; i++)
        {
            var row = separate.AsSpan(i * n, n);
            System.Numerics.Tensors.TensorPrimitives.Add(row, bias, row);
        }

        Assert.Equal(separate, fused);
    }

    [Fact]
    public void RejectsShortSpans()
    {
        var ex = Assert.Throws<ArgumentException>(() => Gemm.Multiply(2, 2, 2, new float[3], new float[4], new float[4]));
        Assert.Contains("A holds 3", ex.Message);
    }

    private static float[] Random(Random rng, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)((rng.NextDouble() * 2) - 1);
        }

        return values;
    }

    private static void CheckAgainstMathNet(int m, int n, int k, bool ta, bool tb, float alpha, float beta, int seed)
    {
        var rng = new Random(seed);
        float[] a = Random(rng, m * k), b = Random(rng, k * n), c = Random(rng, m * n);
        int lda = ta ? m : k, ldb = tb ? k : n;

        var ma = ta ? Matrix<float>.Build.Dense(k, m, (i, j) => a[(i * m) + j]).Transpose()
                    : Matrix<float>.Build.Dense(m, k, (i, j) => a[(i * k) + j]);
        var mb = tb ? Matrix<float>.Build.Dense(n, k, (i, j) => b[(i * k) + j]).Transpose()
                    : Matrix<float>.Build.Dense(k, n, (i, j) => b[(i * n) + j]);
        var mc = Matrix<float>.Build.Dense(m, n, (i, j) => c[(i * n) + j]);
        var expected = (alpha * (ma * mb)) + (beta * mc);

        Gemm.Multiply(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, n);

        // Float sums of k products of magnitude ≤ 1: allow a few ulps per term, relative to the sum's scale.
        float tolerance = 1e-5f * (k + 4) * Math.Max(1f, Math.Abs(alpha));
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float got = c[(i * n) + j], want = expected[i, j];
                Assert.True(Math.Abs(got - want) <= tolerance * Math.Max(1f, Math.Abs(want)),
                    $"C[{i},{j}] = {got}, MathNet {want} (m={m}, n={n}, k={k}, ta={ta}, tb={tb}, α={alpha}, β={beta})");
            }
        }
    }
}
