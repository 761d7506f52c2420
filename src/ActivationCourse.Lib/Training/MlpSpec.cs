namespace ActivationCourse.Training;

/// <summary>
/// Describes a multilayer perceptron: inputs → hidden layers (Dense + activation each) → a Dense layer of
/// class logits. <c>new MlpSpec(inputs: 784, hidden: [256, 128], outputs: 10, activation: "relu")</c>.
/// </summary>
public sealed class MlpSpec
{
    /// <summary>Describes the network.</summary>
    /// <param name="inputs">Features per sample (784 for MNIST).</param>
    /// <param name="hidden">Units of each hidden layer, input side first (may be empty: softmax regression).</param>
    /// <param name="outputs">Classes (or outputs, for regression and sigmoid outputs).</param>
    /// <param name="activation">
    /// Registry name of the hidden activation ("relu", "tanh", ...), or "prelu", "rrelu" or "maxout", which get
    /// their own layers.
    /// </param>
    /// <exception cref="ArgumentException">A size is not positive, or the activation is unknown (the message lists the valid names).</exception>
    public MlpSpec(int inputs, IReadOnlyList<int> hidden, int outputs, string activation = "relu")
    {
        ArgumentNullException.ThrowIfNull(hidden);
        if (inputs <= 0 || outputs <= 0 || hidden.Any(h => h <= 0))
        {
            throw new ArgumentException($"Layer sizes must be positive (inputs {inputs}, hidden [{string.Join(", ", hidden)}], outputs {outputs}).");
        }

        Inputs = inputs;
        Hidden = hidden.ToArray();
        Outputs = outputs;
        ArgumentNullException.ThrowIfNull(activation);
        HiddenLayers.Canonical(activation);
        Activation = activation;
    }

    /// <summary>Every name <see cref="Activation"/> accepts: the registry's element-wise activations plus the layer-backed ones.</summary>
    public static IReadOnlyList<string> AvailableActivations => HiddenLayers.Names;

    /// <summary>Features per sample.</summary>
    public int Inputs { get; }

    /// <summary>Units per hidden layer.</summary>
    public IReadOnlyList<int> Hidden { get; }

    /// <summary>Classes.</summary>
    public int Outputs { get; }

    /// <summary>Hidden activation name.</summary>
    public string Activation { get; }

    /// <summary>Weight initialization of the hidden layers; <see cref="Initialization.Auto"/> picks by activation.
    /// The output layer always uses Xavier uniform (it feeds the softmax, not a rectifier).</summary>
    public Initialization Initialization { get; init; } = Initialization.Auto;

    /// <summary>The output activation and loss (default <see cref="Training.Loss.SoftmaxCrossEntropy"/>; <see cref="Training.Loss.MeanSquaredError"/>
    /// for regression, <see cref="Training.Loss.SigmoidBinaryCrossEntropy"/> for binary and multi-label outputs).</summary>
    public Loss Loss { get; init; } = Loss.SoftmaxCrossEntropy;

    /// <summary>Pieces per maxout unit (used when <see cref="Activation"/> is "maxout"; ≥ 1).</summary>
    public int MaxoutPieces
    {
        get => _maxoutPieces;
        init => _maxoutPieces = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxoutPieces), $"Maxout needs at least one piece (got {value}).");
    }

    private readonly int _maxoutPieces = 2;

    /// <summary>
    /// Parameters of the hidden activation by the names of its <see cref="Activations.Activation.Settings"/>
    /// (e.g. <c>["negativeSlope"] = 0.2</c> for "leaky_relu"); the defaults where not given. Checked when the network is built.
    /// </summary>
    public IReadOnlyDictionary<string, double> ActivationParameters { get; init; } = new Dictionary<string, double>();

    /// <summary>Initial PReLU slope (PyTorch's default 0.25); <see cref="ActivationParameters"/>' "slope" wins when given.</summary>
    public double PReLUSlope { get; init; } = 0.25;

    /// <summary>RReLU's lower slope bound (PyTorch's default 1/8); <see cref="ActivationParameters"/>' "lower" wins when given.</summary>
    public double RReLULower { get; init; } = 1.0 / 8;

    /// <summary>RReLU's upper slope bound (PyTorch's default 1/3); <see cref="ActivationParameters"/>' "upper" wins when given.</summary>
    public double RReLUUpper { get; init; } = 1.0 / 3;

    /// <summary>The scheme the hidden layers actually use.</summary>
    public Initialization HiddenInitialization => Initialization == Initialization.Auto ? Initializers.DefaultFor(Activation) : Initialization;

    /// <summary><see cref="ActivationParameters"/> with PReLU's and RReLU's own properties filled in.</summary>
    internal IReadOnlyDictionary<string, double> HiddenParameters()
    {
        var parameters = new Dictionary<string, double>(ActivationParameters, StringComparer.Ordinal);
        switch (HiddenLayers.Canonical(Activation))
        {
            case "prelu":
                parameters.TryAdd("slope", PReLUSlope);
                break;
            case "rrelu":
                parameters.TryAdd("lower", RReLULower);
                parameters.TryAdd("upper", RReLUUpper);
                break;
        }

        return parameters;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Inputs}-{string.Join("-", Hidden.Select(h => h.ToString(System.Globalization.CultureInfo.InvariantCulture)))}{(Hidden.Count > 0 ? "-" : "")}{Outputs} {Activation}";
}
