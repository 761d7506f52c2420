namespace ActivationCourse.Training;

/// <summary>
/// A sigmoid per output and binary cross-entropy against 0/1 targets, computed from the logits z:
/// −[t·log σ(z) + (1 − t)·log(1 − σ(z))] = softplus(z) − t·z, averaged over rows and outputs; gradient
/// (σ(z) − t)/(rows · width). PyTorch's <c>BCEWithLogitsLoss</c>.
/// </summary>
internal sealed class SigmoidBinaryCrossEntropyLoss : Loss
{
    public override string Name => "sigmoid binary cross-entropy";

    public override bool UsesLabels => false;

    public override void Predict(ReadOnlySpan<float> outputs, int width, Span<float> predictions)
    {
        for (int i = 0; i < outputs.Length; i++)
        {
            predictions[i] = (float)Sigmoid(outputs[i]);
        }
    }

    public override double LossAndGradient(ReadOnlySpan<double> outputs, ReadOnlySpan<double> targets, int width, Span<double> gradient)
    {
        Rows(outputs.Length, targets.Length, gradient.Length, width);
        double sum = 0, scale = 1.0 / Math.Max(1, outputs.Length);
        for (int i = 0; i < outputs.Length; i++)
        {
            sum += Term(outputs[i], targets[i]);
            gradient[i] = scale * (Sigmoid(outputs[i]) - targets[i]);
        }

        return outputs.Length == 0 ? 0 : sum / outputs.Length;
    }

    internal override double LossAndGradient(ReadOnlySpan<float> outputs, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, int width, Span<float> gradient)
    {
        Rows(outputs.Length, targets.Length, gradient.Length, width);
        double sum = 0, scale = 1.0 / Math.Max(1, outputs.Length);
        for (int i = 0; i < outputs.Length; i++)
        {
            sum += Term(outputs[i], targets[i]);
            gradient[i] = (float)(scale * (Sigmoid(outputs[i]) - targets[i]));
        }

        return outputs.Length == 0 ? 0 : sum / outputs.Length;
    }

    internal override int CountCorrect(ReadOnlySpan<float> outputs, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, int width)
    {
        int correct = 0;
        for (int i = 0; i < outputs.Length; i++)
        {
            // σ(z) > 0.5 exactly when z > 0.
            correct += (outputs[i] > 0) == (targets[i] > 0.5f) ? 1 : 0;
        }

        return correct;
    }

    internal override int DecisionsPerRow(int width) => width;

    /// <summary>softplus(z) − t·z, written so that neither exponential can overflow.</summary>
    private static double Term(double z, double t) => Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - (t * z);

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
