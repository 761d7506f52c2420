using ActivationCourse.Activations;

namespace ActivationCourse.Training;

/// <summary>Turns an <see cref="MlpSpec"/> into initialized layers.</summary>
internal static class MlpBuilder
{
    /// <summary>TEMPORARY until ActivationRegistry lands on main: resolves activation names.</summary>
    internal static Func<string, Activation>? Resolver { get; set; }

    public static Activation ResolveActivation(string name)
        => Resolver?.Invoke(name) ?? throw new ArgumentException($"Unknown activation \"{name}\".");

    public static IReadOnlyList<string> AvailableActivations() => ["relu", "tanh", "sigmoid"];

    public static Network Build(MlpSpec spec, int seed)
    {
        var random = new Random(seed);
        var layers = new List<Layer>();
        int width = spec.Inputs;
        foreach (int units in spec.Hidden)
        {
            int pieces = spec.Activation == "maxout" ? spec.MaxoutPieces : 1;
            var dense = new DenseLayer(width, units * pieces);
            dense.Initialize(spec.HiddenInitialization, random);
            layers.Add(dense);
            layers.Add(CreateActivationLayer(spec, units, random.Next()));
            width = units;
        }

        var output = new DenseLayer(width, spec.Outputs);
        output.Initialize(Initialization.XavierUniform, random);
        layers.Add(output);
        return new Network(layers) { Spec = spec };
    }

    private static Layer CreateActivationLayer(MlpSpec spec, int units, int seed) => spec.Activation switch
    {
        _ => new ActivationLayer(ResolveActivation(spec.Activation), units),
    };
}
