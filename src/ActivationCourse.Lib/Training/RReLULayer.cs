using ActivationCourse.Activations;

namespace ActivationCourse.Training;

/// <summary>
/// Randomized leaky ReLU: in training each negative input gets its own slope drawn from U(lower, upper) with a
/// seeded <see cref="Random"/> (<see cref="RReLU.ForwardTraining"/>); in evaluation the mean slope is used.
/// </summary>
public sealed class RReLULayer : Layer
{
    private readonly RReLU _function;
    private readonly Random _random;
    private float[] _slopes = [];
    private bool _lastWasTraining;

    /// <summary>Creates the layer.</summary>
    /// <param name="width">Values per row.</param>
    /// <param name="lower">Lower slope bound (PyTorch's default 1/8).</param>
    /// <param name="upper">Upper slope bound (PyTorch's default 1/3).</param>
    /// <param name="seed">Seed of the slope draws.</param>
    public RReLULayer(int width, double lower = 1.0 / 8, double upper = 1.0 / 3, int seed = 1)
        : base(width, width)
    {
        _function = new RReLU(lower, upper);
        _random = new Random(seed);
        Seed = seed;
    }

    /// <summary>The wrapped function (its <see cref="RReLU.Lower"/> and <see cref="RReLU.Upper"/>).</summary>
    public RReLU Function => _function;

    /// <summary>Seed of the slope draws.</summary>
    public int Seed { get; }

    /// <inheritdoc/>
    public override string Description => $"RReLU ({Inputs}, a ~ U({Printing.Num.Show(_function.Lower, 3)}, {Printing.Num.Show(_function.Upper, 3)}))";

    /// <inheritdoc/>
    public override string? ActivationName => "rrelu";

    internal override string Kind => "rrelu";

    internal override void Prepare(int maxRows)
    {
        if (_slopes.Length < maxRows * Inputs)
        {
            _slopes = new float[maxRows * Inputs];
        }
    }

    internal override void Forward(ReadOnlySpan<float> x, Span<float> y, int rows, bool training)
    {
        int n = rows * Inputs;
        _lastWasTraining = training;
        if (training)
        {
            Prepare(rows);
            _function.ForwardTraining(x[..n], y[..n], _slopes.AsSpan(0, n), _random);
        }
        else
        {
            _function.Forward(x[..n], y[..n]);
        }
    }

    internal override void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rows, bool needInputGradient)
    {
        if (!needInputGradient)
        {
            return;
        }

        int n = rows * Inputs;
        if (_lastWasTraining)
        {
            RReLU.BackwardTraining(x[..n], _slopes.AsSpan(0, n), dy[..n], dx[..n]);
        }
        else
        {
            _function.Backward(x[..n], dy[..n], dx[..n]);
        }
    }

    internal override bool Derivative(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> derivative)
    {
        _function.Derivative(x, derivative);
        return true;
    }

    internal override void ReferenceForward(double[] x, double[] y, int rows, double[][] parameters)
        => _function.Forward(x.AsSpan(0, rows * Inputs), y.AsSpan(0, rows * Inputs));

    internal override void ReferenceBackward(double[] x, double[] y, double[] dy, double[] dx, int rows, double[][] parameters, double[][] gradients)
    {
        int n = rows * Inputs;
        _function.Backward(x.AsSpan(0, n), dy.AsSpan(0, n), dx.AsSpan(0, n));
    }

    internal override void WriteConfiguration(BinaryWriter writer)
    {
        writer.Write(Inputs);
        writer.Write(_function.Lower);
        writer.Write(_function.Upper);
        writer.Write(Seed);
    }
}
