namespace ActivationCourse.LinearAlgebra;

/// <summary>
/// A few long-lived threads that compute parts of one product at a time. The caller computes part 0 itself,
/// so a two-core split costs two event signals instead of a thread-pool round trip. If another product is
/// already using the workers, <see cref="TryRun"/> declines and the caller computes everything alone
/// (results are identical either way).
/// </summary>
internal static class GemmWorkers
{
    private static readonly object Gate = new();
    private static readonly ManualResetEventSlim[] Start;
    private static readonly CountdownEvent Done = new(1);
    private static GemmJob s_job;

    static GemmWorkers()
    {
        Capacity = Math.Max(1, Environment.ProcessorCount);
        Start = new ManualResetEventSlim[Capacity - 1];
        for (int w = 0; w < Start.Length; w++)
        {
            Start[w] = new ManualResetEventSlim(false, spinCount: 2000);
            int part = w + 1;
            var thread = new Thread(() => Loop(part)) { IsBackground = true, Name = $"GEMM worker {part}" };
            thread.Start();
        }
    }

    /// <summary>How many parts can run at once (the caller plus the workers).</summary>
    public static int Capacity { get; }

    /// <summary>Runs <paramref name="parts"/> parts of <paramref name="job"/>; false if the workers are busy.</summary>
    public static bool TryRun(ref GemmJob job, int parts)
    {
        if (!Monitor.TryEnter(Gate))
        {
            return false;
        }

        try
        {
            job.Parts = parts;
            s_job = job;
            Done.Reset(parts - 1);
            for (int w = 0; w < parts - 1; w++)
            {
                Start[w].Set();
            }

            Gemm.RunPart(ref job, 0);
            Done.Wait();
            return true;
        }
        finally
        {
            Monitor.Exit(Gate);
        }
    }

    private static void Loop(int part)
    {
        var start = Start[part - 1];
        while (true)
        {
            start.Wait();
            start.Reset();
            Gemm.RunPart(ref s_job, part);
            Done.Signal();
        }
    }
}
