using ActivationCourse.Explorer.Model;
using Microsoft.JSInterop;

namespace ActivationCourse.Explorer.Interop;

/// <summary>Lets the measurement test time training inside the browser: <c>DotNet.invokeMethod('ActivationCourse.Explorer', 'XorStepsPerSecond', n)</c>.</summary>
public static class BrowserBenchmark
{
    /// <summary><see cref="XorBenchmark.StepsPerSecond"/>, in WebAssembly.</summary>
    [JSInvokable]
    public static double XorStepsPerSecond(int steps) => XorBenchmark.StepsPerSecond(steps);
}
