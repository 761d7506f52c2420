using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ActivationCourse.Lib.Tests.LinearAlgebra;

/// <summary>A test of a 512-bit code path: skipped, with the reason, on a CPU without AVX-512 (never passed without running).</summary>
internal sealed class Avx512FactAttribute : FactAttribute
{
    public Avx512FactAttribute()
    {
        if (!(Vector512.IsHardwareAccelerated && Avx512F.IsSupported))
        {
            Skip = "Skipped: this CPU has no AVX-512 (or .NET does not use it here), so the 512-bit kernels cannot run.";
        }
    }
}

/// <summary>A test of a 256-bit code path: skipped, with the reason, on a CPU without 256-bit vectors.</summary>
internal sealed class Avx2FactAttribute : FactAttribute
{
    public Avx2FactAttribute()
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            Skip = "Skipped: this CPU has no 256-bit vectors (or .NET does not use them here), so the 256-bit kernels cannot run.";
        }
    }
}

/// <summary>A test of a 128-bit code path: skipped, with the reason, on a machine without 128-bit vectors.</summary>
internal sealed class Vector128FactAttribute : FactAttribute
{
    public Vector128FactAttribute()
    {
        if (!Vector128.IsHardwareAccelerated)
        {
            Skip = "Skipped: this machine has no 128-bit vectors (or .NET does not use them here), so the 128-bit kernel cannot run.";
        }
    }
}

/// <summary>A test of the 512-bit float sigmoid and tanh: they run only where Vector&lt;float&gt; is 256 bits and Vector512 is accelerated.</summary>
internal sealed class WideActivationFactAttribute : FactAttribute
{
    public WideActivationFactAttribute()
    {
        if (!Vector512.IsHardwareAccelerated || Vector<float>.Count != Vector256<float>.Count)
        {
            Skip = "Skipped: the 16-lane sigmoid and tanh kernels need 512-bit vectors (AVX-512) beside a 256-bit Vector<float>; this machine has neither combination.";
        }
    }
}
