using System.Runtime.Intrinsics;

namespace ActivationCourse.Cli.Tests;

/// <summary>A fact about <c>course bench --width 128</c>: skipped, with the reason, where 128-bit vectors are not accelerated.</summary>
internal sealed class Vector128FactAttribute : FactAttribute
{
    public Vector128FactAttribute()
    {
        if (!Vector128.IsHardwareAccelerated)
        {
            Skip = "Skipped: this machine has no 128-bit vectors, so --width 128 has nothing to measure.";
        }
    }
}

/// <summary>A fact about asking for a width the machine lacks: skipped where 512-bit vectors are accelerated.</summary>
internal sealed class WithoutAvx512FactAttribute : FactAttribute
{
    public WithoutAvx512FactAttribute()
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Skip = "Skipped: this machine runs 512-bit vectors, so --width 512 measures instead of declining.";
        }
    }
}
