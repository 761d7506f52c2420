using System.Diagnostics.CodeAnalysis;

namespace ActivationCourse.Activations;

/// <summary>
/// Every element-wise activation by name. <see cref="Get"/> returns a fresh default instance on each call
/// (PReLU carries a learnable slope, so instances are not shared).
/// </summary>
public static class ActivationRegistry
{
    private static readonly (string Name, Func<Activation> Create)[] Entries =
    [
        ("identity", () => new Identity()),
        ("binary_step", () => new BinaryStep()),
        ("sigmoid", () => new Sigmoid()),
        ("generalized_logistic", () => new GeneralizedLogistic()),
        ("tanh", () => new Tanh()),
        ("hard_sigmoid", () => new HardSigmoid()),
        ("hard_tanh", () => new HardTanh()),
        ("arctan", () => new Arctan()),
        ("softsign", () => new Softsign()),
        ("relu", () => new ReLU()),
        ("relu6", () => new ReLU6()),
        ("leaky_relu", () => new LeakyReLU()),
        ("prelu", () => new PReLU()),
        ("rrelu", () => new RReLU()),
        ("elu", () => new ELU()),
        ("selu", () => new SELU()),
        ("celu", () => new CELU()),
        ("softplus", () => new Softplus()),
        ("gelu", () => new GELU()),
        ("gelu_tanh", () => new GELUTanh()),
        ("silu", () => new SiLU()),
        ("mish", () => new Mish()),
        ("hard_swish", () => new HardSwish()),
        ("bent_identity", () => new BentIdentity()),
        ("sinusoid", () => new Sinusoid()),
        ("sinc", () => new Sinc()),
        ("gaussian", () => new Gaussian()),
        ("soft_exponential", () => new SoftExponential()),
        ("srelu", () => new SReLU()),
        ("apl", () => new APL()),
        ("soft_shrink", () => new SoftShrink()),
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["linear"] = "identity",
        ["step"] = "binary_step",
        ["heaviside"] = "binary_step",
        ["logistic"] = "sigmoid",
        ["hardsigmoid"] = "hard_sigmoid",
        ["hardtanh"] = "hard_tanh",
        ["atan"] = "arctan",
        ["leakyrelu"] = "leaky_relu",
        ["swish"] = "silu",
        ["hardswish"] = "hard_swish",
        ["hard_silu"] = "hard_swish",
        ["gelu_approximate"] = "gelu_tanh",
        ["sin"] = "sinusoid",
        ["bentidentity"] = "bent_identity",
    };

    /// <summary>The canonical names, in teaching order.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(Entries.Select(e => e.Name).ToArray());

    /// <summary>A fresh default instance of every element-wise activation, in teaching order.</summary>
    public static IReadOnlyList<Activation> All => Array.AsReadOnly(Entries.Select(e => e.Create()).ToArray());

    /// <summary>
    /// A new default instance by name or alias (case-insensitive; '-' and ' ' count as '_', e.g. "Leaky ReLU", "swish").
    /// </summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the valid names.</exception>
    public static Activation Get(string name)
    {
        if (TryGet(name, out Activation? activation))
        {
            return activation;
        }
        throw new ArgumentException(
            $"Unknown activation '{name}'. Valid names: {string.Join(", ", Names)} (aliases: {string.Join(", ", Aliases.Keys)}).",
            nameof(name));
    }

    /// <summary>
    /// A new instance by name or alias with the given parameter values, keyed by the names of its
    /// <see cref="Activation.Settings"/> (a list element as "slopes[0]"); parameters not given take their defaults.
    /// <c>ActivationRegistry.Create("hard_tanh", new Dictionary&lt;string, double&gt; { ["min"] = -2, ["max"] = 2 })</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown activation name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A value the constructor rejects, or a name that is not one of the activation's parameters, with the one message
    /// shape of every activation parameter ("<c>hard_tanh: max must be &gt; min (2), got -2.</c>").
    /// </exception>
    public static Activation Create(string name, IReadOnlyDictionary<string, double> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var template = Get(name);
        var arguments = new ActivationArguments(template.Name, template.Settings, parameters);
        var created = template.Create(arguments) ?? template;
        arguments.ThrowOnUnread();
        return created;
    }

    /// <summary>This instance's parameter values by name (empty for an activation without parameters): what <see cref="Create"/> takes back.</summary>
    public static IReadOnlyDictionary<string, double> ParametersOf(Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        return activation.Settings.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
    }

    /// <summary>Like <see cref="Get"/>, returning false for an unknown name.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out Activation? activation)
    {
        activation = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }
        string key = name.Trim().Replace('-', '_').Replace(' ', '_').ToLowerInvariant();
        if (Aliases.TryGetValue(key, out string? canonical))
        {
            key = canonical;
        }
        foreach (var (entryName, create) in Entries)
        {
            if (entryName == key)
            {
                activation = create();
                return true;
            }
        }
        return false;
    }
}
