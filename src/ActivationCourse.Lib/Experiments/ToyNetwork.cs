using ActivationCourse.Activations;

namespace ActivationCourse.Experiments;

/// <summary>The output layer of a <see cref="ToyNetwork"/> and the loss that goes with it.</summary>
public enum OutputKind
{
    /// <summary>Identity output, mean squared error (PyTorch <c>MSELoss</c>: mean over samples and outputs). Regression.</summary>
    Linear,

    /// <summary>Sigmoid per output, binary cross-entropy computed from the logits (PyTorch <c>BCEWithLogitsLoss</c>). Binary and multi-label.</summary>
    Sigmoid,

    /// <summary>Softmax over the outputs, cross-entropy against one-hot targets (PyTorch <c>CrossEntropyLoss</c>). Multi-class.</summary>
    Softmax,
}

/// <summary>How a <see cref="ToyNetwork"/> draws its initial weights.</summary>
public enum WeightInit
{
    /// <summary>He (Kaiming) normal: w ~ N(0, 2/fan_in), biases 0. Made for rectifiers.</summary>
    He,

    /// <summary>PyTorch's <c>nn.Linear</c> default: weights and biases ~ U(−1/√fan_in, 1/√fan_in).</summary>
    PyTorchDefault,

    /// <summary>LeCun normal: w ~ N(0, 1/fan_in), biases 0. What SELU's self-normalization assumes.</summary>
    LeCun,
}

/// <summary>Settings of <see cref="ToyNetwork.Train"/>: plain mini-batch stochastic gradient descent.</summary>
/// <param name="LearningRate">Step size.</param>
/// <param name="Epochs">Passes over the data.</param>
/// <param name="BatchSize">Samples per step (the gradient is the batch mean).</param>
/// <param name="Seed">Seed of the shuffling generator.</param>
public sealed record ToyTrainingSettings(double LearningRate, int Epochs, int BatchSize = 32, int Seed = 0);

/// <summary>Diagnostics after one epoch (epoch 0 is the untrained network).</summary>
/// <param name="Epoch">0 before training, then 1, 2, ...</param>
/// <param name="Loss">Loss on the whole data set.</param>
/// <param name="Accuracy">Share of correct predictions (NaN for a linear output).</param>
/// <param name="DeadShare">Per hidden layer, the share of units whose derivative is zero on every sample (see <see cref="ToyNetwork.DeadShares"/>).</param>
/// <param name="InactiveShare">Per hidden layer, the share of rectifier units whose pre-activation is ≤ 0 on every sample
/// (see <see cref="ToyNetwork.InactiveShares"/>; NaN for other kinds).</param>
/// <param name="Slopes">Per hidden layer, the current negative slope (NaN for maxout).</param>
public sealed record ToyEpoch(int Epoch, double Loss, double Accuracy, double[] DeadShare, double[] InactiveShare, double[] Slopes);

/// <summary>What <see cref="ToyNetwork.Train"/> recorded.</summary>
/// <param name="Epochs">One entry per epoch, starting with epoch 0 (before training).</param>
/// <param name="Diverged">True when the loss became NaN or infinite; training stopped there.</param>
/// <param name="HiddenUnits">Hidden units per layer, to turn shares into counts.</param>
public sealed record ToyTrainingHistory(IReadOnlyList<ToyEpoch> Epochs, bool Diverged, int[] HiddenUnits)
{
    /// <summary>Epoch numbers, for the x axis of a chart.</summary>
    public double[] EpochNumbers => Epochs.Select(e => (double)e.Epoch).ToArray();

    /// <summary>Loss per epoch.</summary>
    public double[] Loss => Epochs.Select(e => e.Loss).ToArray();

    /// <summary>Accuracy per epoch.</summary>
    public double[] Accuracy => Epochs.Select(e => e.Accuracy).ToArray();

    /// <summary>Share of dead units over all hidden layers together, per epoch.</summary>
    public double[] DeadShare => Epochs.Select(e => Pooled(e.DeadShare)).ToArray();

    /// <summary>Share of never-positive rectifier units over all hidden layers together, per epoch.</summary>
    public double[] InactiveShare => Epochs.Select(e => Pooled(e.InactiveShare)).ToArray();

    private double Pooled(double[] perLayer) => perLayer.Select((s, l) => s * HiddenUnits[l]).Sum() / HiddenUnits.Sum();

