using ActivationCourse.Experiments;

namespace ActivationCourse.Exercises;

/// <summary>The checks of lesson 07, "Under the hood: fast and accurate activations in C#".</summary>
public static class Lesson07
{
    /// <summary>The Leaky ReLU slope exercise 7.1 asks for (PyTorch's default).</summary>
    public const float LeakySlope = 0.01f;

    /// <summary>
    /// The fewest elements the large array of exercise 7.2 must hold: 2²⁴ floats (64 MB, twice that for input and
    /// output), more than the caches of ordinary processors.
    /// </summary>
    public const int OutOfCacheLength = 1 << 24;

    /// <summary>
    /// How far apart two speed-ups must be, as a factor, before exercise 7.2 calls one larger: timings on a shared
    /// machine scatter, and a change smaller than this is not read as a change.
    /// </summary>
    public const double ClearChange = 1.5;

    /// <summary>The three possible answers of exercise 7.2.</summary>
    public static readonly IReadOnlyList<string> SpeedupChanges = ["grows", "stays", "shrinks"];

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
    /// Exercise 7.2 (predict, then measure): the learner predicts whether the speed-up of their vectorized kernel over the
    /// scalar loop "grows", "stays" or "shrinks" when the arrays no longer fit in the caches, then measures both
    /// speed-ups. The prediction counts when it matches the measurement, which must have used at least
    /// <see cref="OutOfCacheLength"/> elements for the large arrays and show a change of at least <see cref="ClearChange"/>
    /// or none, not something in between.
    /// </summary>
    /// <param name="prediction">"grows", "stays" or "shrinks", written before measuring.</param>
    /// <param name="largeLength">Elements of the large arrays the learner measured with.</param>
    /// <param name="speedupInCache">Scalar time ÷ vector time on the small (in-cache) arrays.</param>
    /// <param name="speedupOutOfCache">Scalar time ÷ vector time on the large arrays.</param>
    public static CheckResult CacheSpeedup(string? prediction, int largeLength, double speedupInCache, double speedupOutOfCache)
    {
        string answer = (prediction ?? "").Trim().ToLowerInvariant();
        if (answer.Length == 0)
        {
            return Check.Equal("7.2", "", "", null);
        }

        if (!SpeedupChanges.Contains(answer))
        {
            return Check.True("7.2", false, "answer with one of the words \"grows\", \"stays\" or \"shrinks\"");
        }

        if (largeLength < OutOfCacheLength)
        {
            return Check.True("7.2", false,
                "the large arrays must not fit in the caches: give them at least 2²⁴ elements and run the measurement again");
        }

        if (!(speedupInCache > 0) || !(speedupOutOfCache > 0) || double.IsInfinity(speedupInCache) || double.IsInfinity(speedupOutOfCache))
        {
            return Check.True("7.2", false, "run the measuring cell first: both speed-ups must be measured");
        }

        double change = speedupOutOfCache / speedupInCache;
        string measured = change >= ClearChange ? "grows" : change <= 1 / ClearChange ? "shrinks" : "stays";
        bool unclear = measured == "stays" && (change > 1.2 || change < 1 / 1.2);
        if (unclear)
        {
            return Check.True("7.2", false,
                "the two speed-ups differ, but not clearly enough to judge (the machine may be busy): run the measurement again");
        }

        return Check.True("7.2", answer == measured,
            "your prediction and your measurement disagree: what limits each loop when every element has to come from main memory?");
    }

    /// <summary>
    /// Exercise 7.3: the floating-point operations the matrix product of a dense layer with <paramref name="fanIn"/> inputs
    /// does for each activation value it feeds: a multiply and an add per input, 2·fanIn. The strict count of a dot product,
    /// 2·fanIn − 1 (the first product needs no add), and 2·fanIn + 1 (the bias add counted on top) are accepted too.
    /// </summary>
    public static CheckResult FlopsPerActivation(double answer, int fanIn)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 1);
        if (double.IsNaN(answer))
        {
            return Check.Number("7.3", answer, 2.0 * fanIn);
        }

        bool right = Math.Abs(answer - (2.0 * fanIn)) <= 1 && answer == Math.Round(answer);
        return Check.True("7.3", right,
            "count for one value of Z: how many products of an input with a weight are summed into it, and how many operations "
            + "each product costs to compute and add; the batch size does not enter");
    }
}
