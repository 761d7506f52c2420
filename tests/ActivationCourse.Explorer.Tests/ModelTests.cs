using ActivationCourse.Activations;
using ActivationCourse.Experiments;
using ActivationCourse.Explorer.Model;

namespace ActivationCourse.Explorer.Tests;

/// <summary>The explorer's model classes (compiled here from the explorer's sources), without a browser.</summary>
public sealed class ModelTests
{
    [Fact]
    public void The_catalog_is_the_registry_with_a_formula_and_framework_note_for_each()
    {
        Assert.Equal(ActivationRegistry.Names, ActivationCatalog.All.Select(e => e.Name));
        Assert.True(ActivationNotes.Covers(ActivationRegistry.Names));
        Assert.All(ActivationRegistry.Names, n => Assert.NotEmpty(ActivationNotes.Tex(n)));
    }

    [Fact]
    public void Sliders_come_from_the_constructors_with_the_library_defaults()
    {
        var logistic = ActivationCatalog.Find("generalized_logistic")!;
        Assert.Equal(["maximum", "steepness", "midpoint"], logistic.Sliders.Select(s => s.Name));
        Assert.Equal(["L", "k", "x₀"], logistic.Sliders.Select(s => s.Symbol));
        Assert.Equal([1.0, 1.0, 0.0], logistic.Sliders.Select(s => s.Default));
        Assert.Equal(["lower", "upper"], ActivationCatalog.Find("rrelu")!.Sliders.Select(s => s.Name));
        Assert.Empty(ActivationCatalog.Find("relu")!.Sliders);
        Assert.All(ActivationCatalog.All.SelectMany(e => e.Sliders), s => Assert.InRange(s.Default, s.Min, s.Max));

        var k5 = ActivationCatalog.Create("generalized_logistic", new Dictionary<string, double> { ["steepness"] = 5 });
        Assert.Equal(new GeneralizedLogistic(1, 5, 0).Forward(0.3), k5.Forward(0.3));
        // Values a constructor rejects (a non-positive CELU alpha divides by zero): the defaults, not an exception.
        var celu = ActivationCatalog.Create("celu", new Dictionary<string, double> { ["alpha"] = 0 });
        Assert.Equal(new CELU().Forward(-1), celu.Forward(-1));
    }

    [Fact]
    public void The_state_round_trips_through_the_fragment_and_bad_values_are_skipped()
    {
        var state = ExplorerState.Parse("view=function&f=swish&beta=2.5&x=-0.75&span=3&cmp=elu,nonsense,gelu,tanh");
        Assert.Equal("silu", state.Function);
        Assert.Equal(2.5, state.Parameters["beta"]);
        Assert.Equal(-0.75, state.CursorX);
        Assert.Equal(["elu", "gelu"], state.Compare);
        Assert.Equal(state.ToFragment(), ExplorerState.Parse(state.ToFragment()).ToFragment());

        var network = ExplorerState.Parse("#view=network&data=spiral&noise=0.1&layers=sigmoid:8,maxout:4,bogus:3,relu:99&lr=0.03&batch=8&seed=4&train=300&play=1");
        Assert.Equal(PlaneDatasetKind.Spiral, network.Data);
        Assert.Equal([new HiddenLayer("sigmoid", 8), new HiddenLayer("maxout", 4), new HiddenLayer("relu", ExplorerState.MaxUnits)], network.Layers);
        Assert.Equal((0.03, 8, 4, 300, true), (network.LearningRate, network.BatchSize, network.Seed, network.TrainSteps, network.Play));
        Assert.Equal(network.ToFragment(), ExplorerState.Parse(network.ToFragment()).ToFragment());
        Assert.Contains("layers=sigmoid:8,maxout:4,relu:16", network.ToFragment(), StringComparison.Ordinal);

        var junk = ExplorerState.Parse("view=network&lr=-3&batch=abc&noise=NaN&layers=");
        Assert.Equal(new ExplorerState().LearningRate, junk.LearningRate);
        Assert.Equal(new ExplorerState().BatchSize, junk.BatchSize);
        Assert.Equal(2, junk.Layers.Count);
    }

    [Fact]
    public void Training_is_seeded_learns_xor_and_reports_dead_units_in_words()
    {
        var a = new TrainingSession(ExplorerState.Parse(XorBenchmark.Fragment));
        var b = new TrainingSession(ExplorerState.Parse(XorBenchmark.Fragment));
        a.Step(400);
        for (int i = 0; i < 40; i++)
        {
            b.Step(10);
        }
        Assert.Equal(a.TrainLoss[^1], b.TrainLoss[^1]);
        Assert.True(a.TrainLoss[^1] < 0.2 * a.TrainLoss[0], $"loss {a.TrainLoss[0]} → {a.TrainLoss[^1]}");
        Assert.All(a.Health, h => Assert.True(h.GradientNorm > 0));

        var dead = new TrainingSession(ExplorerState.Parse("view=network&data=xor&layers=relu:8&lr=10&batch=16&seed=1"));
        dead.Step(100);
        Assert.Contains(HealthWords.Describe(dead), l => l.Contains("dead", StringComparison.Ordinal) || l.Contains("died", StringComparison.Ordinal) || l.Contains("diverged", StringComparison.Ordinal));
    }
}
