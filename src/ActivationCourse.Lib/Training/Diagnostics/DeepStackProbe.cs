using ActivationCourse.Activations;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Training.Diagnostics;

/// <summary>
/// One forward and one backward pass through a deep, freshly initialized stack of equal-width dense layers with the same
/// activation after each, recording what every layer sees: the measuring instrument for vanishing gradients and
/// saturation. Nothing is trained.
/// </summary>
/// <remarks>
/// <para>Layer l computes z_l = h_(l−1)·W_l and h_l = f(z_l) for a batch of rows (biases are zero, as at the start
/// of training); W_l has entries drawn from N(0, s²) with s = the weight standard deviation, and the inputs h_0 from
/// N(0, 1).</para>
/// <para>The backward pass starts from a random linear read-out, L = Σ g·h_L with g drawn from N(0, 1), so that no
/// loss function favours any unit. Then dL/dh_L = g, δ_l = dL/dz_l = (dL/dh_l) ⊙ f′(z_l), dL/dh_(l−1) = δ_l·W_lᵀ and
/// dL/dW_l = h_(l−1)ᵀ·δ_l.</para>
/// <para>Every norm is the Frobenius norm over the whole batch. The step from δ_l to δ_(l−1) splits into a weight part
/// ‖δ_l·W_lᵀ‖ / ‖δ_l‖ and an activation part ‖δ_(l−1)‖ / ‖δ_l·W_lᵀ‖; the activation part never exceeds max |f′|
/// (1/4 for the sigmoid), the weight part can be anything.</para>
/// </remarks>
public sealed class DeepStackProbe
{
    private DeepStackProbe(Activation activation, double weightStd, Matrix<double> input, Matrix<double>[] weights,
        Matrix<double>[] preActivations, Matrix<double>[] outputs, Matrix<double>[] outputGradients, Matrix<double>[] deltas)
    {
        Activation = activation;
        WeightStd = weightStd;
        Input = input;
        Weights = weights;
        PreActivations = preActivations;
        Outputs = outputs;
        OutputGradients = outputGradients;
        Deltas = deltas;
        WeightGradientNorms = Enumerable.Range(0, Depth).Select(l => (LayerInput(l).Transpose() * deltas[l]).FrobeniusNorm()).ToArray();
        DeltaNorms = deltas.Select(d => d.FrobeniusNorm()).ToArray();
        OutputGradientNorms = outputGradients.Select(g => g.FrobeniusNorm()).ToArray();
    }

    /// <summary>The activation after every layer.</summary>
    public Activation Activation { get; }

    /// <summary>Standard deviation of the initial weights.</summary>
    public double WeightStd { get; }

    /// <summary>Number of layers.</summary>
    public int Depth => Weights.Count;

    /// <summary>Units per layer.</summary>
    public int Width => Input.ColumnCount;

    /// <summary>Rows in the batch.</summary>
    public int BatchSize => Input.RowCount;

    /// <summary>h_0, the batch of inputs (rows are samples).</summary>
    public Matrix<double> Input { get; }

    /// <summary>W_l for l = 1…L at index l − 1 (width × width).</summary>
    public IReadOnlyList<Matrix<double>> Weights { get; }

    /// <summary>z_l at index l − 1.</summary>
    public IReadOnlyList<Matrix<double>> PreActivations { get; }

    /// <summary>h_l = f(z_l) at index l − 1.</summary>
    public IReadOnlyList<Matrix<double>> Outputs { get; }

    /// <summary>dL/dh_l at index l − 1.</summary>
    public IReadOnlyList<Matrix<double>> OutputGradients { get; }

    /// <summary>δ_l = dL/dz_l at index l − 1.</summary>
    public IReadOnlyList<Matrix<double>> Deltas { get; }

    /// <summary>‖dL/dW_l‖ at index l − 1: the size of the gradient that would update layer l.</summary>
    public IReadOnlyList<double> WeightGradientNorms { get; }

    /// <summary>‖δ_l‖ at index l − 1.</summary>
    public IReadOnlyList<double> DeltaNorms { get; }

    /// <summary>‖dL/dh_l‖ at index l − 1.</summary>
    public IReadOnlyList<double> OutputGradientNorms { get; }

