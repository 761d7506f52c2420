using System.Text.Json;

namespace ActivationCourse.Cli.Tests;

/// <summary>
/// The shape of <c>course bench</c>'s report, not its speed: speed is measured by running the command, never asserted
/// in a unit test. Every line must be one JSON object that a script can read.
/// </summary>
public class BenchCommandTests
{
    [Fact]
    public void QuickBenchPrintsOneJsonObjectPerLineWithEveryPromisedEntry()
    {
        var run = CourseProcess.Run(TimeSpan.FromMinutes(4), null, "bench", "--quick");
        Assert.True(run.ExitCode == 0, run.ToString());

        var entries = new Dictionary<string, (double Value, string Unit)>();
        foreach (string line in run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            Assert.Equal(JsonValueKind.Object, root.ValueKind);
            Assert.Equal(["name", "value", "unit"], root.EnumerateObject().Select(p => p.Name).ToArray());
            string name = root.GetProperty("name").GetString()!;
            double value = root.GetProperty("value").GetDouble();
            string unit = root.GetProperty("unit").GetString()!;
            Assert.True(double.IsFinite(value) && value > 0, $"{name} = {value} {unit}");
            Assert.True(entries.TryAdd(name, (value, unit)), $"{name} is reported twice");
        }

        Assert.Equal("s", entries["mlp_epoch"].Unit);
        Assert.InRange(entries["mlp_epoch"].Value, 1e-3, 60);
        foreach (string gemm in new[] { "gemm_128x784x256", "gemm_at_b_784x128x256", "gemm_a_bt_128x256x784", "mathnet_gemm_128x784x256" })
        {
            Assert.Equal("GFLOP/s", entries[gemm].Unit);
        }

        Assert.Equal("ratio", entries["gemm_speedup_vs_mathnet_128x784x256"].Unit);
        Assert.Contains(entries.Keys, k => k.StartsWith("gemm_kernel_", StringComparison.Ordinal));
        foreach (string activation in new[] { "relu", "sigmoid", "tanh", "gelu" })
        {
            Assert.Equal("elements/s", entries[$"act_{activation}_forward"].Unit);
            Assert.Equal("elements/s", entries[$"act_{activation}_backward"].Unit);
            Assert.Equal("ratio", entries[$"act_{activation}_forward_speedup"].Unit);
        }
    }
}
