using ActivationCourse.Activations;


namespace ActivationCourse.Exercises;

/// <summary>The checks of lesson 07, "Under the hood: fast and accurate activations in C#".</summary>
public static class Lesson07
{
    /// <summary>The Leaky ReLU slope exercise 7.1 asks for (PyTorch's default).</summary>
    public const float LeakySlope = 0.01f;

    /// <summary>
    /// The length of the large arrays of exercise 7.2: 2²⁴ floats (64 MB, twice that for input and output), more than the
    /// caches of ordinary processors hold.
    /// </summary>
    public const int OutOfCacheLength = 1 << 24;

    /// <summary>
    /// How far a prediction of exercise 7.2 may be from the measured speed-up, as a factor either way: the model behind
    /// it (each loop runs at the slower of its own pace and the memory's) is rough, and timings of 64 MB arrays on a
    /// shared machine scatter.
    /// </summary>
    public const double SpeedupTolerance = 2;

    /// <summary>
    /// Exercise 7.1: <paramref name="kernel"/> writes Leaky ReLU (slope <see cref="LeakySlope"/>) of every element of x into
    /// y. Checked on lengths from 0 to a few hundred, including lengths that are not a multiple of the vector width,
    /// on negative, zero and positive inputs, against the scalar formula.
    /// </summary>
    public static CheckResult LeakyReluKernel(SpanKernel? kernel) =>
        Check.True("7.1", () =>
        {
            if (kernel is null)
            {
                throw new ArgumentNullException(nameof(kernel));
            }

            var random = new Random(71);
            foreach (int length in new[] { 0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 257, 1000 })
            {
                var x = new float[length];
                for (int i = 0; i < length; i++)
                {
                    x[i] = i % 11 == 5 ? 0f : (float)((random.NextDouble() * 20) - 10);
                }

                var y = new float[length];
                Array.Fill(y, float.NaN); // an element the kernel forgets stays NaN
                kernel(x, y);
                for (int i = 0; i < length; i++)
                {
                    float expected = x[i] > 0 ? x[i] : LeakySlope * x[i];
                    if (!(Math.Abs(y[i] - expected) <= 1e-6f * Math.Max(1f, Math.Abs(expected))))
                    {
                        return false;
                    }
                }
            }

            return true;
        }, "compare your output with x > 0 ? x : 0.01·x element by element, for an array whose length is not a multiple "
            + "of Vector<float>.Count too: every element of y must be written, the last few included");

    /// <summary>
    /// How far above the lower of its two limits (the in-cache speed-up and the memory's pace) a prediction of exercise 7.2
    /// may lie: the limits are measured, so a factor of 1.5 absorbs their scatter.
    /// </summary>
    public const double LimitTolerance = 1.5;

    /// <summary>
    /// Exercise 7.2 (predict, then measure): before timing the large arrays, the learner predicts the speed-up of the
    /// library's Leaky ReLU over the scalar loop there, from its speed-up in the caches and the library ReLU's on the
    /// large arrays (the memory's pace), both measured on this machine. Optimized kernels, not a loop compiled in a
    /// notebook cell, because a cell's unoptimized loop times too unevenly in the kernel to judge a prediction by. The
    /// prediction counts when it lies within a factor <see cref="SpeedupTolerance"/> of the speed-up this machine then
    /// measures, whatever that is (the answer depends on the machine, so the machine is the judge), and is not more than
    /// <see cref="LimitTolerance"/> times the lower of the two given speed-ups: no loop beats either limit. The second
    /// condition rejects the in-cache speed-up kept unchanged on a machine whose memory caps the kernel, even where the
    /// measurement alone could not tell the two apart.
    /// </summary>
    /// <param name="predictedSpeedup">The learner's prediction: scalar time ÷ Leaky ReLU's time on the large arrays.</param>
    /// <param name="measuredSpeedup">The same ratio, measured afterwards on this machine (NaN when not measured).</param>
    /// <param name="inCacheSpeedup">The library Leaky ReLU's speed-up over the scalar loop in the caches.</param>
    /// <param name="memoryPaceSpeedup">The library ReLU's speed-up over the scalar loop on the large arrays.</param>
    public static CheckResult CacheSpeedup(double predictedSpeedup, double measuredSpeedup, double inCacheSpeedup, double memoryPaceSpeedup)
    {
        if (double.IsNaN(predictedSpeedup))
        {
            return Check.Number("7.2", predictedSpeedup, 1);
        }

        if (!(measuredSpeedup > 0) || double.IsInfinity(measuredSpeedup))
        {
            return Check.True("7.2", false, "run the measuring cell first: the speed-up on the large arrays must be measured");
        }

        if (!(predictedSpeedup > 0) || double.IsInfinity(predictedSpeedup))
        {
            return Check.True("7.2", false, "a speed-up is a positive, finite ratio: scalar time ÷ vector time");
        }

        if (predictedSpeedup > LimitTolerance * Math.Min(inCacheSpeedup, memoryPaceSpeedup))
        {
            return Check.True("7.2", false,
                "your prediction is faster than one of the two limits the given numbers set: a loop is no faster out of the "
                + "caches than in them, and no faster than the memory streams the elements in and out");
        }

        double factor = Math.Max(predictedSpeedup / measuredSpeedup, measuredSpeedup / predictedSpeedup);
        return Check.True("7.2", factor <= SpeedupTolerance,
            "your prediction and this machine's measurement are far apart: per element, each loop takes at least its own "
            + "time in the caches, and at least the time the memory needs to stream the element in and out; which of the "
            + "two is larger for each loop?");
    }

    /// <summary>
    /// Exercise 7.3: the floating-point operations the three matrix products of one training step spend on each
    /// activation value of a dense layer with <paramref name="inputs"/> inputs (k), <paramref name="outputs"/> outputs (m)
    /// and batches of <paramref name="batch"/> (n). The forward product Z = H·W and the backward products ∂L/∂W = Hᵀ·δ
    /// and ∂L/∂H = δ·Wᵀ each do n·k·m multiply-adds, 2·k FLOPs per value of Z: 6·k in all. Also accepted: the strict
    /// count, in which a sum of s terms takes s − 1 adds (6k − 1 − k/n − k/m), and either count with the bias add (+1).
    /// </summary>
    public static CheckResult StepFlopsPerActivation(double answer, int inputs, int outputs, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        double full = 6.0 * inputs;
        if (double.IsNaN(answer))
        {
            return Check.Number("7.3", answer, full);
        }

        double strict = full - 1 - ((double)inputs / batch) - ((double)inputs / outputs);
        bool right = new[] { full, full + 1, strict, strict + 1 }.Any(count => Math.Abs(answer - count) <= 0.5);
        return Check.True("7.3", right,
            "count each of the three products: its shape (rows × columns of the result), the length of the sums that make "
            + "one entry, and two operations per term; then divide by the number of activation values, batch × outputs");
    }
}
