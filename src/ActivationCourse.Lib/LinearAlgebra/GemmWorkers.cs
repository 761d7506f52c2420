using System.Diagnostics;

namespace ActivationCourse.LinearAlgebra;

/// <summary>
/// A few long-lived threads that compute parts of one product (or of another <see cref="IWorkerTask"/>) at a
/// time. The caller computes part 0 itself. If another caller is already using the workers, <c>TryRun</c>
/// declines and the caller computes everything alone (results are identical either way).
/// </summary>
/// <remarks>
/// A training step runs a parallel product every few tens of microseconds, with short single-threaded work
/// (bias, activation, loss, narrow products) in between. Waking a blocked thread costs about as much as that
/// work, so a worker spins on the job counter for a while after each part (<see cref="SpinTicks"/>) and only
/// then blocks on its event. The caller always sets the event too, so a worker that has just stopped spinning
/// still wakes up.
/// </remarks>
internal static class GemmWorkers
{
    /// <summary>How long a worker keeps polling for the next job before it blocks (about 0.2 ms).</summary>
    private static readonly long SpinTicks = Stopwatch.Frequency / 5000;

    private static readonly object Gate = new();
    private static readonly ManualResetEventSlim[] Start;
    private static GemmJob s_job;
    private static IWorkerTask? s_task;

    /// <summary>Job counter × 256 + the job's part count: one read tells a worker whether a new job needs it.</summary>
    private static long s_ticket;
    private static int s_pending;
    private static int s_polling;

    static GemmWorkers()
    {
        Capacity = Math.Clamp(Environment.ProcessorCount, 1, 255); // the part count fits the ticket's low byte
        Start = new ManualResetEventSlim[Capacity - 1];
        for (int w = 0; w < Start.Length; w++)
        {
            Start[w] = new ManualResetEventSlim(false);
            int part = w + 1;
            var thread = new Thread(() => Loop(part)) { IsBackground = true, Name = $"GEMM worker {part}" };
            thread.Start();
        }
    }

    /// <summary>How many parts can run at once (the caller plus the workers).</summary>
    public static int Capacity { get; }

    /// <summary>
    /// True while every worker is polling for a job, so handing it one costs well under a microsecond (no wake-up):
    /// then even small products are worth splitting. A hint only; it may change at any moment.
    /// </summary>
    public static bool Polling => Start.Length > 0 && Volatile.Read(ref s_polling) == Start.Length;

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
            s_task = null;
            Dispatch(parts);
            Gemm.RunPart(ref job, 0);
            WaitForWorkers();
            return true;
        }
        finally
        {
            Monitor.Exit(Gate);
        }
    }

    /// <summary>
    /// Runs <paramref name="parts"/> parts of other work (the trainer's batch gather, say) on the same threads;
    /// false if the workers are busy. <paramref name="task"/> must not throw.
    /// </summary>
    public static bool TryRun(IWorkerTask task, int parts)
    {
        if (!Monitor.TryEnter(Gate))
        {
            return false;
        }

        try
        {
            s_task = task;
            Dispatch(parts);
            task.RunPart(0, parts);
            WaitForWorkers();
            return true;
        }
        finally
        {
            Monitor.Exit(Gate);
        }
    }

    /// <summary>Publishes the job set in the statics to the workers (caller holds the gate).</summary>
    private static void Dispatch(int parts)
    {
        Volatile.Write(ref s_pending, parts - 1);
        Interlocked.Exchange(ref s_ticket, (((s_ticket >> 8) + 1) << 8) | (uint)parts);
        for (int w = 0; w < Start.Length; w++)
        {
            Start[w].Set();
        }
    }

    private static void WaitForWorkers()
    {
        var wait = default(SpinWait);
        while (Volatile.Read(ref s_pending) > 0)
        {
            wait.SpinOnce(sleep1Threshold: -1);
        }
    }

    private static void Loop(int part)
    {
        var start = Start[part - 1];
        long seen = 0;
        while (true)
        {
            Interlocked.Increment(ref s_polling);
            bool found = SpinForJob(ref seen);
            Interlocked.Decrement(ref s_polling);
            if (!found)
            {
                // Nothing came while spinning: block until the caller sets the event, then look again
                // (the event may also be left over from a job this worker already picked up by spinning).
                start.Wait();
                start.Reset();
                continue;
            }

            // Workers beyond the job's part count skip it without touching the job, which may already be replaced.
            int parts = (int)(seen & 0xFF);
            if (part < parts)
            {
                if (s_task is { } task)
                {
                    task.RunPart(part, parts);
                }
                else
                {
                    Gemm.RunPart(ref s_job, part);
                }

                Interlocked.Decrement(ref s_pending);
            }
        }
    }

    /// <summary>Polls the ticket for up to <see cref="SpinTicks"/>; true (and the new ticket) if a job came.</summary>
    private static bool SpinForJob(ref long seen)
    {
        long deadline = Stopwatch.GetTimestamp() + SpinTicks;
        var spinner = default(SpinWait);
        while (true)
        {
            long ticket = Volatile.Read(ref s_ticket);
            if (ticket != seen)
            {
                seen = ticket;
                return true;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            // After a few pauses this yields the core, so spinning costs little when other threads need it.
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
}

/// <summary>Work split into parts that <see cref="GemmWorkers"/> runs side by side, part 0 on the calling thread.</summary>
internal interface IWorkerTask
{
    /// <summary>Does share <paramref name="part"/> of <paramref name="parts"/>.</summary>
    void RunPart(int part, int parts);
}