    /// <summary>
    /// Builds the stack (seeded), runs the batch forward and the random read-out's gradient backward.
    /// </summary>
    /// <param name="activation">The activation after every layer.</param>
    /// <param name="depth">Number of layers L.</param>
    /// <param name="width">Units per layer (also the input width).</param>
    /// <param name="weightStd">Standard deviation s of the weights, e.g. 1/√width for Glorot (Xavier) normal.</param>
    /// <param name="batchSize">Rows in the batch.</param>
    /// <param name="seed">Seed of the inputs, the weights and the read-out.</param>
    public static DeepStackProbe Run(Activation activation, int depth, int width, double weightStd, int batchSize, int seed)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (!(weightStd >= 0) || double.IsInfinity(weightStd))
        {
            throw new ArgumentOutOfRangeException(nameof(weightStd), weightStd, "The weight standard deviation must be finite and ≥ 0.");
        }

        var random = new Random(seed);
        var input = Matrix<double>.Build.Random(batchSize, width, new Normal(0, 1, random));
        var weights = new Matrix<double>[depth];
        var pre = new Matrix<double>[depth];
        var outputs = new Matrix<double>[depth];
        Matrix<double> h = input;
        for (int l = 0; l < depth; l++)
        {
            weights[l] = Matrix<double>.Build.Random(width, width, new Normal(0, weightStd, random));
            pre[l] = h * weights[l];
            outputs[l] = pre[l].Map(activation.Forward, Zeros.Include);
            h = outputs[l];
        }

        var outputGradients = new Matrix<double>[depth];
        var deltas = new Matrix<double>[depth];
        Matrix<double> g = Matrix<double>.Build.Random(batchSize, width, new Normal(0, 1, random));
        for (int l = depth - 1; l >= 0; l--)
        {
            outputGradients[l] = g;
            deltas[l] = g.PointwiseMultiply(pre[l].Map(activation.Derivative, Zeros.Include));
            g = deltas[l] * weights[l].Transpose();
        }

        return new DeepStackProbe(activation, weightStd, input, weights, pre, outputs, outputGradients, deltas);
    }

    /// <summary>h_(l−1), the input of the layer at index <paramref name="layer"/> (0-based).</summary>
    public Matrix<double> LayerInput(int layer) => layer == 0 ? Input : Outputs[layer - 1];

    /// <summary>
    /// Share of the outputs of the layer at index <paramref name="layer"/> (0-based) that lie outside [low, high]:
    /// for tanh, (−0.97, 0.97) counts |h| &gt; 0.97 as saturated; for the sigmoid, (0.03, 0.97).
    /// </summary>
    public double SaturatedShare(int layer, double low, double high) =>
        Outputs[layer].Enumerate().Count(v => v < low || v > high) / (double)(BatchSize * Width);

    /// <summary>Mean of f′(z) over the layer at index <paramref name="layer"/> (0-based).</summary>
    public double MeanDerivative(int layer) => PreActivations[layer].Enumerate().Average(Activation.Derivative);

    /// <summary>
    /// ‖δ_(l−1)‖ / ‖δ_l‖ for the layer at index <paramref name="layer"/> ≥ 1 (0-based): how much the backpropagated
    /// error shrinks (below 1) or grows (above 1) from this layer to the one below.
    /// </summary>
    public double StepFactor(int layer) => DeltaNorms[layer - 1] / DeltaNorms[layer];

    /// <summary>
    /// The weight part of <see cref="StepFactor"/>: ‖δ_l·W_lᵀ‖ / ‖δ_l‖ = ‖dL/dh_(l−1)‖ / ‖δ_l‖.
    /// </summary>
    public double WeightPart(int layer) => OutputGradientNorms[layer - 1] / DeltaNorms[layer];

    /// <summary>
    /// The activation part of <see cref="StepFactor"/>: ‖δ_(l−1)‖ / ‖dL/dh_(l−1)‖, at most max |f′|.
    /// </summary>
    public double ActivationPart(int layer) => DeltaNorms[layer - 1] / OutputGradientNorms[layer - 1];
}
