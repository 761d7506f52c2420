using System.Numerics;
using ActivationCourse.Exercises;

namespace ActivationCourse.Lib.Tests.Exercises;

public class Lesson07Tests
{
    // The solution of 7.1: whole vectors with max(x, 0.01·x) (valid because the slope is below 1), then a scalar tail.
    private static void VectorLeakyRelu(ReadOnlySpan<float> x, Span<float> y)
    {
        int i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var v = new Vector<float>(x[i..]);
            Vector.Max(v, v * Lesson07.LeakySlope).CopyTo(y[i..]);
        }

        for (; i < x.Length; i++)
        {
            y[i] = x[i] > 0 ? x[i] : Lesson07.LeakySlope * x[i];
        }
    }

    [Fact]
    public void LeakyReluAcceptsTheVectorSolutionAndAScalarLoop()
    {
        Assert.True(Lesson07.LeakyReluKernel(VectorLeakyRelu).Passed);
        Assert.True(Lesson07.LeakyReluKernel((x, y) =>
        {
            for (int i = 0; i < x.Length; i++)
            {
                y[i] = x[i] > 0 ? x[i] : 0.01f * x[i];
            }
        }).Passed);
    }

    [Fact]
    public void LeakyReluRejectsAForgottenTail()
    {
        var r = Lesson07.LeakyReluKernel((x, y) =>
        {
            for (int i = 0; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(x[i..]);
                Vector.Max(v, v * 0.01f).CopyTo(y[i..]);
            }
        });
        Assert.False(r.Passed);
        Assert.Equal(CheckOutcome.NotYet, r.Outcome);
    }

    [Fact]
    public void LeakyReluRejectsPlainReluAndASlopeOnTheWrongSide()
    {
        Assert.False(Lesson07.LeakyReluKernel((x, y) =>
        {
            for (int i = 0; i < x.Length; i++)
            {
                y[i] = MathF.Max(x[i], 0f); // ReLU: the slope is missing
            }
        }).Passed);
        Assert.False(Lesson07.LeakyReluKernel((x, y) =>
        {
            for (int i = 0; i < x.Length; i++)
            {
                y[i] = MathF.Min(x[i], 0.01f * x[i]); // min instead of max: the slope lands on the positive side
            }
        }).Passed);
    }

    [Fact]
    public void LeakyReluWithoutAKernelIsNoAnswerAndAThrowingKernelDoesNotCrash()
    {
        Assert.Equal(CheckOutcome.NoAnswer, Lesson07.LeakyReluKernel(null).Outcome);
        var r = Lesson07.LeakyReluKernel((x, y) => y[x.Length] = 1f); // writes past the end
        Assert.False(r.Passed);
    }

    [Fact]
    public void CacheSpeedupAcceptsAPredictionTheMeasurementConfirms()
    {
        Assert.True(Lesson07.CacheSpeedup("shrinks", 1 << 24, 8.0, 1.5).Passed);
        Assert.True(Lesson07.CacheSpeedup(" Shrinks ", 1 << 25, 8.0, 1.5).Passed);
        // The check follows the measurement, whatever it shows.
        Assert.True(Lesson07.CacheSpeedup("stays", 1 << 24, 4.0, 4.2).Passed);
    }

    [Fact]
    public void CacheSpeedupRejectsTypicalWrongPredictions()
    {
        // "More data, more parallel work": expecting SIMD to help more on big arrays.
        Assert.False(Lesson07.CacheSpeedup("grows", 1 << 24, 8.0, 1.5).Passed);
        // "The lanes are the lanes": expecting the same speed-up whatever the size.
        Assert.False(Lesson07.CacheSpeedup("stays", 1 << 24, 8.0, 1.5).Passed);
    }

    [Fact]
    public void CacheSpeedupRejectsAnArrayThatStillFitsInCache()
    {
        var r = Lesson07.CacheSpeedup("shrinks", 1 << 16, 8.0, 7.5);
        Assert.False(r.Passed);
        Assert.Contains("caches", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CacheSpeedupPlaceholdersAndNonsense()
    {
        Assert.Equal(CheckOutcome.NoAnswer, Lesson07.CacheSpeedup("", 1 << 24, 8.0, 1.5).Outcome);
        Assert.Equal(CheckOutcome.NoAnswer, Lesson07.CacheSpeedup(null, 1 << 24, 8.0, 1.5).Outcome);
        Assert.False(Lesson07.CacheSpeedup("smaller", 1 << 24, 8.0, 1.5).Passed);
        Assert.False(Lesson07.CacheSpeedup("shrinks", 1 << 24, double.NaN, 1.5).Passed);
        // Between "clearly the same" and "clearly changed": asks for another run instead of judging.
        var unclear = Lesson07.CacheSpeedup("shrinks", 1 << 24, 4.0, 3.0);
        Assert.False(unclear.Passed);
        Assert.Contains("again", unclear.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FlopsPerActivationAcceptsTwoPerInputGiveOrTakeOne()
    {
        Assert.True(Lesson07.FlopsPerActivation(1568, 784).Passed);
        Assert.True(Lesson07.FlopsPerActivation(1569, 784).Passed); // the bias add counted on top
        Assert.True(Lesson07.FlopsPerActivation(1567, 784).Passed); // the strict dot-product count
        Assert.False(Lesson07.FlopsPerActivation(1568.5, 784).Passed);
    }

    [Fact]
    public void FlopsPerActivationRejectsTypicalMiscounts()
    {
        Assert.False(Lesson07.FlopsPerActivation(784, 784).Passed);              // a multiply-add counted as one operation
        Assert.False(Lesson07.FlopsPerActivation(2.0 * 128 * 784, 784).Passed);  // the batch size multiplied in
        Assert.False(Lesson07.FlopsPerActivation(2.0 * 784 * 256, 784).Passed);  // the whole layer, not one value
        Assert.Equal(CheckOutcome.NoAnswer, Lesson07.FlopsPerActivation(double.NaN, 784).Outcome);
        Assert.DoesNotContain("1568", Lesson07.FlopsPerActivation(784, 784).ToString(), StringComparison.Ordinal);
    }
}
