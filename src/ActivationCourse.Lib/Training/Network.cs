using System.Numerics.Tensors;
using ActivationCourse.Activations;
using ActivationCourse.Data;

namespace ActivationCourse.Training;

/// <summary>
/// A feed-forward network: a chain of <see cref="Layer"/>s whose last layer emits raw outputs, and a <see cref="Training.Loss"/>
/// that turns them into predictions (softmax cross-entropy by default: class logits; mean squared error for regression;
/// sigmoid binary cross-entropy for binary and multi-label outputs). Build one with <see cref="FromSpec"/> or from layers.
/// </summary>
/// <remarks>
/// Buffers for forward and backward passes are allocated once per batch size (<see cref="Prepare"/>), so a
/// training step allocates nothing. A network is not thread-safe: use one per thread.
/// </remarks>
public sealed class Network
{
    private readonly Layer[] _layers;
    private readonly Loss _loss;
    private float[][] _activations = [];
    private float[][] _gradients = [];
    private int _capacity;

    /// <summary>Chains <paramref name="layers"/>; each layer's input width must equal the previous output width.</summary>
    /// <param name="layers">The layers, input first; the last one outputs the logits (or the regression values).</param>
    /// <param name="loss">The output activation and loss; null means <see cref="Loss.SoftmaxCrossEntropy"/>.</param>
    /// <exception cref="ArgumentException">No layers, or widths that do not chain.</exception>
    public Network(IEnumerable<Layer> layers, Loss? loss = null)
    {
        _loss = loss ?? Loss.SoftmaxCrossEntropy;
        _layers = layers.ToArray();
        if (_layers.Length == 0)
        {
            throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        }

        for (int i = 1; i < _layers.Length; i++)
        {
            if (_layers[i].Inputs != _layers[i - 1].Outputs)
            {
                throw new ArgumentException($"Layer {i} ({_layers[i].Description}) takes {_layers[i].Inputs} inputs but layer {i - 1} ({_layers[i - 1].Description}) gives {_layers[i - 1].Outputs}.");
            }
        }

        Parameters = _layers.SelectMany(l => l.Parameters).ToArray();
    }

    /// <summary>The layers, input first.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>All learned parameters, layer by layer.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Input width.</summary>
    public int Inputs => _layers[0].Inputs;

    /// <summary>Width of the last layer's output: the number of classes for softmax, of targets otherwise.</summary>
    public int Classes => _layers[^1].Outputs;

    /// <summary>Width of the last layer's output (the same as <see cref="Classes"/>, named for regression).</summary>
    public int Outputs => _layers[^1].Outputs;

    /// <summary>The output activation and loss the network trains with.</summary>
    public Loss Loss => _loss;

    /// <summary>Total number of learned values.</summary>
    public long ParameterCount => Parameters.Sum(p => (long)p.Length);

    /// <summary>The spec this network was built from (null if built from layers).</summary>
    public MlpSpec? Spec { get; internal set; }

    /// <summary>Builds and initializes the multilayer perceptron described by <paramref name="spec"/>.</summary>
    /// <param name="spec">Sizes, activation and initialization.</param>
    /// <param name="seed">Seed of the initialization (same seed, same weights).</param>
    public static Network FromSpec(MlpSpec spec, int seed = 1) => MlpBuilder.Build(spec, seed);

    /// <summary>One line per layer with its parameter count.</summary>
    public string Summary() => string.Join(Environment.NewLine, _layers.Select(l => $"{l.Description}: {l.Parameters.Sum(p => p.Length)} parameters"));

    /// <summary>Allocates forward and backward buffers for batches of up to <paramref name="maxRows"/> rows.</summary>
    /// <param name="maxRows">Largest batch.</param>
    public void Prepare(int maxRows)
    {
        if (maxRows <= _capacity)
        {
            return;
        }

        _capacity = maxRows;
        _activations = new float[_layers.Length + 1][];
        _gradients = new float[_layers.Length + 1][];
        _activations[0] = new float[maxRows * Inputs];
        _gradients[0] = new float[maxRows * Inputs];
        for (int i = 0; i < _layers.Length; i++)
        {
            _layers[i].Prepare(maxRows);
            _activations[i + 1] = new float[maxRows * _layers[i].Outputs];
            _gradients[i + 1] = new float[maxRows * _layers[i].Outputs];
        }

    }

