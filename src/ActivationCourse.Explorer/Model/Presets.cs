namespace ActivationCourse.Explorer.Model;

/// <summary>One experiment the lessons discuss, as a link fragment.</summary>
/// <param name="Name">What the menu shows.</param>
/// <param name="Fragment">The state it opens.</param>
public sealed record Preset(string Name, string Fragment);

/// <summary>The presets menu: the lessons' experiments, each a link (tests check each shows what its name says).</summary>
public static class Presets
{
    /// <summary>Lesson 02: the sigmoid's slope at k = 5 against the plain sigmoid.</summary>
    public const string SigmoidK5 = "view=function&f=generalized_logistic&steepness=5&x=0&span=5&cmp=sigmoid";

    /// <summary>Lesson 02: six sigmoid layers on the spiral, trained 1000 steps: the gradient vanishes.</summary>
    public const string DeepSigmoidSpiral = "view=network&data=spiral&noise=0&layers=sigmoid:8,sigmoid:8,sigmoid:8,sigmoid:8,sigmoid:8,sigmoid:8&lr=0.3&batch=16&seed=1&train=1000";

    /// <summary>Lesson 03: ReLU at learning rate 3 on XOR, 300 steps: units die.</summary>
    public const string ReluHighRate = "view=network&data=xor&noise=0.05&layers=relu:8,relu:8&lr=3&batch=16&seed=1&train=300";

    /// <summary>The spiral learned by a wider ReLU network.</summary>
    public const string ReluSpiral = "view=network&data=spiral&noise=0&layers=relu:16,relu:16,relu:16&lr=0.1&batch=16&seed=1&train=6000";

    /// <summary>Lesson 04: two maxout layers (two pieces per unit) on the circles.</summary>
    public const string Maxout = "view=network&data=circles&noise=0.05&layers=maxout:4,maxout:4&lr=0.1&batch=16&seed=1&train=500";

    /// <summary>Six SELU layers on the spiral: a deep stack that still trains.</summary>
    public const string SeluDeep = "view=network&data=spiral&noise=0&layers=selu:8,selu:8,selu:8,selu:8,selu:8,selu:8&lr=0.03&batch=16&seed=1&train=3000";

    /// <summary>The menu, in lesson order.</summary>
    public static IReadOnlyList<Preset> All { get; } =
    [
        new("Sigmoid at k = 5 (lesson 02)", SigmoidK5),
        new("Vanishing sigmoid stack (lesson 02)", DeepSigmoidSpiral),
        new("Dying ReLU at a high rate (lesson 03)", ReluHighRate),
        new("Spiral with a wider ReLU network", ReluSpiral),
        new("Maxout on the circles (lesson 04)", Maxout),
        new("SELU deep stack", SeluDeep),
    ];
}
