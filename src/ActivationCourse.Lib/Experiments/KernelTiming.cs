using System.Diagnostics;
using ActivationCourse.Activations;

namespace ActivationCourse.Experiments;

/// <summary>
/// Wall-clock timing of the library's vectorized activation kernels: the best of several runs over one large array,
/// after a warm-up run (so the JIT and the caches are ready). Timings depend on the machine and its load; compare
/// kernels measured in the same cell, not numbers from different machines.
/// </summary>
public static class KernelTiming
{
    /// <summary>The shortest of <paramref name="runs"/> timed calls of <paramref name="action"/>, in seconds, after one untimed call.</summary>
    public static double BestSeconds(Action action, int runs = 5)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        action();
        double best = double.PositiveInfinity;
        for (int r = 0; r < runs; r++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return best;
    }

    /// <summary>
    /// Best time, in seconds, of the float span forward pass <c>activation.Forward(x, y)</c> over <paramref name="length"/>
    /// inputs drawn uniformly from [−6, 6] (seeded), once the kernel has reached its steady speed.
    /// </summary>
    public static double ForwardSeconds(Activation activation, int length = 1 << 16, int runs = 20, int seed = 1) =>
        ForwardSeconds([activation], length, runs, seed)[0];

    /// <summary>
    /// <see cref="ForwardSeconds(Activation, int, int, int)"/> for several activations on the same inputs, warmed up
    /// together.
    /// </summary>
    /// <remarks>
    /// .NET compiles a method quickly first and replaces it by optimized code only after it has run many times and the
    /// background compiler has had time to work (with a profiling stage in between), so the first calls of a SIMD kernel
    /// can be tens of times slower than its steady state. Before timing, every kernel therefore runs in rounds of 40 calls
    /// on the timed array, with a pause after each round, until no kernel's best call in a round is more than 10% faster
    /// than in all earlier rounds (at least 5 rounds, at most 12).
    /// </remarks>
    public static double[] ForwardSeconds(IReadOnlyList<Activation> activations, int length = 1 << 16, int runs = 20, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(activations);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var random = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = (float)((12 * random.NextDouble()) - 6);
        }

        var y = new float[length];
        var calls = activations.Select(a => (Action)(() => a.Forward(x, y))).ToArray();
        var best = Enumerable.Repeat(double.PositiveInfinity, calls.Length).ToArray();
        for (int round = 0; round < 12; round++)
        {
            bool improved = false;
            for (int k = 0; k < calls.Length; k++)
            {
                double roundBest = BestSeconds(calls[k], 40);
                improved |= roundBest < 0.9 * best[k];
                best[k] = Math.Min(best[k], roundBest);
            }

            if (round >= 4 && !improved)
            {
                break;
            }

            Thread.Sleep(200);
        }

        return calls.Select((call, k) => Math.Min(best[k], BestSeconds(call, runs))).ToArray();
    }
}
