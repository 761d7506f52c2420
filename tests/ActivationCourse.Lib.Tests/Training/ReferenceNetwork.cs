using ActivationCourse.Activations;
using ActivationCourse.Gradients;
using ActivationCourse.Training;

namespace ActivationCourse.Lib.Tests.Training;

/// <summary>
/// The engine's test reference: a double-precision copy of a <see cref="Network"/> that runs every layer's
/// plain-loop reference math (evaluation mode). <see cref="CheckGradients"/> compares its backpropagated gradients
/// with centered finite differences of its loss, and the tests compare its gradients with the float engine's.
/// (The lessons check the learner's own network instead; this copy lives with the tests it serves.)
/// </summary>
internal sealed class ReferenceNetwork
{
    private readonly Network _network;
    private readonly double[][][] _values;
    private readonly double[][][] _gradients;

    /// <summary>Copies the network's current parameters to double.</summary>
    /// <param name="network">The network.</param>
    public ReferenceNetwork(Network network)
    {
        _network = network ?? throw new ArgumentNullException(nameof(network));
        _values = network.Layers.Select(l => l.Parameters.Select(p => Array.ConvertAll(p.Value, v => (double)v)).ToArray()).ToArray();
        _gradients = network.Layers.Select(l => l.Parameters.Select(p => new double[p.Length]).ToArray()).ToArray();
        Values = _values.SelectMany(v => v).ToArray();
        Gradients = _gradients.SelectMany(g => g).ToArray();
    }

    /// <summary>Parameter values, in the order of <see cref="Network.Parameters"/>. Change them to probe the loss.</summary>
    public IReadOnlyList<double[]> Values { get; }

    /// <summary>Gradients from the last <see cref="LossAndGradients"/>, same order.</summary>
    public IReadOnlyList<double[]> Gradients { get; }

    /// <summary>Mean softmax cross-entropy of the network on the rows.</summary>
    /// <param name="features">rows × inputs values.</param>
    /// <param name="labels">One label per row.</param>
    public double Loss(double[] features, int[] labels) => Run(features, labels, backward: false);

    /// <summary>The loss, and the gradient of every parameter in <see cref="Gradients"/>.</summary>
    /// <param name="features">rows × inputs values.</param>
    /// <param name="labels">One label per row.</param>
    public double LossAndGradients(double[] features, int[] labels) => Run(features, labels, backward: true);

    /// <summary>
    /// Whole-network gradient check with the course's <see cref="GradientCheck"/>: every parameter value of every layer
    /// is one coordinate of θ, and the backpropagated ∂L/∂θ is compared with the centered difference
    /// (L(θ + h·eᵢ) − L(θ − h·eᵢ)) / 2h of the mean softmax cross-entropy. <see cref="DescribeParameter"/> names an entry.
    /// </summary>
    /// <param name="features">rows × inputs values.</param>
    /// <param name="labels">One label per row.</param>
    /// <param name="step">h.</param>
    public GradientCheckReport CheckGradients(double[] features, int[] labels, double step = GradientCheck.DefaultStep)
    {
        LossAndGradients(features, labels);
        double[] analytic = Gradients.SelectMany(g => g).ToArray();
        double[] theta = Values.SelectMany(v => v).ToArray();
        double LossAt(double[] point)
        {
            int offset = 0;
            foreach (var value in Values)
            {
                point.AsSpan(offset, value.Length).CopyTo(value);
                offset += value.Length;
            }

            return Loss(features, labels);
        }

        try
        {
            return GradientCheck.Function(LossAt, theta, analytic, step, $"whole network {_network.Spec?.ToString() ?? _network.Summary()}");
        }
        finally
        {
            LossAt(theta); // the probes leave the last coordinate restored only in θ; copy θ back into the layers
        }
    }

    /// <summary>Which parameter value the flat index <paramref name="index"/> of <see cref="CheckGradients"/> is, e.g. "layer 3 (dense 4 → 3) W[12]".</summary>
    /// <param name="index">Index into the concatenation of <see cref="Values"/>.</param>
    public string DescribeParameter(int index)
    {
        int remaining = index;
        for (int l = 0; l < _network.Layers.Count; l++)
        {
            foreach (var parameter in _network.Layers[l].Parameters)
            {
                if (remaining < parameter.Length)
                {
                    return $"layer {l + 1} ({_network.Layers[l].Description}) {parameter.Name}[{remaining}]";
                }

                remaining -= parameter.Length;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(index), "Past the last parameter value.");
    }

    private double Run(double[] features, int[] labels, bool backward)
    {
        int rows = labels.Length;
        var layers = _network.Layers;
        var outputs = new double[layers.Count + 1][];
        outputs[0] = features;
        for (int i = 0; i < layers.Count; i++)
        {
            outputs[i + 1] = new double[rows * layers[i].Outputs];
            layers[i].ReferenceForward(outputs[i], outputs[i + 1], rows, _values[i]);
        }

        var upstream = new double[rows * _network.Classes];
        double loss = SoftmaxCrossEntropy.LossAndGradient(outputs[^1], labels, _network.Classes, upstream);
        if (backward)
        {
            for (int i = layers.Count - 1; i >= 0; i--)
            {
                var dx = new double[rows * layers[i].Inputs];
                layers[i].ReferenceBackward(outputs[i], outputs[i + 1], upstream, dx, rows, _values[i], _gradients[i]);
                upstream = dx;
            }
        }

        return loss;
    }
}