    /// <summary>Negative slope of hidden layer <paramref name="layer"/> per epoch.</summary>
    /// <param name="layer">Hidden layer index.</param>
    public double[] Slope(int layer) => Epochs.Select(e => e.Slopes[layer]).ToArray();

    /// <summary>The last epoch's record.</summary>
    public ToyEpoch Final => Epochs[^1];
}

/// <summary>
/// A small multilayer perceptron in double precision for the lessons' toy experiments: a few hundred samples,
/// a few dozen units, rectifier (ReLU, Leaky ReLU, PReLU), maxout or any element-wise library activation in the hidden
/// layers, and a linear, sigmoid or
/// softmax output with its matching loss. It records what the lessons plot: dead units per layer and learned
/// PReLU slopes, epoch by epoch.
/// </summary>
/// <remarks>
/// <para>Written for clarity, one sample at a time; for MNIST-sized work use the Training engine.</para>
/// <para>All parameters live in one array (<see cref="Parameters"/>) so a gradient check can perturb them;
/// per layer: the weight matrix (rows × inputs, row-major), the biases, then the learned slope if any.
/// Maxout rows are grouped by unit: rows u·k … u·k + k − 1 are the pieces of unit u.</para>
/// <para>Derivative at a kink follows PyTorch: a rectifier at z = 0 uses the negative-side slope (ReLU′(0) = 0);
/// a maxout tie goes to the first maximal piece.</para>
/// </remarks>
public sealed class ToyNetwork
{
    private readonly Layer[] _layers;
    private readonly double[] _p;
    private readonly double[][] _z;
    private readonly double[][] _h;
    private readonly int[][] _winner;
    private readonly double[][] _dh;
    private readonly double[][] _dz;

    private sealed record Layer(int In, int Rows, int Units, int Pieces, HiddenUnitKind Kind, double FixedSlope, bool LearnSlope,
        int WeightOffset, int BiasOffset, int SlopeOffset, bool IsOutput, Activation? Function);

