using ActivationCourse.Explorer.Model;

namespace ActivationCourse.Explorer.Tests;

/// <summary>The session trains through the library's <c>Trainer</c>, however the steps are split across frames.</summary>
public sealed class TrainingSessionTests
{
    private const string Xor = "view=network&data=xor&layers=tanh:8,relu:8&lr=0.1&batch=24&seed=2";

    [Fact]
    public void The_same_steps_in_any_chunks_give_the_same_curve_and_weights()
    {
        var once = new TrainingSession(ExplorerState.Parse(Xor));
        once.Advance(90);
        var chunked = new TrainingSession(ExplorerState.Parse(Xor));
        foreach (int chunk in new[] { 1, 7, 30, 2, 50 })
        {
            chunked.Advance(chunk);
        }

        Assert.Equal(90, chunked.Steps);
        Assert.Equal(once.LossSteps, chunked.LossSteps);
        Assert.Equal(once.TrainLoss, chunked.TrainLoss);
        Assert.Equal(once.Dense.SelectMany(d => d.Weights.Value.ToArray()), chunked.Dense.SelectMany(d => d.Weights.Value.ToArray()));
    }

    [Fact]
    public void A_huge_learning_rate_stops_training_and_says_so()
    {
        var session = new TrainingSession(ExplorerState.Parse("view=network&data=xor&layers=relu:16,relu:16&lr=100&batch=24&seed=2"));
        session.Step(3000);
        Assert.True(session.Diverged);
        Assert.True(session.Steps < 3000, $"steps {session.Steps}");
        int steps = session.Steps;
        session.Step(10);
        Assert.Equal(steps, session.Steps);
    }
}
