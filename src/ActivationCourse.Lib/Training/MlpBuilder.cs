using ActivationCourse.Activations;

namespace ActivationCourse.Training;

/// <summary>Turns an <see cref="MlpSpec"/> into initialized layers.</summary>
internal static class MlpBuilder
{
    /// <summary>Activations that get their own layer type instead of <see cref="ActivationLayer"/>.</summary>
    private static readonly string[] LayerBacked = ["prelu", "rrelu", "maxout"];

    public static IReadOnlyList<string> AvailableActivations() => ActivationRegistry.Names.Concat(LayerBacked).Distinct().ToArray();

    /// <summary>The canonical name of <paramref name="name"/> (registry aliases resolved), or an error listing the valid names.</summary>
    public static string Canonical(string name)
    {
        if (string.Equals(name, "maxout", StringComparison.OrdinalIgnoreCase))
        {
            return "maxout";
        }

        if (ActivationRegistry.TryGet(name, out var activation))
        {
            return activation.Name;
        }

        throw new ArgumentException($"Unknown activation \"{name}\". Valid names: {string.Join(", ", AvailableActivations())}.");
    }

    public static Network Build(MlpSpec spec, int seed)
    {
        var random = new Random(seed);
        string activation = Canonical(spec.Activation);
        var scheme = spec.Initialization == Initialization.Auto ? Initializers.DefaultFor(activation) : spec.Initialization;
        var layers = new List<Layer>();
        int width = spec.Inputs;
        foreach (int units in spec.Hidden)
        {
            int pieces = activation == "maxout" ? spec.MaxoutPieces : 1;
            var dense = new DenseLayer(width, units * pieces);
            dense.Initialize(scheme, random);
            layers.Add(dense);
            layers.Add(activation switch
            {
                "prelu" => new PReLULayer(units, spec.PReLUSlope),
                "rrelu" => new RReLULayer(units, spec.RReLULower, spec.RReLUUpper, random.Next()),
                "maxout" => new MaxoutLayer(units, pieces),
                _ => new ActivationLayer(ActivationRegistry.Get(activation), units),
            });
            width = units;
        }

        var output = new DenseLayer(width, spec.Outputs);
        output.Initialize(Initialization.XavierUniform, random);
        layers.Add(output);
        return new Network(layers, spec.Loss) { Spec = spec };
    }
}
