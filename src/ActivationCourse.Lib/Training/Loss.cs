using ActivationCourse.Data;

namespace ActivationCourse.Training;

/// <summary>
/// The output activation of a <see cref="Network"/> fused with the loss that goes with it. The network's last
/// layer emits raw outputs (logits for the classification losses); the loss turns them into predictions and
/// compares them with the targets. Fusing the two keeps the gradient at the logits simple ("prediction minus
/// target") and the loss finite, as PyTorch's <c>CrossEntropyLoss</c> and <c>BCEWithLogitsLoss</c> do.
/// </summary>
/// <remarks>
/// Every loss is the mean over the batch's rows; <see cref="MeanSquaredError"/> and
/// <see cref="SigmoidBinaryCrossEntropy"/> also average over a row's outputs (PyTorch's <c>reduction="mean"</c>).
/// </remarks>
public abstract class Loss
{
    /// <summary>Softmax over a row's outputs, cross-entropy against a class label (PyTorch <c>CrossEntropyLoss</c>). Multi-class.</summary>
    public static Loss SoftmaxCrossEntropy { get; } = new SoftmaxCrossEntropyLoss();

    /// <summary>Identity output, mean squared error (PyTorch <c>MSELoss</c>). Regression.</summary>
    public static Loss MeanSquaredError { get; } = new MeanSquaredErrorLoss();

    /// <summary>A sigmoid per output, binary cross-entropy against 0/1 targets (PyTorch <c>BCEWithLogitsLoss</c>). Binary and multi-label.</summary>
    public static Loss SigmoidBinaryCrossEntropy { get; } = new SigmoidBinaryCrossEntropyLoss();

    /// <summary>Short name, e.g. "softmax cross-entropy".</summary>
    public abstract string Name { get; }

    /// <summary>
    /// True when the targets are class labels (<see cref="LabeledData.Labels"/>); false when they are real-valued rows
    /// as wide as the network's output (<see cref="LabeledData.Targets"/>).
    /// </summary>
    public abstract bool UsesLabels { get; }

    /// <summary>The output activation: softmax, sigmoid or identity, row by row.</summary>
    /// <param name="outputs">rows × <paramref name="width"/> raw outputs.</param>
    /// <param name="width">Outputs per row.</param>
    /// <param name="predictions">Destination, same length.</param>
    public abstract void Predict(ReadOnlySpan<float> outputs, int width, Span<float> predictions);

    /// <summary>
    /// The loss in double precision against target rows (one-hot rows for <see cref="SoftmaxCrossEntropy"/>), and
    /// ∂loss/∂outputs in <paramref name="gradient"/>. Used by gradient checks and the lessons.
    /// </summary>
    /// <param name="outputs">rows × <paramref name="width"/> raw outputs.</param>
    /// <param name="targets">rows × <paramref name="width"/> targets.</param>
    /// <param name="width">Outputs per row.</param>
    /// <param name="gradient">Destination of ∂loss/∂outputs, same length as <paramref name="outputs"/>.</param>
    /// <returns>The mean loss.</returns>
    public abstract double LossAndGradient(ReadOnlySpan<double> outputs, ReadOnlySpan<double> targets, int width, Span<double> gradient);

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>
    /// The engine's float version: mean loss of a batch and ∂loss/∂outputs. <paramref name="labels"/> hold one class per
    /// row when <see cref="UsesLabels"/>, else <paramref name="targets"/> hold rows × <paramref name="width"/> values.
    /// </summary>
    internal abstract double LossAndGradient(ReadOnlySpan<float> outputs, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, int width, Span<float> gradient);

    /// <summary>Correct decisions in a batch (a row's argmax for softmax, each output's side of 0.5 for sigmoid; 0 for regression).</summary>
    internal abstract int CountCorrect(ReadOnlySpan<float> outputs, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, int width);

    /// <summary>Decisions per row that <see cref="CountCorrect"/> judges (0: no accuracy, as for regression).</summary>
    internal abstract int DecisionsPerRow(int width);

    /// <summary>Throws unless the spans hold whole rows of <paramref name="width"/>.</summary>
    private protected static int Rows(int outputs, int targets, int gradient, int width)
    {
        if (width <= 0 || outputs % width != 0 || targets != outputs || gradient != outputs)
        {
            throw new ArgumentException($"Outputs ({outputs}), targets ({targets}) and gradient ({gradient}) must be the same whole number of rows of {width}.");
        }

        return outputs / width;
    }
}
