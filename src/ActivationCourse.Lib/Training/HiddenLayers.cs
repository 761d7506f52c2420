using ActivationCourse.Activations;

namespace ActivationCourse.Training;

/// <summary>
/// The one factory for hidden activation layers, used by <see cref="MlpSpec"/> networks, <see cref="ModelFile"/> and the
/// explorer: a registry activation becomes an <see cref="ActivationLayer"/>, except the three with their own layer:
/// "prelu" (a learned slope, <see cref="PReLULayer"/>), "rrelu" (random slopes in training, <see cref="RReLULayer"/>)
/// and "maxout" (not element-wise, <see cref="MaxoutLayer"/>). Parameters are validated by
/// <see cref="ActivationRegistry.Create"/>, so every layer kind rejects a bad value with the same message.
/// </summary>
public static class HiddenLayers
{
    /// <summary>Every name <see cref="Create"/> accepts: the registry's activations, then "maxout".</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly([.. ActivationRegistry.Names, "maxout"]);

    /// <summary>The canonical name of <paramref name="name"/> (registry aliases resolved, or "maxout").</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the valid names.</exception>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.Equals(name.Trim(), "maxout", StringComparison.OrdinalIgnoreCase))
        {
            return "maxout";
        }

        return ActivationRegistry.TryGet(name, out var activation) ? activation.Name
            : throw new ArgumentException($"Unknown activation \"{name}\". Valid names: {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>Outputs of the Dense layer that feeds a hidden layer of <paramref name="units"/>: units·pieces for maxout, else units.</summary>
    public static int DenseOutputs(string activation, int units, int maxoutPieces = 2) =>
        Canonical(activation) == "maxout" ? units * maxoutPieces : units;

    /// <summary>
    /// The hidden layer of <paramref name="units"/> outputs for <paramref name="activation"/>, with its parameters
    /// (by the names of <see cref="Activation.Settings"/>; the defaults where not given).
    /// </summary>
    /// <param name="activation">Registry name or alias, or "maxout".</param>
    /// <param name="units">Output units.</param>
    /// <param name="parameters">Parameter values (PReLU's "slope" is the initial slope); null for the defaults.</param>
    /// <param name="maxoutPieces">Pieces per maxout unit.</param>
    /// <param name="seed">Seed of RReLU's slope draws.</param>
    /// <exception cref="ArgumentException">Unknown activation.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter the activation rejects or does not have.</exception>
    public static Layer Create(string activation, int units, IReadOnlyDictionary<string, double>? parameters = null, int maxoutPieces = 2, int seed = 1)
    {
        parameters ??= new Dictionary<string, double>();
        string name = Canonical(activation);
        if (name == "maxout")
        {
            if (parameters.Count > 0)
            {
                throw new ArgumentOutOfRangeException(nameof(parameters), $"maxout: {parameters.Keys.First()} must be a parameter of maxout (it has no parameters; its pieces are maxoutPieces).");
            }

            return new MaxoutLayer(units, maxoutPieces);
        }

        return ActivationRegistry.Create(name, parameters) switch
        {
            PReLU prelu => new PReLULayer(units, prelu.Slope),
            RReLU rrelu => new RReLULayer(units, rrelu.Lower, rrelu.Upper, seed),
            var elementwise => new ActivationLayer(elementwise, units),
        };
    }

    /// <summary>
    /// An <see cref="ActivationLayer"/> for any registry activation with its parameters (PReLU and RReLU too, as fixed
    /// element-wise functions): what a model file stores as an "activation" layer.
    /// </summary>
    public static ActivationLayer Elementwise(string activation, int units, IReadOnlyDictionary<string, double>? parameters = null) =>
        new(ActivationRegistry.Create(activation, parameters ?? new Dictionary<string, double>()), units);
}
