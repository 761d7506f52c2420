using ActivationCourse.Experiments;

namespace ActivationCourse.Lib.Tests.Experiments;

public class ActivationThroughputTests
{
    [Fact]
    public void MeasuresAPositiveRateAndRunsTheKernel()
    {
        var calls = 0;
        var r = ActivationThroughput.Measure("copy", (x, y) =>
        {
            calls++;
            x.CopyTo(y);
        }, length: 1000, runs: 3);
        Assert.Equal(4, calls); // warm-up + 3 timed runs
        Assert.Equal("copy", r.Name);
        Assert.Equal(1000, r.Length);
        Assert.True(r.ElementsPerSecond > 0);
        Assert.Equal(r.Length / r.BestSeconds, r.ElementsPerSecond, 6);
    }
}
