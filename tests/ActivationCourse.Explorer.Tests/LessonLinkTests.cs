using ActivationCourse.Explorer.Model;

namespace ActivationCourse.Explorer.Tests;

/// <summary>
/// The links the lessons use (fragments of explorer/index.html) show what the lessons say they show. Training is
/// seeded, so the browser shows exactly these networks.
/// </summary>
public sealed class LessonLinkTests
{
    private const string SigmoidK5 = Presets.SigmoidK5;
    private const string DeepSigmoidSpiral = Presets.DeepSigmoidSpiral;
    private const string ReluHighRate = Presets.ReluHighRate;
    private const string Maxout = Presets.Maxout;

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

    [Fact]
    public void A_wider_relu_network_learns_the_spiral()
    {
        var session = Trained(Presets.ReluSpiral);
        Assert.True(session.TestAccuracy >= 0.9, $"accuracy {session.TestAccuracy}");
    }

    [Fact]
    public void The_deep_selu_stack_trains_and_its_first_layer_still_gets_gradient()
    {
        var session = Trained(Presets.SeluDeep);
        Assert.True(session.CurrentTrainLoss < 0.5 * session.TrainLoss[0], $"loss {session.TrainLoss[0]} → {session.CurrentTrainLoss}");
        Assert.DoesNotContain(HealthWords.Describe(session), l => l.StartsWith("Gradients vanish", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_preset_opens_without_a_note()
    {
        Assert.All(Presets.All, p => Assert.Empty(ExplorerState.Parse(p.Fragment).Notes));
        Assert.Equal(Presets.All.Count, Presets.All.Select(p => p.Fragment).Distinct().Count());
    }

    private static TrainingSession Trained(string fragment)
    {
        var state = ExplorerState.Parse(fragment);
        var session = new TrainingSession(state);
        session.Step(state.TrainSteps);
        return session;
    }
}
