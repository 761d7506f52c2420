using ActivationCourse.Explorer.Model;

namespace ActivationCourse.Explorer.Tests;

/// <summary>
/// The links the lessons use (fragments of explorer/index.html) show what the lessons say they show. Training is
/// seeded, so the browser shows exactly these networks.
/// </summary>
public sealed class LessonLinkTests
{
    /// <summary>Lesson 02: the sigmoid's slope at k = 5 against the plain sigmoid.</summary>
    public const string SigmoidK5 = "view=function&f=generalized_logistic&steepness=5&x=0&span=5&cmp=sigmoid";

    /// <summary>Lesson 02: six sigmoid layers on the spiral, trained 1000 steps.</summary>
    public const string DeepSigmoidSpiral = "view=network&data=spiral&noise=0&layers=sigmoid:8,sigmoid:8,sigmoid:8,sigmoid:8,sigmoid:8,sigmoid:8&lr=0.3&batch=16&seed=1&train=1000";

    /// <summary>Lesson 03: ReLU at learning rate 3 on XOR, 300 steps.</summary>
    public const string ReluHighRate = "view=network&data=xor&noise=0.05&layers=relu:8,relu:8&lr=3&batch=16&seed=1&train=300";

    /// <summary>Lesson 04: two maxout layers (two pieces per unit) on the circles.</summary>
    public const string Maxout = "view=network&data=circles&noise=0.05&layers=maxout:4,maxout:4&lr=0.1&batch=16&seed=1&train=500";

    [Fact]
    public void The_sigmoid_at_k_5_is_five_times_steeper_at_0()
    {
        var state = ExplorerState.Parse(SigmoidK5);
        var k5 = ActivationCatalog.Create(state.Function, state.Parameters);
        Assert.Equal(5 * 0.25, k5.Derivative(0), 12);
        Assert.Equal(["sigmoid"], state.Compare);
    }

    [Fact]
    public void The_deep_sigmoid_net_does_not_learn_the_spiral_and_its_gradients_vanish()
    {
        var session = Trained(DeepSigmoidSpiral);
        Assert.True(session.TrainLoss[^1] > 0.6, $"loss {session.TrainLoss[^1]}");
        Assert.Contains(HealthWords.Describe(session), l => l.StartsWith("Gradients vanish", StringComparison.Ordinal));
        Assert.True(session.Health[0].GradientNorm < session.Health[^1].GradientNorm / 100);
    }

    [Fact]
    public void Relu_at_a_high_learning_rate_dies_and_at_a_low_one_does_not()
    {
        var high = Trained(ReluHighRate);
        Assert.Contains(HealthWords.Describe(high), l => l.Contains("has died", StringComparison.Ordinal));
        var low = Trained(ReluHighRate.Replace("lr=3", "lr=0.3", StringComparison.Ordinal));
        Assert.DoesNotContain(HealthWords.Describe(low), l => l.Contains("has died", StringComparison.Ordinal));
        Assert.True(low.TestAccuracy > 0.9, $"accuracy {low.TestAccuracy}");
    }

    [Fact]
    public void Maxout_learns_the_circles()
    {
        var session = Trained(Maxout);
        Assert.True(session.TestAccuracy >= 0.95, $"accuracy {session.TestAccuracy}");
        Assert.All(session.Health, h => Assert.Equal("maxout", h.Activation));
    }

    private static TrainingSession Trained(string fragment)
    {
        var state = ExplorerState.Parse(fragment);
        var session = new TrainingSession(state);
        session.Step(state.TrainSteps);
        return session;
    }
}
