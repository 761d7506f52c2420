using System.Diagnostics;
using System.Numerics;
using System.Numerics.Tensors;
using ActivationCourse.Data;
using ActivationCourse.Training;

namespace ActivationCourse.Cli.Benchmarks;

/// <summary>
/// One SGD epoch of a ReLU MLP written plainly around OpenBLAS's <c>cblas_sgemm</c>: the native reference for
/// the engine's <c>mlp_epoch</c>.
/// </summary>
/// <remarks>
/// It does the work of <see cref="Trainer"/> with plain SGD, step for step: a seeded shuffle (not timed), the
/// gather of each batch's rows, dense layers with bias, ReLU, softmax cross-entropy's gradient, the weight,
/// bias and input gradients, and the update of every parameter; the last, partial batch is included. The
/// products and the update go to OpenBLAS; the element-wise parts use TensorPrimitives or a short vector loop, so
/// the comparison is about the BLAS. (The engine fuses the SGD step into the weight-gradient product; this
/// reference keeps the textbook order: gradient, then update.) It keeps its own copy of the weights and never touches the
/// network it was built from.
/// </remarks>
internal sealed class OpenBlasEpoch
{
    private readonly OpenBlas _blas;
    private readonly LabeledData _data;
    private readonly int _batch;
    private readonly float _learningRate;
    private readonly Random _shuffle;
    private readonly int[] _order;
    private readonly int[] _labels;

    // Layer l maps widths[l] inputs to widths[l + 1] outputs.
    private readonly int[] _widths;
    private readonly float[][] _weights;
    private readonly float[][] _biases;
    private readonly float[][] _weightGradients;
    private readonly float[][] _biasGradients;

    // _activations[0] is the gathered batch, _activations[l + 1] the output of layer l (after ReLU but for the last).
    private readonly float[][] _activations;

    // _outputGradients[l]: the loss gradient with respect to layer l's output before its ReLU.
    private readonly float[][] _outputGradients;

    /// <summary>Copies the dense layers' weights and biases and allocates the batch buffers.</summary>
    /// <param name="blas">The loaded library.</param>
    /// <param name="layers">The network's dense layers, input to output; ReLU follows every one but the last.</param>
    /// <param name="data">Training samples.</param>
    /// <param name="batch">Samples per step.</param>
    /// <param name="learningRate">SGD step size.</param>
    /// <param name="seed">Seed of the shuffling.</param>
    public OpenBlasEpoch(OpenBlas blas, IReadOnlyList<DenseLayer> layers, LabeledData data, int batch, float learningRate, int seed)
    {
        _blas = blas;
        _data = data;
        _batch = batch;
        _learningRate = learningRate;
        _shuffle = new Random(seed);
        _order = new int[data.Count];
        _labels = new int[batch];
        _widths = [layers[0].Inputs, .. layers.Select(layer => layer.Outputs)];
        _weights = [.. layers.Select(layer => (float[])layer.Weights.Value.Clone())];
        _biases = [.. layers.Select(layer => (float[])layer.Bias.Value.Clone())];
        _weightGradients = [.. layers.Select(layer => new float[layer.Weights.Length])];
        _biasGradients = [.. layers.Select(layer => new float[layer.Bias.Length])];
        _activations = [.. _widths.Select(width => new float[batch * width])];
        _outputGradients = [.. layers.Select(layer => new float[batch * layer.Outputs])];
    }

    /// <summary>The current weights, layer by layer (Inputs×Outputs, row-major, as in <see cref="DenseLayer"/>).</summary>
    public IReadOnlyList<float[]> Weights => _weights;

    /// <summary>The current biases, layer by layer.</summary>
    public IReadOnlyList<float[]> Biases => _biases;

