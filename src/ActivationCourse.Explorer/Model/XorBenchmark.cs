using System.Diagnostics;

namespace ActivationCourse.Explorer.Model;

/// <summary>
/// Training speed of the network view's default XOR network (2-8-8-2 tanh, batch 16), the same code in the browser
/// and in dotnet, so the two can be compared in one run.
/// </summary>
public static class XorBenchmark
{
    /// <summary>The state the benchmark trains.</summary>
    public const string Fragment = "view=network&data=xor&layers=tanh:8,tanh:8&lr=0.1&batch=16&seed=1";

    /// <summary>SGD steps per second over <paramref name="steps"/> steps (after 50 untimed warm-up steps).</summary>
    public static double StepsPerSecond(int steps)
    {
        var session = new TrainingSession(ExplorerState.Parse(Fragment));
        for (int i = 0; i < 50; i++)
        {
            session.StepOnce();
        }
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < steps; i++)
        {
            session.StepOnce();
        }
        return steps / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
