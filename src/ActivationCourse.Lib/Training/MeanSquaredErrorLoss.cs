namespace ActivationCourse.Training;

/// <summary>
/// Mean squared error on an identity output: loss = mean over rows and outputs of (y − t)², gradient
/// 2(y − t)/(rows · width), as PyTorch's <c>MSELoss</c> with its default mean reduction.
/// </summary>
internal sealed class MeanSquaredErrorLoss : Loss
{
    public override string Name => "mean squared error";

    public override bool UsesLabels => false;

    public override void Predict(ReadOnlySpan<float> outputs, int width, Span<float> predictions) => outputs.CopyTo(predictions);

    public override double LossAndGradient(ReadOnlySpan<double> outputs, ReadOnlySpan<double> targets, int width, Span<double> gradient)
    {
        Rows(outputs.Length, targets.Length, gradient.Length, width);
        double sum = 0, scale = 2.0 / Math.Max(1, outputs.Length);
        for (int i = 0; i < outputs.Length; i++)
        {
            double error = outputs[i] - targets[i];
            sum += error * error;
            gradient[i] = scale * error;
        }

        return outputs.Length == 0 ? 0 : sum / outputs.Length;
    }

    internal override double LossAndGradient(ReadOnlySpan<float> outputs, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, int width, Span<float> gradient)
    {
        Rows(outputs.Length, targets.Length, gradient.Length, width);
        double sum = 0, scale = 2.0 / Math.Max(1, outputs.Length);
        for (int i = 0; i < outputs.Length; i++)
        {
            double error = outputs[i] - (double)targets[i];
            sum += error * error;
            gradient[i] = (float)(scale * error);
        }

        return outputs.Length == 0 ? 0 : sum / outputs.Length;
    }

    internal override int CountCorrect(ReadOnlySpan<float> outputs, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, int width) => 0;

    internal override int DecisionsPerRow(int width) => 0;
}
