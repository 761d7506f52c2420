using ActivationCourse.Activations;
namespace ActivationCourse.Training;

/// <summary>
/// A double-precision copy of a <see cref="Network"/> that runs every layer's plain-loop reference math
/// (evaluation mode). It exists to be checked: <see cref="CheckGradients"/> compares its backpropagated gradients
/// with centered finite differences of its loss, and its gradients can be compared with the float engine's.
/// </summary>
public sealed class ReferenceNetwork
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
    /// Whole-network gradient check: the largest relative error |analytic − numeric| / max(|analytic| + |numeric|, floor)
    /// over every parameter value, the numeric gradient being (L(θ+h) − L(θ−h)) / 2h.
    /// </summary>
    /// <param name="features">rows × inputs values.</param>
    /// <param name="labels">One label per row.</param>
    /// <param name="step">h.</param>
    /// <param name="floor">Denominator floor so near-zero gradients do not blow up the ratio.</param>
    public NetworkGradientReport CheckGradients(double[] features, int[] labels, double step = 1e-6, double floor = 1e-8)
    {
        LossAndGradients(features, labels);
        var analytic = Gradients.Select(g => (double[])g.Clone()).ToArray();
        double worst = 0;
        string where = "";
        var names = _network.Parameters;
        for (int p = 0; p < Values.Count; p++)
        {
            var value = Values[p];
            for (int i = 0; i < value.Length; i++)
            {
                double saved = value[i];
                value[i] = saved + step;
                double plus = Loss(features, labels);
                value[i] = saved - step;
                double minus = Loss(features, labels);
                value[i] = saved;
                double numeric = (plus - minus) / (2 * step);
                double error = Math.Abs(analytic[p][i] - numeric) / Math.Max(Math.Abs(analytic[p][i]) + Math.Abs(numeric), floor);
                if (error > worst)
                {
                    worst = error;
                    where = $"{names[p].Name}[{i}] of parameter {p} (analytic {analytic[p][i]:G6}, numeric {numeric:G6})";
                }
            }
        }

        return new NetworkGradientReport(worst, where, Values.Sum(v => v.Length));
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

/// <summary>Result of <see cref="ReferenceNetwork.CheckGradients"/>.</summary>
/// <param name="MaxRelativeError">Largest relative error over all parameter values.</param>
/// <param name="Worst">Which value it was, with both gradients.</param>
/// <param name="Checked">Number of values checked.</param>
public sealed record NetworkGradientReport(double MaxRelativeError, string Worst, int Checked);
