using ActivationCourse.Experiments;

namespace ActivationCourse.Lib.Tests.Experiments;

public class KernelTimingTests
{
    [Fact]
    public void BestSecondsRunsTheActionOncePerRunPlusAWarmUp()
    {
        int calls = 0;
        double seconds = KernelTiming.BestSeconds(() => calls++, runs: 4);
        Assert.Equal(5, calls);
        Assert.True(seconds >= 0);
    }

    [Fact]
    public void ForwardSecondsIsPositiveAndFinite()
    {
        double seconds = KernelTiming.ForwardSeconds(FormulaActivations.Relu, length: 4096, runs: 2);
        Assert.True(double.IsFinite(seconds) && seconds >= 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelTiming.BestSeconds(() => { }, runs: 0));
    }

    [Fact]
    public void SeveralKernelsGetOneTimeEach()
    {
        var seconds = KernelTiming.ForwardSeconds([FormulaActivations.Relu, FormulaActivations.Sigmoid], length: 1024, runs: 3);
        Assert.Equal(2, seconds.Length);
        Assert.All(seconds, s => Assert.True(double.IsFinite(s) && s >= 0));
    }
}
