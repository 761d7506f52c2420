using ActivationCourse.Activations;

namespace ActivationCourse.Training;

/// <summary>
/// PReLU with one learned slope shared by all units: y = x if x &gt; 0 else a·x. The slope is a 1×1
/// <see cref="Parameter"/> updated by the optimizer like any weight; its gradient comes from
/// <see cref="PReLU.SlopeGradient(ReadOnlySpan{float}, ReadOnlySpan{float})"/>.
/// </summary>
public sealed class PReLULayer : Layer
{
    private readonly PReLU _function;

    /// <summary>Creates the layer.</summary>
    /// <param name="width">Values per row.</param>
    /// <param name="slope">Initial slope (PyTorch's default 0.25).</param>
    public PReLULayer(int width, double slope = 0.25)
        : base(width, width)
    {
        _function = new PReLU(slope);
        Slope = new Parameter("a", 1, 1);
        Slope.Value[0] = (float)slope;
    }

    /// <summary>The learned slope a (1×1).</summary>
    public Parameter Slope { get; }

    /// <inheritdoc/>
    public override string Description => $"PReLU ({Inputs}, a = {Printing.Num.Show(Slope.Value[0])})";

    /// <inheritdoc/>
    public override IReadOnlyList<Parameter> Parameters => [Slope];

    /// <inheritdoc/>
    public override string? ActivationName => "prelu";

    internal override string Kind => "prelu";

    internal override void Forward(ReadOnlySpan<float> x, Span<float> y, int rows, bool training)
    {
        _function.Slope = Slope.Value[0];
        int n = rows * Inputs;
        _function.Forward(x[..n], y[..n]);
    }

    internal override void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rows, bool needInputGradient)
    {
        int n = rows * Inputs;
        _function.Slope = Slope.Value[0];
        Slope.Gradient[0] = (float)_function.SlopeGradient(x[..n], dy[..n]);
        if (needInputGradient)
        {
            _function.Backward(x[..n], dy[..n], dx[..n]);
        }
    }

    internal override bool Derivative(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> derivative)
    {
        _function.Slope = Slope.Value[0];
        _function.Derivative(x, derivative);
        return true;
    }

    internal override void ReferenceForward(double[] x, double[] y, int rows, double[][] parameters)
    {
        var f = new PReLU(parameters[0][0]);
        f.Forward(x.AsSpan(0, rows * Inputs), y.AsSpan(0, rows * Inputs));
    }

    internal override void ReferenceBackward(double[] x, double[] y, double[] dy, double[] dx, int rows, double[][] parameters, double[][] gradients)
    {
        int n = rows * Inputs;
        var f = new PReLU(parameters[0][0]);
        gradients[0][0] = f.SlopeGradient(x.AsSpan(0, n), dy.AsSpan(0, n));
        f.Backward(x.AsSpan(0, n), dy.AsSpan(0, n), dx.AsSpan(0, n));
    }

    internal override void WriteConfiguration(BinaryWriter writer) => writer.Write(Inputs);
}
