using System.Diagnostics;
using ActivationCourse.Activations;

namespace ActivationCourse.Experiments;

/// <summary>One throughput measurement: how many elements per second a kernel processed.</summary>
/// <param name="Name">What was measured.</param>
/// <param name="ElementsPerSecond">Best (fastest) run over the repeats.</param>
/// <param name="BestSeconds">Time of the best run.</param>
/// <param name="Length">Elements per run.</param>
public sealed record ThroughputResult(string Name, double ElementsPerSecond, double BestSeconds, int Length);

/// <summary>
/// Measures how fast an activation's vectorized float32 forward (or derivative) pass runs: elements per second, best of
/// several timed runs after a warm-up, on inputs spread over [−5, 5]. A rough lesson measurement, not a benchmark:
/// the best run filters out interruptions by other processes, but the machine's load still shows.
/// </summary>
/// <remarks>
/// The warm-up matters. .NET first compiles a method quickly and without optimization (tier 0) and recompiles it optimized
/// only after it has been called often enough; a kernel timed on its first few calls can look a hundred times slower than it
/// is. So the kernel first runs on a short prefix of the input, over and over, for <c>warmupSeconds</c> (and at least
/// <see cref="MinimumWarmupCalls"/> times), before the timed runs.
/// </remarks>
public static class ActivationThroughput
{
    /// <summary>The least number of warm-up calls, whatever the warm-up time.</summary>
    public const int MinimumWarmupCalls = 50;

    /// <summary>Times <see cref="Activation.Forward(ReadOnlySpan{float}, Span{float})"/> (or the derivative).</summary>
    /// <param name="activation">The activation to time.</param>
    /// <param name="length">Elements per run.</param>
    /// <param name="runs">Timed runs; the fastest counts.</param>
    /// <param name="derivative">Time the derivative instead of the forward pass.</param>
    /// <param name="warmupSeconds">How long to run the kernel before timing it (see the remarks).</param>
    public static ThroughputResult Measure(Activation activation, int length = 1 << 20, int runs = 5, bool derivative = false, double warmupSeconds = 0.5)
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
    public static ThroughputResult Measure(string name, SpanKernel kernel, int length = 1 << 20, int runs = 5, double warmupSeconds = 0.5)
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
        for (var calls = 0; calls < MinimumWarmupCalls || warmup.Elapsed.TotalSeconds < warmupSeconds; calls++)
        {
            kernel(x.AsSpan(0, prefix), y.AsSpan(0, prefix));
        }
        var best = double.PositiveInfinity;
        for (var r = 0; r < runs; r++)
        {
            var t = Stopwatch.GetTimestamp();
            kernel(x, y);
            best = Math.Min(best, Stopwatch.GetElapsedTime(t).TotalSeconds);
        }
        best = Math.Max(best, 1e-9);
        return new ThroughputResult(name, length / best, best, length);
    }
}

/// <summary>A kernel that reads <paramref name="x"/> and writes <paramref name="y"/> (same length).</summary>
/// <param name="x">Input.</param>
/// <param name="y">Output.</param>
public delegate void SpanKernel(ReadOnlySpan<float> x, Span<float> y);
