using ActivationCourse.Activations;

namespace ActivationCourse.Training;

/// <summary>
/// Applies an element-wise <see cref="Activations.Activation"/> to every value; backward uses
/// <see cref="Activation.Backward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/> with the kept pre-activation.
/// </summary>
public sealed class ActivationLayer : Layer
{
    /// <summary>Wraps <paramref name="activation"/> for rows of <paramref name="width"/> values.</summary>
    /// <param name="activation">The function.</param>
    /// <param name="width">Values per row.</param>
    public ActivationLayer(Activation activation, int width)
        : base(width, width)
    {
        Activation = activation ?? throw new ArgumentNullException(nameof(activation));
    }

    /// <summary>The wrapped function.</summary>
    public Activation Activation { get; }

    /// <inheritdoc/>
    public override string Description => $"{Activation.DisplayName} ({Inputs})";

    /// <inheritdoc/>
    public override string? ActivationName => Activation.Name;

    internal override SaturationRule Saturation => Activation.Saturation;

    internal override void Forward(ReadOnlySpan<float> x, Span<float> y, int rows, bool training)
        => Activation.Forward(x[..(rows * Inputs)], y[..(rows * Inputs)]);

    internal override void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rows, bool needInputGradient)
    {
        if (needInputGradient)
        {
            int n = rows * Inputs;
            Activation.Backward(x[..n], dy[..n], dx[..n]);
        }
    }

    internal override bool Derivative(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> derivative)
    {
        Activation.Derivative(x, derivative);
        return true;
    }

    internal override void ReferenceForward(double[] x, double[] y, int rows, double[][] parameters)
        => Activation.Forward(x.AsSpan(0, rows * Inputs), y.AsSpan(0, rows * Inputs));

    internal override void ReferenceBackward(double[] x, double[] y, double[] dy, double[] dx, int rows, double[][] parameters, double[][] gradients)
    {
        int n = rows * Inputs;
        Activation.Backward(x.AsSpan(0, n), dy.AsSpan(0, n), dx.AsSpan(0, n));
    }

    internal override string Kind => "activation";

    internal override void WriteConfiguration(BinaryWriter writer)
    {
        writer.Write(Inputs);
        writer.Write(Activation.Name);
    }
}
