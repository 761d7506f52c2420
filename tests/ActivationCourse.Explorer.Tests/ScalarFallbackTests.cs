using System.Diagnostics;
using System.Numerics;

namespace ActivationCourse.Explorer.Tests;

/// <summary>
/// WebAssembly may run the library without hardware SIMD. A child process started with
/// DOTNET_EnableHWIntrinsic=0 takes every scalar fallback (Vector.IsHardwareAccelerated is false, the GEMM uses
/// its scalar kernel) and must give the same activations and the same training as this process.
/// </summary>
public sealed class ScalarFallbackTests
{
    [Fact]
    public async Task Scalar_fallbacks_match_the_vectorized_paths()
    {
        var here = Fingerprint.Compute();
        var start = new ProcessStartInfo("dotnet", [typeof(Fingerprint).Assembly.Location, "fingerprint"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_EnableHWIntrinsic"] = "0";
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3)); // against a hang only
        await child.WaitForExitAsync(deadline.Token);
        Assert.True(child.ExitCode == 0, await error);
        var scalar = Fingerprint.Parse(await output);

        Assert.False(scalar.VectorAccelerated, "DOTNET_EnableHWIntrinsic=0 should turn hardware SIMD off in the child");
        Assert.Equal(Vector.IsHardwareAccelerated, here.VectorAccelerated);
        Assert.Equal(here.Values.Keys.Order(), scalar.Values.Keys.Order());
        foreach (var (key, expected) in here.Values)
        {
            // float kernels: vector exp/log approximations against the scalar math, a few float ulps; double: near exact;
            // training: 150 steps through differently blocked GEMM sums.
            double tolerance = key.StartsWith("xor.", StringComparison.Ordinal) ? 1e-3 : key.EndsWith("32", StringComparison.Ordinal) ? 2e-6 : 1e-12;
            var actual = scalar.Values[key];
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                bool same = (double.IsNaN(expected[i]) && double.IsNaN(actual[i]))
                    || Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i]));
                Assert.True(same, $"{key}[{i}]: vectorized {expected[i]:R}, scalar {actual[i]:R}");
            }
        }
    }
}
