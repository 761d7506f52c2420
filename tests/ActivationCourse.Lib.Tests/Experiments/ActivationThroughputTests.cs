using ActivationCourse.Experiments;

namespace ActivationCourse.Lib.Tests.Experiments;

public class ActivationThroughputTests
{
    [Fact]
    public void MeasuresAPositiveRateAndRunsTheKernel()
    {
        var calls = 0;
        var fullLength = 0;
        var r = ActivationThroughput.Measure("copy", (x, y) =>
        {
            calls++;
            fullLength += x.Length == 5000 ? 1 : 0;
            x.CopyTo(y);
        }, length: 5000, runs: 3, warmupSeconds: 0);
        Assert.InRange(calls, ActivationThroughput.MinimumWarmupCalls + 3, int.MaxValue); // warm-up calls, then the timed runs
        Assert.Equal(3 * (ActivationThroughput.MinimumElementsPerRun / 5000), fullLength); // short inputs repeat within a run
        Assert.Equal("copy", r.Name);
        Assert.Equal(5000, r.Length);
        Assert.True(r.ElementsPerSecond > 0);
        Assert.Equal(r.Length / r.BestSeconds, r.ElementsPerSecond, 6);
    }

    [Fact]
    public void WarmsUpForTheRequestedTime()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        ActivationThroughput.Measure("copy", (x, y) => x.CopyTo(y), length: 64, runs: 1, warmupSeconds: 0.05);
        Assert.True(watch.Elapsed.TotalSeconds >= 0.05); // a lower bound only: an upper one measures the machine's load, not the code
    }
}
