using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ActivationCourse.Activations;

namespace ActivationCourse.Numerics;

// 512-bit forward passes for the two float activations that are measured against TensorPrimitives (sigmoid, tanh).
// Vector<T> stays 256 bits wide even on AVX-512 hardware, while TensorPrimitives uses the 512-bit registers; these
// do the same arithmetic as the Vector<float> kernels, 16 lanes at a time. Each returns how many leading elements it
// wrote (a multiple of 16, or 0 without AVX-512); the caller finishes the rest with the shared driver.
internal static partial class VectorMath
{
    // The far-negative vectors are handed to the Vector<float> kernel as two 256-bit halves, hence the width check.
    public static int SigmoidWide(ReadOnlySpan<float> x, Span<float> y) =>
        Vector<float>.Count == Vector256<float>.Count ? RunWide(default(SigmoidOp), x, y) : 0;

    public static int TanhWide(ReadOnlySpan<float> x, Span<float> y) => RunWide(default(TanhOp), x, y);

    private interface IWideOp
    {
        Vector512<float> Invoke(Vector512<float> x);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RunWide<TOp>(TOp op, ReadOnlySpan<float> x, Span<float> y) where TOp : struct, IWideOp
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            return 0;
        }

        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float yr = ref MemoryMarshal.GetReference(y);
        int i = 0;
        for (; i <= x.Length - Vector512<float>.Count; i += Vector512<float>.Count)
        {
            op.Invoke(Vector512.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        }

        return i;
    }

    // σ(x) = r or e·r with e = e^(−|x|), r = 1/(1 + e), as in Sigmoid(Vector<T>).
    private readonly struct SigmoidOp : IWideOp
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<float> Invoke(Vector512<float> v)
        {
            Vector512<float> a = Vector512.Abs(v);
            if (Vector512.GreaterThanAny(a, Vector512.Create(87f)))
            {
                // e^(−|x|) would be subnormal: the 256-bit kernel handles that range.
                return Vector512.Create(Sigmoid(v.GetLower().AsVector()).AsVector256(), Sigmoid(v.GetUpper().AsVector()).AsVector256());
            }

            Vector512<float> e = ExpNormal(-a);
            Vector512<float> r = Vector512<float>.One / (Vector512<float>.One + e);
            return Vector512.ConditionalSelect(Vector512.LessThan(v, Vector512<float>.Zero), e * r, r);
        }
    }

    // tanh |x| = (1 − e)/(1 + e) with e = e^(−2|x|) (no cancellation to speak of for |x| ≥ 1/8), and the Taylor series
    // |x| − |x|³/3 + 2|x|⁵/15 − 17|x|⁷/315 below 1/8 (truncation error < 2e-9 relative); the sign of x goes back on last.
    private readonly struct TanhOp : IWideOp
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<float> Invoke(Vector512<float> v)
        {
            Vector512<float> a = Vector512.Abs(v);
            Vector512<float> e = ExpNormal(Vector512.Max(a * Vector512.Create(-2f), Vector512.Create(-87f))); // tanh = 1 there anyway
            Vector512<float> large = (Vector512<float>.One - e) / (Vector512<float>.One + e);
            Vector512<float> a2 = a * a;
            Vector512<float> small = a + a * a2 * ((Vector512.Create(-17f / 315) * a2 + Vector512.Create(2f / 15)) * a2 - Vector512.Create(1f / 3));
            Vector512<float> t = Vector512.ConditionalSelect(Vector512.LessThan(a, Vector512.Create(0.125f)), small, large);
            t = Vector512.ConditionalSelect(Vector512.Create(-0f), v, t);              // the sign bit of x, the rest of t ≥ 0
            return Vector512.ConditionalSelect(Vector512.Equals(v, v), t, v);          // NaN in, NaN out (Max drops NaN)
        }
    }

    // eˣ for −87 ≤ x ≤ 87 (NaN gives NaN): the reduction and polynomial of Exp(Vector<float>)'s fast path, 16 lanes wide.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ExpNormal(Vector512<float> x)
    {
        Vector512<float> t = x * Vector512.Create((float)Log2E) + Vector512.Create(RoundF);
        Vector512<float> n = t - Vector512.Create(RoundF);
        Vector512<float> r = x - n * Vector512.Create(Ln2HeadF) - n * Vector512.Create(Ln2TailF);
        Vector512<float> scale = Vector512.ShiftLeft(t.AsInt32() + Vector512.Create(127), 23).AsSingle();
        Vector512<float> r2 = r * r;
        Vector512<float> p01 = Vector512.Create(E1) * r + Vector512<float>.One;
        Vector512<float> p23 = Vector512.Create(E3) * r + Vector512.Create(E2);
        Vector512<float> p456 = (Vector512.Create(E6) * r + Vector512.Create(E5)) * r + Vector512.Create(E4);
        return (p01 + r2 * (p23 + r2 * p456)) * scale;
    }
}
