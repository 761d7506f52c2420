using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ActivationCourse.LinearAlgebra;

/// <summary>
/// 6×8 tile on 128-bit vectors, for machines whose widest accelerated vectors hold 4 floats: ARM's NEON, x86
/// with SSE only, WebAssembly SIMD. Twelve Vector128 accumulators, one broadcast of A per row and two loads of B
/// per step (the twelve accumulators, two B vectors and two temporaries fill x86's 16 registers).
/// </summary>
/// <remarks>
/// Every element of C is summed in the same order as in the 256- and 512-bit kernels (one accumulator per
/// element, p = 0, 1, … within a k block). With a fused multiply-add (FMA3 on x86, AdvSimd on ARM) the results are
/// therefore bit for bit those of the wider kernels. Without one (SSE-only x86, WebAssembly) each step rounds the
/// product and then the sum, as the 256-bit kernel does on an AVX machine without FMA, so the last bits can differ
/// from a machine that fuses.
/// </remarks>
internal sealed unsafe class Vector128Kernel : GemmKernel
{
    public override int Mr => 6;

    public override int Nr => 8;

    public override string Name => "vector128";

    /// <summary>acc + x·y: fused where the hardware has it, otherwise rounded after the product and after the sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<float> MulAdd(Vector128<float> x, Vector128<float> y, Vector128<float> acc)
    {
        if (Fma.IsSupported)
        {
            return Fma.MultiplyAdd(x, y, acc);
        }

        if (AdvSimd.IsSupported)
        {
            return AdvSimd.FusedMultiplyAdd(acc, x, y);
        }

        return (x * y) + acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run(int kc, float* a, float* b, float* c, int ldc, int rows, int cols, float alpha, float beta, float* tile)
    {
        Vector128<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector128<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector128<float> c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector128.Load(b);
            var b1 = Vector128.Load(b + 4);
            var x = Vector128.Create(a[0]);
            c00 = MulAdd(x, b0, c00);
            c01 = MulAdd(x, b1, c01);
            x = Vector128.Create(a[1]);
            c10 = MulAdd(x, b0, c10);
            c11 = MulAdd(x, b1, c11);
            x = Vector128.Create(a[2]);
            c20 = MulAdd(x, b0, c20);
            c21 = MulAdd(x, b1, c21);
            x = Vector128.Create(a[3]);
            c30 = MulAdd(x, b0, c30);
            c31 = MulAdd(x, b1, c31);
            x = Vector128.Create(a[4]);
            c40 = MulAdd(x, b0, c40);
            c41 = MulAdd(x, b1, c41);
            x = Vector128.Create(a[5]);
            c50 = MulAdd(x, b0, c50);
            c51 = MulAdd(x, b1, c51);
            a += 6;
            b += 8;
        }

        bool full = rows == 6 && cols == 8;
        float* dst = full ? c : tile;
        long ld = full ? ldc : 8;
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

    /// <summary>dst = α·sum + β·dst, rounded like the wider kernels' stores (product, then sum; never fused).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* dst, Vector128<float> lo, Vector128<float> hi, float alpha, float beta)
    {
        var va = Vector128.Create(alpha);
        lo *= va;
        hi *= va;
        if (beta != 0f)
        {
            var vb = Vector128.Create(beta);
            lo += vb * Vector128.Load(dst);
            hi += vb * Vector128.Load(dst + 4);
        }

        Vector128.Store(lo, dst);
        Vector128.Store(hi, dst + 4);
    }
}
