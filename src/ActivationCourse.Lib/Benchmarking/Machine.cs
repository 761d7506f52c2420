using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ActivationCourse.Benchmarking;

/// <summary>
/// The one line every timing in the course is printed with: which processor, how many cores, how wide its SIMD
/// registers are and which .NET ran the measurement. Timings differ between machines; ratios measured in one run and
/// this line are what a reader can compare.
/// </summary>
public static class Machine
{
    /// <summary>The processor's model name (from /proc/cpuinfo on Linux), else its architecture.</summary>
    public static string Processor { get; } = ReadProcessorName();

    /// <summary>The widest SIMD registers .NET uses on this machine: "AVX-512", "AVX2", "Arm64 AdvSIMD", or "none".</summary>
    public static string Simd =>
        Vector512.IsHardwareAccelerated ? "AVX-512"
        : Vector256.IsHardwareAccelerated ? "AVX2"
        : System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported ? "Arm64 AdvSIMD"
        : Vector128.IsHardwareAccelerated ? "128-bit SIMD"
        : "none";

    /// <summary>
    /// "Measured on: Intel(R) Xeon(R) Processor, 2 cores, AVX-512 (Vector&lt;T&gt;: 256 bits), .NET 10.0.1".
    /// </summary>
    public static string Line =>
        $"Measured on: {Processor}, {Environment.ProcessorCount} cores, {Simd} (Vector<T>: {Vector<byte>.Count * 8} bits), .NET {Environment.Version}";

    private static string ReadProcessorName()
    {
        try
        {
            if (OperatingSystem.IsLinux() && File.Exists("/proc/cpuinfo"))
            {
                foreach (string line in File.ReadLines("/proc/cpuinfo"))
                {
                    if (line.StartsWith("model name", StringComparison.Ordinal) && line.Contains(':'))
                    {
                        return string.Join(' ', line[(line.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    }
                }
            }
        }
        catch (IOException)
        {
            // Fall back to the architecture below.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return RuntimeInformation.ProcessArchitecture + " processor";
    }
}
