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
    public void CacheSpeedupAcceptsAPredictionNearWhatThisMachineMeasured()
    {
        // Arguments: predicted, measured, in-cache speed-up, memory's pace (the library ReLU's speed-up on large arrays).
        // The estimate min(in-cache speed-up, memory's pace), measured 1.13× off on one machine.
        Assert.True(Lesson07.CacheSpeedup(5.1, 4.5, 8.0, 5.1).Passed);
        // The machine is the judge: a memory-bound machine and a compute-bound one both confirm a right estimate.
        Assert.True(Lesson07.CacheSpeedup(2.0, 2.4, 8.0, 2.0).Passed);
        Assert.True(Lesson07.CacheSpeedup(8.0, 6.0, 8.0, 20.0).Passed);
        Assert.True(Lesson07.CacheSpeedup(2.5, 4.9, 6.0, 2.5).Passed); // a factor 1.96 off: timings of large arrays scatter
        // Two runs of the lesson on this course's AVX2 machine: min(54, 15) against 22, min(47, 18) against 18.
        Assert.True(Lesson07.CacheSpeedup(15, 22, 54, 15).Passed);
        Assert.True(Lesson07.CacheSpeedup(18, 18, 47, 18).Passed);
    }

    [Fact]
    public void CacheSpeedupRejectsTypicalWrongPredictions()
    {
        // "The lanes are the lanes": the in-cache speed-up kept on a machine whose memory caps the vector loop.
        Assert.False(Lesson07.CacheSpeedup(8.0, 3.0, 8.0, 3.0).Passed);
        Assert.False(Lesson07.CacheSpeedup(6.5, 3.0, 8.0, 6.0).Passed); // just beyond the tolerance of a factor 2
        // The same mistake where the measurement alone would accept it (30 is within 2× of 18): the limit rejects it.
        var unchanged = Lesson07.CacheSpeedup(30, 18, 30, 15);
        Assert.False(unchanged.Passed);
        Assert.Contains("limits", unchanged.Reason, StringComparison.Ordinal);
        // "More data, more parallel work": a larger speed-up than in the caches.
        Assert.False(Lesson07.CacheSpeedup(16.0, 5.0, 8.0, 5.0).Passed);
        Assert.False(Lesson07.CacheSpeedup(13.0, 10.0, 8.0, 12.0).Passed);
        // "Memory makes both loops equal": 1 on a machine where the vector loop still computes faster.
        Assert.False(Lesson07.CacheSpeedup(1.0, 4.5, 8.0, 4.5).Passed);
    }

    [Fact]
    public void CacheSpeedupPlaceholdersAndNonsense()
    {
        Assert.Equal(CheckOutcome.NoAnswer, Lesson07.CacheSpeedup(double.NaN, 4.5, 8, 4.5).Outcome);
        Assert.Equal(CheckOutcome.NoAnswer, Lesson07.CacheSpeedup(double.NaN, double.NaN, 8, 4.5).Outcome);
        Assert.False(Lesson07.CacheSpeedup(-4.5, 4.5, 8, 4.5).Passed);
        Assert.False(Lesson07.CacheSpeedup(double.PositiveInfinity, 4.5, 8, 4.5).Passed);
        var unmeasured = Lesson07.CacheSpeedup(4.5, double.NaN, 8, 4.5);
        Assert.False(unmeasured.Passed);
        Assert.Contains("measuring cell", unmeasured.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("4.5", Lesson07.CacheSpeedup(9.0, 4.5, 8, 4.5).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("4.5", Lesson07.CacheSpeedup(6.0, 4.5, 8, 4.5).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void StepFlopsAcceptsSixPerInputAndTheStrictCount()
    {
        Assert.True(Lesson07.StepFlopsPerActivation(1536, 256, 128, 128).Passed);
        Assert.True(Lesson07.StepFlopsPerActivation(1537, 256, 128, 128).Passed); // the bias add counted on top
        // A sum of s terms takes s − 1 adds: 511 (forward) + 2 · 256 · 255 / 128 (the two backward products) = 1,531.
        Assert.True(Lesson07.StepFlopsPerActivation(1531, 256, 128, 128).Passed);
        Assert.True(Lesson07.StepFlopsPerActivation(1532, 256, 128, 128).Passed);
        Assert.True(Lesson07.StepFlopsPerActivation(4704, 784, 256, 128).Passed);
        Assert.False(Lesson07.StepFlopsPerActivation(1534, 256, 128, 128).Passed);
        Assert.False(Lesson07.StepFlopsPerActivation(1534.5, 256, 128, 128).Passed);
    }

    [Fact]
    public void StepFlopsRejectsTypicalMiscounts()
    {
        Assert.False(Lesson07.StepFlopsPerActivation(2 * 256, 256, 128, 128).Passed);         // the forward product only
        Assert.False(Lesson07.StepFlopsPerActivation(4 * 256, 256, 128, 128).Passed);         // one backward product forgotten
        Assert.False(Lesson07.StepFlopsPerActivation(3 * 256, 256, 128, 128).Passed);         // a multiply-add counted as one operation
        Assert.False(Lesson07.StepFlopsPerActivation(6.0 * 128 * 256, 256, 128, 128).Passed); // the batch size multiplied in
        Assert.Equal(CheckOutcome.NoAnswer, Lesson07.StepFlopsPerActivation(double.NaN, 256, 128, 128).Outcome);
        Assert.DoesNotContain("1536", Lesson07.StepFlopsPerActivation(512, 256, 128, 128).ToString(), StringComparison.Ordinal);
    }
}
