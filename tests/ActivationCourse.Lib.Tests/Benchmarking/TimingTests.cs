using ActivationCourse.Benchmarking;
using ActivationCourse.Printing;

namespace ActivationCourse.Lib.Tests.Benchmarking;

public class TimingTests
{
    [Fact]
    public void EveryContenderRunsAndGetsAPositiveTime()
    {
        int a = 0, b = 0;
        var t = Timing.Compare([("a", () => a++), ("b", () => b++)], runs: 3, maxWarmupSeconds: 0.05);
        Assert.Equal(["a", "b"], t.Names);
        Assert.True(a >= 1 + Timing.MinimumWarmupRounds + 3, $"a ran {a} times");
        Assert.True(b >= 1 + Timing.MinimumWarmupRounds + 3, $"b ran {b} times");
        Assert.True(t.Seconds("a") > 0 && double.IsFinite(t.Seconds("a")));
        Assert.Equal(t.Seconds("a") / t.Seconds("b"), t.Ratio("a", "b"), 12);
        Assert.True(t.FirstCallRatio("a") > 0);
    }

    [Fact]
    public void ShortCallsAreRepeatedWithinASample()
    {
        int calls = 0;
        Timing.Compare([("tiny", () => calls++)], runs: 2, maxWarmupSeconds: 0);
        // A call far shorter than the minimum sample is repeated many times per sample.
        Assert.True(calls > 100, $"only {calls} calls");
    }

    [Fact]
    public void ASlowerContenderGetsTheLargerTime()
    {
        // Sleeping 3 ms against doing nothing: no scheduler makes the sleep the faster one.
        var t = Timing.Compare([("nothing", () => { }), ("sleep", () => Thread.Sleep(3))], runs: 2, maxWarmupSeconds: 0);
        Assert.True(t.Ratio("sleep", "nothing") > 10);
    }

    [Fact]
    public void PrintsRatiosAndTheMachineButNoAbsoluteTime()
    {
        var t = Timing.Compare([("first", () => { }), ("second", () => Thread.Sleep(1))], runs: 2, maxWarmupSeconds: 0);
        string text = t.ToString();
        Assert.Contains("first", text, StringComparison.Ordinal);
        Assert.Contains("costs", text, StringComparison.Ordinal);
        Assert.Contains("× first", text, StringComparison.Ordinal);
        Assert.Contains(Machine.Line, text, StringComparison.Ordinal);
        Assert.DoesNotContain(" ms", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" s ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Timing.Compare([("a", () => { })], runs: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Timing.Compare());
        Assert.Throws<ArgumentException>(() => Timing.Compare(("same", () => { }), ("same", () => { })));
        var t = Timing.Compare([("a", () => { })], runs: 1, maxWarmupSeconds: 0);
        Assert.Throws<ArgumentException>(() => t.Seconds("missing"));
    }
}
