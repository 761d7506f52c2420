using System.Text.Json;
using ActivationCourse.Cli.Benchmarks;

namespace ActivationCourse.Cli.Tests;

/// <summary>One run of <c>course bench --quick</c>, shared by the tests of <see cref="BenchCommandTests"/> (it takes a while).</summary>
public sealed class QuickBenchFixture
{
    internal CourseRun Run { get; } = CourseProcess.Run(TimeSpan.FromMinutes(15), null, "bench", "--quick");
}

/// <summary>
/// The shape of <c>course bench</c>'s report, not its speed: speed is measured by running the command, never asserted
/// in a unit test. Every line must be one JSON object that a script can read.
/// </summary>
public class BenchCommandTests(QuickBenchFixture fixture) : IClassFixture<QuickBenchFixture>
{
    private static readonly string[] OpenBlasEntries =
        ["openblas_gemm_128x784x256", "gemm_128x784x256_interleaved", "gemm_128x784x256_vs_openblas", "openblas_mlp_epoch", "mlp_epoch_vs_openblas"];

    [Fact]
    public void QuickBenchPrintsOneJsonObjectPerLineWithEveryPromisedEntry()
    {
        var entries = Entries(fixture.Run);

        Assert.Equal("s", entries["mlp_epoch"].Unit);
        Assert.True(entries["mlp_epoch"].Value > 0);
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

    [OpenBlasFact]
    public void OpenBlasEntriesAppearWhenTheLibraryLoads()
    {
        var run = fixture.Run;
        var entries = Entries(run);
        OpenBlas blas = OpenBlas.TryLoad()!;

        // The kernels named may differ from this process's: the bench runs the fastest family it tried (tested below).
        Assert.Contains($"OpenBLAS reference: {blas.LibraryName}, ", run.Error);
        Assert.All(OpenBlasEntries, name => Assert.Contains(name, entries.Keys));
        Assert.Equal("GFLOP/s", entries["openblas_gemm_128x784x256"].Unit);
        Assert.Equal("s", entries["openblas_mlp_epoch"].Unit);
        Assert.Equal("ratio", entries["gemm_128x784x256_vs_openblas"].Unit);
        Assert.Equal("ratio", entries["mlp_epoch_vs_openblas"].Unit);
        // The ratios read "> 1: ours is faster": our throughput over theirs, their time over ours.
        AssertRatio(entries["gemm_128x784x256_interleaved"].Value / entries["openblas_gemm_128x784x256"].Value, entries["gemm_128x784x256_vs_openblas"].Value);
        AssertRatio(entries["openblas_mlp_epoch"].Value / entries["mlp_epoch"].Value, entries["mlp_epoch_vs_openblas"].Value);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.Contains("OpenBLAS", StringComparison.Ordinal));
    }

    [Fact]
    public void QuickBenchNamesItsWidthAndKernel()
    {
        var entries = Entries(fixture.Run);

        Assert.Contains($"vector_width_{BenchWidth.OfThisProcess}", entries.Keys);
        Assert.Single(entries.Keys, k => k.StartsWith("vector_width_", StringComparison.Ordinal));
        Assert.Single(entries.Keys, k => k.StartsWith("gemm_kernel_", StringComparison.Ordinal));
    }

    [OpenBlasFact]
    public void OpenBlasRunsTheFastestOfItsKernelFamiliesForTheWidth()
    {
        var entries = Entries(fixture.Run);
        var trials = entries.Where(e => e.Key.StartsWith("openblas_trial_", StringComparison.Ordinal)).ToList();
        if (BenchWidth.OpenBlasCores(BenchWidth.OfThisProcess).Count == 0)
        {
            Assert.Empty(trials); // not x86-64: OpenBLAS's own choice
            return;
        }

        Assert.NotEmpty(trials);
        string fastest = trials.MaxBy(e => e.Value.Value).Key["openblas_trial_".Length..].Split('_')[0];
        Assert.Contains($", {fastest} kernels,", fixture.Run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Vector128Fact]
    public void A128BitRunUsesTheVector128Kernel()
    {
        var run = CourseProcess.Run(TimeSpan.FromMinutes(15), null, "bench", "--quick", "--width", "128");
        var entries = Entries(run);

        Assert.Contains("vector_width_128", entries.Keys);
        Assert.Contains("gemm_kernel_vector128", entries.Keys);
    }

    [WithoutAvx512Fact]
    public void AWidthTheMachineLacksIsOneLineAndNothingMeasured()
    {
        var run = CourseProcess.Run(TimeSpan.FromMinutes(2), null, "bench", "--width", "512");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal(BenchWidth.UnavailableNote("512"), run.Error.Trim());
    }

    [WithoutOpenBlasFact]
    public void WithoutOpenBlasStderrSaysHowToGetItInOneLineAndNoEntryIsMissing()
    {
        var run = fixture.Run;
        var entries = Entries(run);

        Assert.Contains(OpenBlas.MissingNote, run.Error);
        Assert.DoesNotContain(entries.Keys, k => k.Contains("openblas", StringComparison.Ordinal));
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.Contains("OpenBLAS", StringComparison.Ordinal));
    }

    /// <summary>Parses every stdout line as one {name, value, unit} object with a finite positive value and a new name.</summary>
    private static Dictionary<string, (double Value, string Unit)> Entries(CourseRun run)
    {
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

        return entries;
    }

    // The printed figures are rounded (3 decimals, 6 below 1), so a ratio of them matches to about 1 %.
    private static void AssertRatio(double expected, double actual)
        => Assert.True(Math.Abs(actual - expected) <= 0.01 * expected + 2e-3, $"ratio {actual}, expected {expected}");
}
