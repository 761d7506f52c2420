using System.Diagnostics;
using ActivationCourse.Activations;

namespace ActivationCourse.Experiments;

/// <summary>One throughput measurement: how many elements per second a kernel processed.</summary>
/// <param name="Name">What was measured.</param>
/// <param name="ElementsPerSecond">Best (fastest) run over the repeats.</param>
/// <param name="BestSeconds">Time of one kernel call in the best run.</param>
/// <param name="Length">Elements per run.</param>
public sealed record ThroughputResult(string Name, double ElementsPerSecond, double BestSeconds, int Length);

/// <summary>
/// Measures how fast an activation's vectorized float32 forward (or derivative) pass runs: elements per second, best of
/// several timed runs after a warm-up, on inputs spread over [−5, 5]. A rough lesson measurement, not a benchmark:
/// the best run filters out interruptions by other processes, but the machine's load still shows.
/// </summary>
/// <remarks>
/// The warm-up matters. .NET first compiles a method quickly and without optimization (tier 0) and recompiles it optimized
/// only after it has been called often enough, in the background; a kernel timed on its first calls can look a hundred
/// times slower than it is. So the kernel first runs on a short prefix of the input, over and over, timing each call: for
/// at least <c>warmupSeconds</c> and <see cref="MinimumWarmupCalls"/> calls, then on until the fastest call has not
/// improved for <c>warmupSeconds</c> (the optimized code has arrived), but never longer than <see cref="MaximumWarmupSeconds"/>.
/// </remarks>
public static class ActivationThroughput
{
    /// <summary>The least number of warm-up calls, whatever the warm-up time.</summary>
    public const int MinimumWarmupCalls = 50;

    /// <summary>A timed run calls the kernel repeatedly until it has processed at least this many elements.</summary>
    public const int MinimumElementsPerRun = 1 << 16;

    /// <summary>The longest warm-up, however slowly the optimized code arrives.</summary>
    public const double MaximumWarmupSeconds = 3;

    /// <summary>Times <see cref="Activation.Forward(ReadOnlySpan{float}, Span{float})"/> (or the derivative).</summary>
    /// <param name="activation">The activation to time.</param>
    /// <param name="length">Elements per run.</param>
    /// <param name="runs">Timed runs; the fastest counts.</param>
    /// <param name="derivative">Time the derivative instead of the forward pass.</param>
    /// <param name="warmupSeconds">How long to run the kernel before timing it (see the remarks).</param>
    public static ThroughputResult Measure(Activation activation, int length = 1 << 20, int runs = 5, bool derivative = false, double warmupSeconds = 0.3)
    {
        ArgumentNullException.ThrowIfNull(activation);
        return Measure(activation.DisplayName, (x, y) =>
        {
            if (derivative)
            {
                activation.Derivative(x, y);
            }
            else
            {
                activation.Forward(x, y);
            }
        }, length, runs, warmupSeconds);
    }

    /// <summary>Times any span-in, span-out kernel the same way (for example a plain scalar loop, to compare).</summary>
    /// <param name="name">Name of the result.</param>
    /// <param name="kernel">Reads the first span, writes the second.</param>
    /// <param name="length">Elements per run.</param>
    /// <param name="runs">Timed runs; the fastest counts.</param>
    /// <param name="warmupSeconds">How long to run the kernel before timing it (see the remarks).</param>
    public static ThroughputResult Measure(string name, SpanKernel kernel, int length = 1 << 20, int runs = 5, double warmupSeconds = 0.3)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var x = new float[length];
        for (var i = 0; i < length; i++)
        {
            x[i] = -5f + (10f * i / length);
        }
        var y = new float[length];
        var prefix = Math.Min(length, 4096);
        var warmup = Stopwatch.StartNew();
        var fastest = double.PositiveInfinity;
        var lastImprovement = 0.0;
        for (var calls = 0; ; calls++)
        {
            var start = Stopwatch.GetTimestamp();
            kernel(x.AsSpan(0, prefix), y.AsSpan(0, prefix));
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var now = warmup.Elapsed.TotalSeconds;
            if (seconds < 0.9 * fastest)
            {
                fastest = seconds;
                lastImprovement = now;
            }
            var settled = calls >= MinimumWarmupCalls && now >= warmupSeconds && now - lastImprovement >= warmupSeconds;
            if (settled || now >= MaximumWarmupSeconds)
            {
                break;
            }
        }
        // Short inputs are repeated within a run so that each run is long enough for the timer.
        var repeats = Math.Max(1, MinimumElementsPerRun / length);
        var best = double.PositiveInfinity;
        for (var r = 0; r < runs; r++)
        {
            var t = Stopwatch.GetTimestamp();
            for (var k = 0; k < repeats; k++)
            {
                kernel(x, y);
            }
            best = Math.Min(best, Stopwatch.GetElapsedTime(t).TotalSeconds / repeats);
        }
        best = Math.Max(best, 1e-12);
        return new ThroughputResult(name, length / best, best, length);
    }
}