    /// <summary>
    /// The predictions, rows × <see cref="Outputs"/>: the loss's output activation applied to the last layer
    /// (softmax probabilities, sigmoid probabilities, or the regression values themselves).
    /// </summary>
    /// <param name="features">Rows of <see cref="Inputs"/> features.</param>
    public float[] PredictProbabilities(ReadOnlySpan<float> features)
    {
        int rows = RowsOf(features);
        var result = new float[rows * Outputs];
        ForEachBatch(features, rows, (start, count, logits) => _loss.Predict(logits, Outputs, result.AsSpan(start * Outputs, count * Outputs)));
        return result;
    }

    /// <summary>
    /// The output of layer <paramref name="layer"/> (evaluation mode) for every row: rows × that layer's width.
    /// Diagnostics read hidden layers with it (which units are on, which maxout piece wins).
    /// </summary>
    /// <param name="layer">Index in <see cref="Layers"/>.</param>
    /// <param name="features">Rows of <see cref="Inputs"/> features.</param>
    public float[] LayerOutputs(int layer, ReadOnlySpan<float> features)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layer, _layers.Length);
        int rows = RowsOf(features);
        int width = _layers[layer].Outputs;
        var result = new float[rows * width];
        ForEachBatch(features, rows, (start, count, _) => LayerOutput(layer, count).CopyTo(result.AsSpan(start * width, count * width)));
        return result;
    }

    /// <summary>The most probable class of each row (the largest output).</summary>
    /// <param name="features">Rows of <see cref="Inputs"/> features.</param>
    public int[] Predict(ReadOnlySpan<float> features)
    {
        int rows = RowsOf(features);
        var result = new int[rows];
        ForEachBatch(features, rows, (start, count, logits) =>
        {
            for (int r = 0; r < count; r++)
            {
                result[start + r] = TensorPrimitives.IndexOfMax(logits.Slice(r * Classes, Classes));
            }
        });
        return result;
    }

    /// <summary>Mean loss and accuracy on <paramref name="data"/> (evaluation mode); the accuracy is NaN for regression.</summary>
    /// <param name="data">Samples with labels, or with targets for <see cref="Loss.MeanSquaredError"/> and <see cref="Loss.SigmoidBinaryCrossEntropy"/>.</param>
    public Evaluation Evaluate(LabeledData data)
    {
        CheckData(data);
        double lossSum = 0;
        long correct = 0;
        int batch = Math.Max(_capacity, 256);
        Prepare(batch);
        for (int start = 0; start < data.Count; start += batch)
        {
            int count = Math.Min(batch, data.Count - start);
            Slice(data, start, count, out var labels, out var targets);
            var logits = ForwardBatch(data.Features.AsSpan(start * Inputs, count * Inputs), count, training: false);
            lossSum += _loss.LossAndGradient(logits, labels, targets, Outputs, _gradients[^1].AsSpan(0, count * Outputs)) * count;
            correct += _loss.CountCorrect(logits, labels, targets, Outputs);
        }

        long decisions = (long)data.Count * _loss.DecisionsPerRow(Outputs);
        return new Evaluation(data.Count == 0 ? double.NaN : lossSum / data.Count, decisions == 0 ? double.NaN : (double)correct / decisions, data.Count);
    }

    /// <summary>
    /// Forward and backward on one batch: fills every parameter's gradient and returns the mean loss and the
    /// number of correct predictions. Training mode (RReLU draws slopes).
    /// </summary>
    /// <param name="features">rows × <see cref="Inputs"/> features.</param>
    /// <param name="labels">rows labels.</param>
    public (double Loss, int Correct) ComputeGradients(ReadOnlySpan<float> features, ReadOnlySpan<int> labels)
        => ComputeGradients(features, labels, default, training: true);

    /// <summary>
    /// Forward and backward on one batch with real-valued targets (<see cref="Loss.MeanSquaredError"/>,
    /// <see cref="Loss.SigmoidBinaryCrossEntropy"/>): fills every parameter's gradient and returns the mean loss and the
    /// number of correct decisions (0 for regression). Training mode.
    /// </summary>
    /// <param name="features">rows × <see cref="Inputs"/> features.</param>
    /// <param name="targets">rows × <see cref="Outputs"/> targets.</param>
    public (double Loss, int Correct) ComputeGradients(ReadOnlySpan<float> features, ReadOnlySpan<float> targets)
        => ComputeGradients(features, default, targets, training: true);

    /// <summary>
    /// One training step: forward, backward and the optimizer's update. Plain SGD is fused into the backward pass
    /// (each layer updates its parameters as soon as their gradient is known; Dense weights then never store a gradient).
    /// </summary>
    /// <returns>The batch's mean loss (before the update) and correct predictions. A non-finite loss skips the update.</returns>
    internal (double Loss, int Correct) TrainStep(ReadOnlySpan<float> features, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, Optimizer optimizer)
    {
        if (optimizer.FusedSgdRate is not float rate)
        {
            var result = ComputeGradients(features, labels, targets, training: true);
            if (double.IsFinite(result.Loss))
            {
                optimizer.Step(Parameters);
            }

            return result;
        }

        var fused = ComputeGradients(features, labels, targets, training: true, fusedSgdRate: rate);
        optimizer.CountFusedStep();
        return fused;
    }

    /// <summary>One training step on a batch with class labels.</summary>
    internal (double Loss, int Correct) TrainStep(ReadOnlySpan<float> features, ReadOnlySpan<int> labels, Optimizer optimizer)
        => TrainStep(features, labels, default, optimizer);

    /// <summary>Forward and backward on a batch with class labels.</summary>
    internal (double Loss, int Correct) ComputeGradients(ReadOnlySpan<float> features, ReadOnlySpan<int> labels, bool training, float fusedSgdRate = 0)
        => ComputeGradients(features, labels, default, training, fusedSgdRate);

    /// <summary>Forward and backward on one batch, in training or evaluation mode, optionally fused with plain SGD.</summary>
    internal (double Loss, int Correct) ComputeGradients(ReadOnlySpan<float> features, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, bool training, float fusedSgdRate = 0)
    {
        int rows = _loss.UsesLabels ? labels.Length : targets.Length / Outputs;
        if (!_loss.UsesLabels && targets.Length != rows * Outputs)
        {
            throw new ArgumentException($"{targets.Length} targets are not whole rows of {Outputs}.", nameof(targets));
        }

        Prepare(rows);
        // Training reads the caller's batch in place; other passes keep a copy for LayerInput(0).
        var logits = ForwardBatch(features, rows, training, copyInput: !training);
        var top = _gradients[^1].AsSpan(0, rows * Outputs);
        double loss = _loss.LossAndGradient(logits, labels, targets, Outputs, top);
        int correct = _loss.CountCorrect(logits, labels, targets, Outputs);
        if (fusedSgdRate != 0 && !double.IsFinite(loss))
        {
            return (loss, correct); // diverged: leave the weights as they were
        }

        for (int i = _layers.Length - 1; i >= 0; i--)
        {
            var layer = _layers[i];
            if (fusedSgdRate != 0)
            {
                layer.BackwardWithSgd(
                    i == 0 ? features[..(rows * layer.Inputs)] : _activations[i].AsSpan(0, rows * layer.Inputs),
                    _activations[i + 1].AsSpan(0, rows * layer.Outputs),
                    _gradients[i + 1].AsSpan(0, rows * layer.Outputs),
                    _gradients[i].AsSpan(0, rows * layer.Inputs),
                    rows,
                    needInputGradient: i > 0,
                    fusedSgdRate);
                continue;
            }

            layer.Backward(
                i == 0 ? features[..(rows * layer.Inputs)] : _activations[i].AsSpan(0, rows * layer.Inputs),
                _activations[i + 1].AsSpan(0, rows * layer.Outputs),
                _gradients[i + 1].AsSpan(0, rows * layer.Outputs),
                _gradients[i].AsSpan(0, rows * layer.Inputs),
                rows,
                needInputGradient: i > 0);
        }

        return (loss, correct);
    }

    /// <summary>The output of layer <paramref name="layer"/> for the last batch (rows × its width).</summary>
    internal ReadOnlySpan<float> LayerOutput(int layer, int rows) => _activations[layer + 1].AsSpan(0, rows * _layers[layer].Outputs);

    /// <summary>dL/d(output of layer <paramref name="layer"/>) for the last batch.</summary>
    internal ReadOnlySpan<float> LayerOutputGradient(int layer, int rows) => _gradients[layer + 1].AsSpan(0, rows * _layers[layer].Outputs);

    /// <summary>The input of layer <paramref name="layer"/> for the last batch.</summary>
    internal ReadOnlySpan<float> LayerInput(int layer, int rows) => _activations[layer].AsSpan(0, rows * _layers[layer].Inputs);

    /// <summary>Runs the layers on one batch (rows ≤ capacity) and returns the logits.</summary>
    internal ReadOnlySpan<float> ForwardBatch(ReadOnlySpan<float> features, int rows, bool training, bool copyInput = true)
    {
        if (copyInput)
        {
            features[..(rows * Inputs)].CopyTo(_activations[0]);
        }

        for (int i = 0; i < _layers.Length; i++)
        {
            _layers[i].Forward(
                i == 0 ? features[..(rows * Inputs)] : _activations[i].AsSpan(0, rows * _layers[i].Inputs),
                _activations[i + 1].AsSpan(0, rows * _layers[i].Outputs),
                rows,
                training);
        }

        return _activations[^1].AsSpan(0, rows * Classes);
    }

    /// <summary>The labels or the targets of rows start..start + count of <paramref name="data"/>.</summary>
    internal static void Slice(LabeledData data, int start, int count, out ReadOnlySpan<int> labels, out ReadOnlySpan<float> targets)
    {
        labels = data.HasTargets ? default : data.Labels.AsSpan(start, count);
        targets = data.HasTargets ? data.Targets.AsSpan(start * data.TargetWidth, count * data.TargetWidth) : default;
    }

    /// <summary>Throws unless <paramref name="data"/> fits the network's input and its loss's kind of target.</summary>
    internal void CheckData(LabeledData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckWidth(data.Dimensions);
        if (_loss.UsesLabels == data.HasTargets)
        {
            throw new ArgumentException(_loss.UsesLabels
                ? $"The network's loss ({_loss.Name}) needs class labels; the data has real-valued targets."
                : $"The network's loss ({_loss.Name}) needs target rows; the data has class labels.");
        }

        if (data.HasTargets && data.TargetWidth != Outputs)
        {
            throw new ArgumentException($"The data has {data.TargetWidth} targets per row; the network outputs {Outputs}.");
        }
    }

    private delegate void BatchAction(int start, int count, ReadOnlySpan<float> logits);

    private void ForEachBatch(ReadOnlySpan<float> features, int rows, BatchAction action)
    {
        int batch = Math.Max(_capacity, 256);
        Prepare(batch);
        for (int start = 0; start < rows; start += batch)
        {
            int count = Math.Min(batch, rows - start);
            action(start, count, ForwardBatch(features.Slice(start * Inputs, count * Inputs), count, training: false));
        }
    }

    private int RowsOf(ReadOnlySpan<float> features)
    {
        if (features.Length % Inputs != 0)
        {
            throw new ArgumentException($"{features.Length} values are not whole rows of {Inputs} features.", nameof(features));
        }

        return features.Length / Inputs;
    }

    private void CheckWidth(int dimensions)
    {
        if (dimensions != Inputs)
        {
            throw new ArgumentException($"The data has {dimensions} features per row; the network takes {Inputs}.");
        }
    }
}

/// <summary>Loss and accuracy of a network on a data set.</summary>
/// <param name="Loss">Mean softmax cross-entropy.</param>
/// <param name="Accuracy">Share of rows whose most probable class is the label, in [0, 1].</param>
/// <param name="Count">Number of rows evaluated.</param>
public sealed record Evaluation(double Loss, double Accuracy, int Count);
