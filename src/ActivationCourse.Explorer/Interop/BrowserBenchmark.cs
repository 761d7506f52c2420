using ActivationCourse.Explorer.Model;
using Microsoft.JSInterop;

namespace ActivationCourse.Explorer.Interop;

/// <summary>Lets the measurement test time training inside the browser: <c>DotNet.invokeMethod('ActivationCourse.Explorer', 'XorStepsPerSecond', n)</c>.</summary>
public static class BrowserBenchmark
{
    /// <summary><see cref="XorBenchmark.StepsPerSecond"/>, in WebAssembly.</summary>
    [JSInvokable]
    public static double XorStepsPerSecond(int steps) => XorBenchmark.StepsPerSecond(steps);

    /// <summary>Which SIMD widths the runtime accelerates here (the library falls back to scalar loops where not).</summary>
    [JSInvokable]
    public static string Simd() =>
        $"Vector<T> {System.Numerics.Vector.IsHardwareAccelerated} ({System.Numerics.Vector<float>.Count} floats), " +
        $"Vector128 {System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated}, Vector256 {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}, " +
        $"Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}";
}