    /// <summary>Shuffles, then trains one epoch; returns the wall time of the training steps in seconds.</summary>
    public double Run()
    {
        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        for (int i = _order.Length - 1; i > 0; i--)
        {
            int j = _shuffle.Next(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }

        long start = Stopwatch.GetTimestamp();
        for (int offset = 0; offset < _data.Count; offset += _batch)
        {
            Step(offset, Math.Min(_batch, _data.Count - offset));
        }

        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private void Step(int offset, int rows)
    {
        LoadBatch(offset, rows);
        Forward(rows);
        Backward(rows);
        Update();
    }

    // Copies the batch's samples (in the shuffled order) into the first activation buffer and their labels beside it.
    private void LoadBatch(int offset, int rows)
    {
        int dims = _data.Dimensions;
        for (int r = 0; r < rows; r++)
        {
            int sample = _order[offset + r];
            _data.Features.AsSpan(sample * dims, dims).CopyTo(_activations[0].AsSpan(r * dims, dims));
            _labels[r] = _data.Labels[sample];
        }
    }

    // Dense layers with ReLU between them; the last layer's output is the logits.
    private void Forward(int rows)
    {
        int layers = _weights.Length;
        for (int l = 0; l < layers; l++)
        {
            int inputs = _widths[l], outputs = _widths[l + 1];
            var y = _activations[l + 1].AsSpan(0, rows * outputs);
            // y = x·W + b: the bias is copied into every row first and the product added to it (β = 1).
            for (int r = 0; r < rows; r++)
            {
                _biases[l].CopyTo(y.Slice(r * outputs, outputs));
            }

            _blas.Sgemm(false, false, rows, outputs, inputs, 1f, _activations[l].AsSpan(0, rows * inputs), inputs, _weights[l], outputs, 1f, y, outputs);
            if (l < layers - 1)
            {
                Relu(y);
            }
        }
    }

    // Softmax cross-entropy gradient at the logits, then each layer's weight, bias and input gradients, last layer first.
    private void Backward(int rows)
    {
        int layers = _weights.Length;
        int classes = _widths[layers];
        SoftmaxCrossEntropyGradient(_activations[layers].AsSpan(0, rows * classes), _labels.AsSpan(0, rows), classes, _outputGradients[layers - 1]);

        for (int l = layers - 1; l >= 0; l--)
        {
            int inputs = _widths[l], outputs = _widths[l + 1];
            var x = _activations[l].AsSpan(0, rows * inputs);
            var dy = _outputGradients[l].AsSpan(0, rows * outputs);
            // dW = xᵀ·dy and db = the column sums of dy.
            _blas.Sgemm(true, false, inputs, outputs, rows, 1f, x, inputs, dy, outputs, 0f, _weightGradients[l], outputs);
            Span<float> db = _biasGradients[l];
            db.Clear();
            for (int r = 0; r < rows; r++)
            {
                TensorPrimitives.Add(db, dy.Slice(r * outputs, outputs), db);
            }

            // dx = dy·Wᵀ through the previous layer's ReLU; the first layer's input (the data) needs none.
            if (l > 0)
            {
                var dx = _outputGradients[l - 1].AsSpan(0, rows * inputs);
                _blas.Sgemm(false, true, rows, inputs, outputs, 1f, dy, outputs, _weights[l], outputs, 0f, dx, inputs);
                MaskByRelu(dx, x);
            }
        }
    }

    // Every gradient used the weights before the step, so the update comes last (w −= lr·g, with saxpy as
    // a BLAS user would write it).
    private void Update()
    {
        int layers = _weights.Length;
        for (int l = 0; l < layers; l++)
        {
            _blas.Saxpy(-_learningRate, _weightGradients[l], _weights[l]);
            _blas.Saxpy(-_learningRate, _biasGradients[l], _biases[l]);
        }
    }

    /// <summary>Gradient of the mean softmax cross-entropy over the rows: (softmax(z) − onehot(label)) / rows.</summary>
    private static void SoftmaxCrossEntropyGradient(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes, Span<float> gradient)
    {
        int rows = labels.Length;
        for (int r = 0; r < rows; r++)
        {
            var z = logits.Slice(r * classes, classes);
            var g = gradient.Slice(r * classes, classes);
            // Subtracting the row's maximum keeps exp from overflowing.
            TensorPrimitives.Subtract(z, TensorPrimitives.Max(z), g);
            TensorPrimitives.Exp(g, g);
            TensorPrimitives.Multiply(g, 1f / (TensorPrimitives.Sum(g) * rows), g);
            g[labels[r]] -= 1f / rows;
        }
    }

    /// <summary>y = max(y, 0) in place.</summary>
    private static void Relu(Span<float> y)
    {
        int i = 0;
        for (; i <= y.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            Vector.Max(new Vector<float>(y[i..]), Vector<float>.Zero).CopyTo(y[i..]);
        }

        for (; i < y.Length; i++)
        {
            y[i] = Math.Max(y[i], 0f);
        }
    }

    /// <summary>Zeroes the gradient wherever the ReLU output is not positive (ReLU′(0) = 0).</summary>
    private static void MaskByRelu(Span<float> gradient, ReadOnlySpan<float> reluOutput)
    {
        int i = 0;
        for (; i <= gradient.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var g = new Vector<float>(gradient[i..]);
            var positive = Vector.GreaterThan(new Vector<float>(reluOutput[i..]), Vector<float>.Zero);
            Vector.ConditionalSelect(positive, g, Vector<float>.Zero).CopyTo(gradient[i..]);
        }

        for (; i < gradient.Length; i++)
        {
            if (reluOutput[i] <= 0)
            {
                gradient[i] = 0;
            }
        }
    }
}
