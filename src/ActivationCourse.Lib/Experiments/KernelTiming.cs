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
    /// inputs drawn uniformly from [−6, 6] (seeded).
    /// </summary>
    public static double ForwardSeconds(Activation activation, int length = 1 << 22, int runs = 5, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var random = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = (float)((12 * random.NextDouble()) - 6);
        }

        var y = new float[length];
        return BestSeconds(() => activation.Forward(x, y), runs);
    }
}
