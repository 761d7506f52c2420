using System.Diagnostics;

namespace ActivationCourse.Benchmarking;

/// <summary>
/// The course's one way to time code: several contenders measured together, so that what a lesson reports is a ratio
/// from one run ("sigmoid costs 4.1× ReLU"), printed with the line that names the machine.
/// <code>
/// var t = Timing.Compare(("ReLU", () => relu.Forward(x, y)), ("sigmoid", () => sigmoid.Forward(x, y)));
/// Console.WriteLine(t);                       // each contender's cost relative to the first, and Machine.Line
/// double ratio = t.Ratio("sigmoid", "ReLU");  // how many times longer a sigmoid call takes than a ReLU call
/// </code>
/// </summary>
/// <remarks>
/// Four rules make the ratios honest. <b>Warm-up</b>: the first calls of a method pay for compiling it (and .NET may first
/// compile a quick, unoptimized version and swap in optimized code only after many calls) and for cold caches, so every
/// contender runs untimed, in rounds, until no round brings its fastest call down by more than 10% (at least
/// <see cref="MinimumWarmupRounds"/> rounds and <see cref="MinimumWarmupSeconds"/>, at most <c>maxWarmupSeconds</c> in all). <b>Long enough samples</b>: a call
/// shorter than <see cref="MinimumSampleSeconds"/> is repeated within one sample, so the clock's resolution does not
/// matter. <b>Interleaving</b>: the timed rounds alternate between the contenders, so a burst of other work on the machine
/// hits all of them alike. <b>Best of n</b>: interruptions only ever add time, so the fastest sample of each contender
/// is the one closest to its real cost.
/// </remarks>
public static class Timing
{
    /// <summary>The shortest timed sample; faster calls are repeated within a sample.</summary>
    public const double MinimumSampleSeconds = 2e-4;

    /// <summary>The fewest warm-up rounds, whatever the time limit.</summary>
    public const int MinimumWarmupRounds = 3;

    /// <summary>
    /// The shortest warm-up (unless the limit is smaller). Under tiered compilation, as in a notebook kernel, .NET swaps in
    /// optimized code only after a method has been called for a while with no new code being compiled; rounds that are
    /// merely steady before that would freeze the unoptimized speed.
    /// </summary>
    public const double MinimumWarmupSeconds = 0.5;

    /// <summary>Times the contenders with the defaults: 7 timed rounds, at most 1 s of warm-up.</summary>
    /// <param name="contenders">A name and the code to time, one call per timed call.</param>
    public static TimingComparison Compare(params (string Name, Action Run)[] contenders) => Compare(contenders, 7);

    /// <summary>
    /// Times the contenders together (see the class remarks) and returns each one's best time per call.
    /// </summary>
    /// <param name="contenders">A name and the code to time; names must differ.</param>
    /// <param name="runs">Timed rounds; each contender's fastest sample counts.</param>
    /// <param name="maxWarmupSeconds">The longest the warm-up may take in all.</param>
    public static TimingComparison Compare(IReadOnlyList<(string Name, Action Run)> contenders, int runs, double maxWarmupSeconds = 1.0)
    {
        ArgumentNullException.ThrowIfNull(contenders);
        ArgumentOutOfRangeException.ThrowIfLessThan(contenders.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxWarmupSeconds);
        if (contenders.Select(c => c.Name).Distinct().Count() != contenders.Count)
        {
            throw new ArgumentException("Every contender needs its own name.", nameof(contenders));
        }

        int count = contenders.Count;
        var first = new double[count];
        var repeats = new int[count];
        var best = Enumerable.Repeat(double.PositiveInfinity, count).ToArray();
        for (int i = 0; i < count; i++)
        {
            ArgumentNullException.ThrowIfNull(contenders[i].Run, nameof(contenders));
            first[i] = Seconds(contenders[i].Run, 1);
            best[i] = first[i];
        }

        var warmup = Stopwatch.StartNew();
        for (int round = 0; ; round++)
        {
            bool improved = false;
            for (int i = 0; i < count; i++)
            {
                repeats[i] = RepeatsFor(best[i]);
                double perCall = Seconds(contenders[i].Run, repeats[i]) / repeats[i];
                improved |= perCall < 0.9 * best[i];
                best[i] = Math.Min(best[i], perCall);
            }

            bool settled = round + 1 >= MinimumWarmupRounds && !improved
                && warmup.Elapsed.TotalSeconds >= Math.Min(MinimumWarmupSeconds, maxWarmupSeconds);
            if (settled || warmup.Elapsed.TotalSeconds >= maxWarmupSeconds && round + 1 >= MinimumWarmupRounds)
            {
                break;
            }

            Thread.Sleep(5); // room for a background compiler to swap in optimized code
        }

        var timed = Enumerable.Repeat(double.PositiveInfinity, count).ToArray();
        for (int r = 0; r < runs; r++)
        {
            for (int i = 0; i < count; i++)
            {
                repeats[i] = RepeatsFor(Math.Min(best[i], timed[i]));
                timed[i] = Math.Min(timed[i], Seconds(contenders[i].Run, repeats[i]) / repeats[i]);
            }
        }

        return new TimingComparison([.. contenders.Select(c => c.Name)], timed, first, runs);
    }

    private static int RepeatsFor(double secondsPerCall) =>
        secondsPerCall >= MinimumSampleSeconds ? 1 : (int)Math.Min(1_000_000, Math.Ceiling(MinimumSampleSeconds / Math.Max(secondsPerCall, 1e-9)));

    private static double Seconds(Action run, int repeats)
    {
        long start = Stopwatch.GetTimestamp();
        for (int k = 0; k < repeats; k++)
        {
            run();
        }

        return Math.Max(Stopwatch.GetElapsedTime(start).TotalSeconds, 1e-12);
    }
}
