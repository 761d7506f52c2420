using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("ActivationCourse.Benchmarks")]

namespace ActivationCourse.Activations;

/// <summary>Plain scalar loops over the same kernels, the baseline the benchmarks compare the SIMD driver against.</summary>
internal static class ScalarBaseline
{
    /// <summary>y[i] = f(x[i]) one element at a time, using the kernel's scalar float formula (no SIMD, no TensorPrimitives).</summary>
    public static void Forward<TKernel>(ElementwiseActivation<TKernel> f, ReadOnlySpan<float> x, Span<float> y)
        where TKernel : struct, IActivationKernel
    {
        TKernel k = f.KernelForBaseline;
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = k.Forward(x[i]);
        }
    }

    /// <summary>dydx[i] = f′(x[i]) one element at a time.</summary>
    public static void Derivative<TKernel>(ElementwiseActivation<TKernel> f, ReadOnlySpan<float> x, Span<float> dydx)
        where TKernel : struct, IActivationKernel
    {
        TKernel k = f.KernelForBaseline;
        for (int i = 0; i < x.Length; i++)
        {
            dydx[i] = k.Derivative(x[i]);
        }
    }
}
