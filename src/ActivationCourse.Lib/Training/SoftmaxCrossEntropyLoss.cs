using System.Numerics.Tensors;
using ActivationCourse.Activations;

namespace ActivationCourse.Training;

/// <summary>
/// Softmax and cross-entropy against a class label: loss = mean over rows of −log softmax(z)[label], gradient
/// (p − onehot)/rows. The engine's default loss; the arithmetic is <see cref="Activations.SoftmaxCrossEntropy"/>'s.
/// </summary>
internal sealed class SoftmaxCrossEntropyLoss : Loss
{
    public override string Name => "softmax cross-entropy";

    public override bool UsesLabels => true;

    public override void Predict(ReadOnlySpan<float> outputs, int width, Span<float> predictions)
    {
        for (int r = 0; r < outputs.Length / width; r++)
        {
            TensorPrimitives.SoftMax(outputs.Slice(r * width, width), predictions.Slice(r * width, width));
        }
    }

    public override double LossAndGradient(ReadOnlySpan<double> outputs, ReadOnlySpan<double> targets, int width, Span<double> gradient)
        => Activations.SoftmaxCrossEntropy.LossAndGradient(outputs, targets, width, gradient);

    internal override double LossAndGradient(ReadOnlySpan<float> outputs, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, int width, Span<float> gradient)
        => Activations.SoftmaxCrossEntropy.LossAndGradient(outputs, labels, width, gradient);

    internal override int CountCorrect(ReadOnlySpan<float> outputs, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, int width)
    {
        int correct = 0;
        for (int r = 0; r < labels.Length; r++)
        {
            if (TensorPrimitives.IndexOfMax(outputs.Slice(r * width, width)) == labels[r])
            {
                correct++;
            }
        }

        return correct;
    }

    internal override int DecisionsPerRow(int width) => 1;
}