    /// <summary>Builds the network and draws its initial weights.</summary>
    /// <param name="inputSize">Features per sample.</param>
    /// <param name="hidden">Hidden layers, input side first (may be empty: a linear, logistic or softmax regression).</param>
    /// <param name="outputSize">Outputs (classes for softmax).</param>
    /// <param name="output">Output layer and loss.</param>
    /// <param name="seed">Seed of the initialization generator.</param>
    /// <param name="init">Initialization scheme.</param>
    public ToyNetwork(int inputSize, IReadOnlyList<HiddenLayerSpec> hidden, int outputSize, OutputKind output, int seed, WeightInit init = WeightInit.He)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputSize, 1);
        Hidden = hidden.ToArray();
        Output = output;
        InputSize = inputSize;
        OutputSize = outputSize;
        var layers = new List<Layer>();
        var offset = 0;
        var fanIn = inputSize;
        foreach (var s in Hidden)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(s.Width, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(s.Pieces, 1);
            if (s.Kind == HiddenUnitKind.Elementwise && s.Function is null)
            {
                throw new ArgumentException("An element-wise hidden layer needs its activation function.", nameof(hidden));
            }
            var rows = s.Rows;
            var learn = s.Kind == HiddenUnitKind.Rectifier && s.LearnSlope;
            layers.Add(new Layer(fanIn, rows, s.Width, s.Kind == HiddenUnitKind.Maxout ? s.Pieces : 1, s.Kind, s.NegativeSlope, learn,
                offset, offset + (rows * fanIn), learn ? offset + (rows * fanIn) + rows : -1, false, s.Function));
            offset += (rows * fanIn) + rows + (learn ? 1 : 0);
            fanIn = s.Width;
        }
        layers.Add(new Layer(fanIn, outputSize, outputSize, 1, HiddenUnitKind.Rectifier, 1, false, offset, offset + (outputSize * fanIn), -1, true, null));
        offset += (outputSize * fanIn) + outputSize;
        _layers = [.. layers];
        _p = new double[offset];
        _z = _layers.Select(l => new double[l.Rows]).ToArray();
        _h = _layers.Select(l => new double[l.Units]).ToArray();
        _winner = _layers.Select(l => new int[l.Units]).ToArray();
        _dh = _layers.Select(l => new double[l.Units]).ToArray();
        _dz = _layers.Select(l => new double[l.Rows]).ToArray();
        Initialize(seed, init);
    }

    /// <summary>The hidden layers, input side first.</summary>
    public IReadOnlyList<HiddenLayerSpec> Hidden { get; }

    /// <summary>The output layer and loss.</summary>
    public OutputKind Output { get; }

    /// <summary>Features per sample.</summary>
    public int InputSize { get; }

    /// <summary>Outputs per sample.</summary>
    public int OutputSize { get; }

    /// <summary>Number of trained parameters (weights, biases and learned slopes).</summary>
    public int ParameterCount => _p.Length;

    /// <summary>All parameters in one array (layout in the class remarks). Writable, for gradient checks.</summary>
    public double[] Parameters => _p;

    /// <summary>Current negative slope of each hidden layer (NaN for maxout layers).</summary>
    public double[] Slopes => _layers.Where(l => !l.IsOutput).Select(l =>
        l.Kind != HiddenUnitKind.Rectifier ? double.NaN : l.LearnSlope ? _p[l.SlopeOffset] : l.FixedSlope).ToArray();

    /// <summary>Weights of hidden layer <paramref name="layer"/>, row <paramref name="row"/> (a maxout piece or a unit), and its bias.</summary>
    /// <param name="layer">Hidden layer index (the output layer is <c>Hidden.Count</c>).</param>
    /// <param name="row">Row of the layer's weight matrix.</param>
    public (double[] Weights, double Bias) Row(int layer, int row)
    {
        var l = _layers[layer];
        return (_p.AsSpan(l.WeightOffset + (row * l.In), l.In).ToArray(), _p[l.BiasOffset + row]);
    }

    /// <summary>The network's prediction: the output after the sigmoid or softmax (the identity for a linear output).</summary>
    /// <param name="x">One input sample.</param>
    public double[] Predict(ReadOnlySpan<double> x)
    {
        Forward(x);
        var z = _z[^1];
        var p = new double[z.Length];
        OutputProbabilities(z, p);
        return p;
    }

    /// <summary>Pre-activations of hidden layer <paramref name="layer"/> for one input: one value per row (per maxout piece).</summary>
    /// <param name="layer">Hidden layer index.</param>
    /// <param name="x">One input sample.</param>
    public double[] PreActivations(int layer, ReadOnlySpan<double> x)
    {
        Forward(x);
        return (double[])_z[layer].Clone();
    }

    /// <summary>Outputs of hidden layer <paramref name="layer"/> for one input.</summary>
    /// <param name="layer">Hidden layer index.</param>
    /// <param name="x">One input sample.</param>
    public double[] HiddenOutputs(int layer, ReadOnlySpan<double> x)
    {
        Forward(x);
        return (double[])_h[layer].Clone();
    }

    /// <summary>Mean loss over the data set (see <see cref="OutputKind"/> for each loss).</summary>
    /// <param name="data">The data set.</param>
    public double Loss(ToyDataset data) => LossAndGradient(data, default);

    /// <summary>Share of samples classified correctly (NaN for a linear output). Sigmoid outputs count each output separately at 0.5.</summary>
    /// <param name="data">The data set.</param>
    public double Accuracy(ToyDataset data) => Evaluate(data).Accuracy;

    /// <summary>
    /// Mean loss over <paramref name="data"/> and, when <paramref name="gradient"/> is not empty, its gradient with respect to
    /// <see cref="Parameters"/> (overwritten), by backpropagation.
    /// </summary>
    /// <param name="data">The data set.</param>
    /// <param name="gradient">Destination of the gradient, <see cref="ParameterCount"/> long, or empty to skip it.</param>
    public double LossAndGradient(ToyDataset data, Span<double> gradient)
    {
        var indices = Enumerable.Range(0, data.Count).ToArray();
        return BatchLossAndGradient(data, indices, gradient);
    }

    /// <summary>
    /// Per hidden layer, the share of units that are dead on <paramref name="data"/>: the unit's derivative with respect to its
    /// own pre-activations is zero on every sample, so no gradient reaches its weights. For a ReLU unit that means z ≤ 0 on every
    /// sample; a rectifier with a nonzero slope or a maxout unit (the winning piece always passes the gradient) cannot be dead;
    /// an element-wise unit is dead when its activation's derivative is exactly zero on every sample.
    /// </summary>
    /// <param name="data">The data set.</param>
    public double[] DeadShares(ToyDataset data) => Evaluate(data).DeadShare;

    /// <summary>
    /// Per hidden layer, the share of rectifier units whose pre-activation is ≤ 0 on every sample of <paramref name="data"/>:
    /// stuck on the negative side. For ReLU these are exactly the dead units; a leaky unit there still passes a gradient
    /// (its slope) and can climb back. NaN for maxout and element-wise layers.
    /// </summary>
    /// <param name="data">The data set.</param>
    public double[] InactiveShares(ToyDataset data) => Evaluate(data).InactiveShare;

    /// <summary>
    /// Per hidden layer, the share of maxout pieces that win for no sample of <paramref name="data"/>: pieces that receive no
    /// gradient, leaving their unit with fewer effective pieces (the unit itself stays alive). NaN for other layer kinds.
    /// </summary>
    /// <param name="data">The data set.</param>
    public double[] IdlePieceShares(ToyDataset data)
    {
        var won = _layers.Where(l => !l.IsOutput).Select(l => new bool[l.Rows]).ToArray();
        for (var i = 0; i < data.Count; i++)
        {
            Forward(data.Input(i));
            for (var li = 0; li < won.Length; li++)
            {
                if (_layers[li].Kind == HiddenUnitKind.Maxout)
                {
                    foreach (var row in _winner[li])
                    {
                        won[li][row] = true;
                    }
                }
            }
        }
        return won.Select((w, li) => _layers[li].Kind == HiddenUnitKind.Maxout ? w.Count(x => !x) / (double)w.Length : double.NaN).ToArray();
    }

    /// <summary>Per hidden layer, the share of (sample, unit) pairs with a positive output: how many units are "on".</summary>
    /// <param name="data">The data set.</param>
    public double[] ActiveShares(ToyDataset data)
    {
        var active = new double[_layers.Length - 1];
        for (var i = 0; i < data.Count; i++)
        {
            Forward(data.Input(i));
            for (var li = 0; li < active.Length; li++)
            {
                active[li] += _h[li].Count(v => v > 0);
            }
        }
        return active.Select((a, li) => a / ((double)data.Count * _layers[li].Units)).ToArray();
    }

    /// <summary>Per hidden layer, the mean and standard deviation of the layer's outputs over all samples and units.</summary>
    /// <param name="data">The data set.</param>
    public (double Mean, double Std)[] OutputStatistics(ToyDataset data)
    {
        var hidden = _layers.Length - 1;
        var sum = new double[hidden];
        var sumSq = new double[hidden];
        for (var i = 0; i < data.Count; i++)
        {
            Forward(data.Input(i));
            for (var li = 0; li < hidden; li++)
            {
                foreach (var v in _h[li])
                {
                    sum[li] += v;
                    sumSq[li] += v * v;
                }
            }
        }
        return Enumerable.Range(0, hidden).Select(li =>
        {
            var n = (double)data.Count * _layers[li].Units;
            var mean = sum[li] / n;
            return (mean, Math.Sqrt(Math.Max(0, (sumSq[li] / n) - (mean * mean))));
        }).ToArray();
    }

    /// <summary>
    /// Per hidden layer, the mean over samples of ‖∂(sum of the outputs)/∂h‖, where h is the layer's output: the size of
    /// the gradient signal that backpropagation delivers to each layer when the output layer sends back ones. Hidden
    /// layers only, input side first; the output-side layers come last.
    /// </summary>
    /// <param name="data">The data set.</param>
    public double[] BackpropagatedNorms(ToyDataset data)
    {
        var hidden = _layers.Length - 1;
        var norms = new double[hidden];
        var scratch = new double[_p.Length];
        var ones = Enumerable.Repeat(1.0, OutputSize).ToArray();
        for (var i = 0; i < data.Count; i++)
        {
            Forward(data.Input(i));
            Backward(data.Input(i), ones, scratch);
            for (var li = 0; li < hidden; li++)
            {
                var s = 0.0;
                foreach (var v in _dh[li])
                {
                    s += v * v;
                }
                norms[li] += Math.Sqrt(s);
            }
        }
        return norms.Select(v => v / data.Count).ToArray();
    }

    /// <summary>Multiplies every weight matrix (not the biases or slopes) by <paramref name="factor"/>.</summary>
    /// <param name="factor">The scale, e.g. 0.8 or 1.2 times the initialization's.</param>
    public void ScaleWeights(double factor)
    {
        foreach (var l in _layers)
        {
            foreach (ref var w in _p.AsSpan(l.WeightOffset, l.Rows * l.In))
            {
                w *= factor;
            }
        }
    }

    /// <summary>
    /// Trains with mini-batch SGD, shuffling each epoch with a generator seeded from <paramref name="settings"/>, and records
    /// loss, accuracy, dead units and slopes before training and after every epoch. Stops early if the loss diverges.
    /// </summary>
    /// <param name="data">The training set.</param>
    /// <param name="settings">Learning rate, epochs, batch size, seed.</param>
    public ToyTrainingHistory Train(ToyDataset data, ToyTrainingSettings settings)
    {
        var rng = new Random(settings.Seed);
        var order = Enumerable.Range(0, data.Count).ToArray();
        var grad = new double[_p.Length];
        var epochs = new List<ToyEpoch> { Record(0, data) };
        var diverged = false;
        for (var e = 1; e <= settings.Epochs && !diverged; e++)
        {
            rng.Shuffle(order);
            for (var start = 0; start < order.Length; start += settings.BatchSize)
            {
                var batch = order.AsSpan(start, Math.Min(settings.BatchSize, order.Length - start));
                var loss = BatchLossAndGradient(data, batch, grad);
                if (!double.IsFinite(loss))
                {
                    diverged = true;
                    break;
                }
                for (var k = 0; k < _p.Length; k++)
                {
                    _p[k] -= settings.LearningRate * grad[k];
                }
            }
            var record = Record(e, data);
            diverged |= !double.IsFinite(record.Loss);
            epochs.Add(record);
        }
        return new ToyTrainingHistory(epochs, diverged, Hidden.Select(h => h.Width).ToArray());
    }

    private ToyEpoch Record(int epoch, ToyDataset data)
    {
        var e = Evaluate(data);
        return new(epoch, e.Loss, e.Accuracy, e.DeadShare, e.InactiveShare, Slopes);
    }

    /// <summary>One pass over the data: mean loss, accuracy, dead and never-positive shares per hidden layer.</summary>
    private (double Loss, double Accuracy, double[] DeadShare, double[] InactiveShare) Evaluate(ToyDataset data)
    {
        var hidden = _layers.Length - 1;
        var alive = new bool[hidden][];
        var positive = new bool[hidden][];
        for (var li = 0; li < hidden; li++)
        {
            alive[li] = new bool[_layers[li].Units];
            positive[li] = new bool[_layers[li].Units];
        }
        var perOutput = Output == OutputKind.Softmax ? 1.0 : 1.0 / OutputSize;
        var scratch = new double[OutputSize];
        var p = new double[OutputSize];
        double loss = 0, correct = 0, total = 0;
        for (var i = 0; i < data.Count; i++)
        {
            Forward(data.Input(i));
            var t = data.Target(i);
            loss += SampleLoss(_z[^1], t, scratch) * perOutput;
            OutputProbabilities(_z[^1], p);
            if (Output == OutputKind.Softmax)
            {
                correct += ArgMax(p) == ArgMax(t) ? 1 : 0;
                total++;
            }
            else
            {
                for (var j = 0; j < p.Length; j++)
                {
                    correct += (p[j] > 0.5) == (t[j] > 0.5) ? 1 : 0;
                    total++;
                }
            }
            for (var li = 0; li < hidden; li++)
            {
                var l = _layers[li];
                var slope = CurrentSlope(l);
                var z = _z[li];
                for (var u = 0; u < l.Units; u++)
                {
                    positive[li][u] |= z[u] > 0;
                    alive[li][u] |= l.Kind switch
                    {
                        HiddenUnitKind.Maxout => true,
                        HiddenUnitKind.Elementwise => l.Function!.Derivative(z[u]) != 0,
                        _ => slope != 0 || z[u] > 0,
                    };
                }
            }
        }
        double Share(bool[] flags) => flags.Count(f => !f) / (double)flags.Length;
        return (loss / data.Count,
            Output == OutputKind.Linear ? double.NaN : correct / total,
            alive.Select(Share).ToArray(),
            positive.Select((f, li) => _layers[li].Kind == HiddenUnitKind.Rectifier ? Share(f) : double.NaN).ToArray());
    }

    private double CurrentSlope(Layer l) => l.LearnSlope ? _p[l.SlopeOffset] : l.FixedSlope;

    private void Initialize(int seed, WeightInit init)
    {
        var rng = new Random(seed);
        foreach (var l in _layers)
        {
            var bound = 1 / Math.Sqrt(l.In);
            var std = Math.Sqrt((init == WeightInit.He ? 2.0 : 1.0) / l.In);
            var uniform = init == WeightInit.PyTorchDefault;
            for (var k = 0; k < l.Rows * l.In; k++)
            {
                _p[l.WeightOffset + k] = uniform ? bound * ((2 * rng.NextDouble()) - 1) : std * NormalSampler.Next(rng);
            }
            for (var r = 0; r < l.Rows; r++)
            {
                _p[l.BiasOffset + r] = uniform ? bound * ((2 * rng.NextDouble()) - 1) : 0;
            }
            if (l.LearnSlope)
            {
                _p[l.SlopeOffset] = l.FixedSlope;
            }
        }
    }

    private void Forward(ReadOnlySpan<double> x)
    {
        if (x.Length != InputSize)
        {
            throw new ArgumentException($"Input has {x.Length} values; the network expects {InputSize}.", nameof(x));
        }
        var input = x;
        for (var li = 0; li < _layers.Length; li++)
        {
            var l = _layers[li];
            var z = _z[li];
            for (var r = 0; r < l.Rows; r++)
            {
                var w = _p.AsSpan(l.WeightOffset + (r * l.In), l.In);
                var s = _p[l.BiasOffset + r];
                for (var j = 0; j < l.In; j++)
                {
                    s += w[j] * input[j];
                }
                z[r] = s;
            }
            var h = _h[li];
            if (l.IsOutput)
            {
                z.CopyTo(h, 0);
            }
            else if (l.Kind == HiddenUnitKind.Maxout)
            {
                for (var u = 0; u < l.Units; u++)
                {
                    var best = u * l.Pieces;
                    for (var j = best + 1; j < (u + 1) * l.Pieces; j++)
                    {
                        if (z[j] > z[best])
                        {
                            best = j;
                        }
                    }
                    _winner[li][u] = best;
                    h[u] = z[best];
                }
            }
            else if (l.Kind == HiddenUnitKind.Elementwise)
            {
                for (var u = 0; u < l.Units; u++)
                {
                    h[u] = l.Function!.Forward(z[u]);
                }
            }
            else
            {
                var a = CurrentSlope(l);
                for (var u = 0; u < l.Units; u++)
                {
                    h[u] = z[u] > 0 ? z[u] : a * z[u];
                }
            }
            input = h;
        }
    }

    private double BatchLossAndGradient(ToyDataset data, ReadOnlySpan<int> batch, Span<double> gradient)
    {
        var withGradient = !gradient.IsEmpty;
        if (withGradient)
        {
            if (gradient.Length != _p.Length)
            {
                throw new ArgumentException($"Gradient has {gradient.Length} values; the network has {_p.Length} parameters.", nameof(gradient));
            }
            gradient.Clear();
        }
        var n = batch.Length;
        var m = OutputSize;
        var perOutput = Output == OutputKind.Softmax ? 1.0 : 1.0 / m; // MSE and BCE average over outputs too
        var total = 0.0;
        var delta = new double[m];
        foreach (var i in batch)
        {
            Forward(data.Input(i));
            var z = _z[^1];
            var t = data.Target(i);
            total += SampleLoss(z, t, delta) * perOutput;
            if (withGradient)
            {
                for (var j = 0; j < m; j++)
                {
                    delta[j] *= perOutput / n;
                }
                Backward(data.Input(i), delta, gradient);
            }
        }
        return total / n;
    }

    /// <summary>Loss of one sample summed over outputs, and dLoss/dz (before averaging) in <paramref name="dz"/>.</summary>
    private double SampleLoss(double[] z, ReadOnlySpan<double> t, double[] dz)
    {
        switch (Output)
        {
            case OutputKind.Linear:
                {
                    var loss = 0.0;
                    for (var j = 0; j < z.Length; j++)
                    {
                        var d = z[j] - t[j];
                        loss += d * d;
                        dz[j] = 2 * d;
                    }
                    return loss;
                }
            case OutputKind.Sigmoid:
                {
                    var loss = 0.0;
                    for (var j = 0; j < z.Length; j++)
                    {
                        // −[t ln σ(z) + (1 − t) ln(1 − σ(z))] = softplus(z) − t·z, computed without overflow.
                        loss += Math.Max(z[j], 0) + Math.Log(1 + Math.Exp(-Math.Abs(z[j]))) - (t[j] * z[j]);
                        dz[j] = Sigmoid(z[j]) - t[j];
                    }
                    return loss;
                }
            default:
                {
                    var max = z.Max();
                    var sum = 0.0;
                    for (var j = 0; j < z.Length; j++)
                    {
                        sum += Math.Exp(z[j] - max);
                    }
                    var logSumExp = max + Math.Log(sum);
                    var loss = 0.0;
                    for (var j = 0; j < z.Length; j++)
                    {
                        loss -= t[j] * (z[j] - logSumExp);
                        dz[j] = Math.Exp(z[j] - logSumExp) - t[j];
                    }
                    return loss;
                }
        }
    }

    private void Backward(ReadOnlySpan<double> x, double[] delta, Span<double> g)
    {
        double[] upstream = delta; // dLoss/dz of the current layer, one value per row
        for (var li = _layers.Length - 1; li >= 0; li--)
        {
            var l = _layers[li];
            ReadOnlySpan<double> input = li == 0 ? x : _h[li - 1];
            for (var r = 0; r < l.Rows; r++)
            {
                var d = upstream[r];
                if (d == 0)
                {
                    continue;
                }
                var gw = g.Slice(l.WeightOffset + (r * l.In), l.In);
                for (var j = 0; j < l.In; j++)
                {
                    gw[j] += d * input[j];
                }
                g[l.BiasOffset + r] += d;
            }
            if (li == 0)
            {
                break;
            }
            // dLoss/dh of the layer below, then through its activation to dLoss/dz.
            var below = _layers[li - 1];
            var dh = _dh[li - 1];
            Array.Clear(dh);
            for (var r = 0; r < l.Rows; r++)
            {
                var d = upstream[r];
                if (d == 0)
                {
                    continue;
                }
                var w = _p.AsSpan(l.WeightOffset + (r * l.In), l.In);
                for (var j = 0; j < l.In; j++)
                {
                    dh[j] += d * w[j];
                }
            }
            var next = _dz[li - 1];
            Array.Clear(next);
            var zb = _z[li - 1];
            if (below.Kind == HiddenUnitKind.Maxout)
            {
                for (var u = 0; u < below.Units; u++)
                {
                    next[_winner[li - 1][u]] = dh[u];
                }
            }
            else if (below.Kind == HiddenUnitKind.Elementwise)
            {
                for (var u = 0; u < below.Units; u++)
                {
                    next[u] = dh[u] * below.Function!.Derivative(zb[u]);
                }
            }
            else
            {
                var a = CurrentSlope(below);
                for (var u = 0; u < below.Units; u++)
                {
                    next[u] = zb[u] > 0 ? dh[u] : a * dh[u];
                    if (below.LearnSlope && zb[u] <= 0)
                    {
                        g[below.SlopeOffset] += dh[u] * zb[u];
                    }
                }
            }
            upstream = next;
        }
    }

    private void OutputProbabilities(double[] z, double[] p)
    {
        switch (Output)
        {
            case OutputKind.Linear:
                z.CopyTo(p, 0);
                break;
            case OutputKind.Sigmoid:
                for (var j = 0; j < z.Length; j++)
                {
                    p[j] = Sigmoid(z[j]);
                }
                break;
            default:
                var max = z.Max();
                var sum = 0.0;
                for (var j = 0; j < z.Length; j++)
                {
                    p[j] = Math.Exp(z[j] - max);
                    sum += p[j];
                }
                for (var j = 0; j < z.Length; j++)
                {
                    p[j] /= sum;
                }
                break;
        }
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static int ArgMax(ReadOnlySpan<double> v)
    {
        var best = 0;
        for (var j = 1; j < v.Length; j++)
        {
            if (v[j] > v[best])
            {
                best = j;
            }
        }
        return best;
    }
}
