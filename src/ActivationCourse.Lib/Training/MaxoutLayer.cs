using ActivationCourse.Activations;

namespace ActivationCourse.Training;

/// <summary>
/// Maxout over groups of k consecutive inputs: y[u] = max of z[u·k .. u·k + k − 1]. Put it after a Dense layer
/// with units·k outputs (<see cref="MlpSpec.MaxoutPieces"/> does that). Backward routes each gradient to the
/// winning piece (<see cref="Maxout.Backward(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{float})"/>).
/// </summary>
public sealed class MaxoutLayer : Layer
{
    private int[] _winners = [];

    /// <summary>Creates the layer.</summary>
    /// <param name="units">Output units.</param>
    /// <param name="pieces">Pieces per unit (k ≥ 1).</param>
    public MaxoutLayer(int units, int pieces)
        : base(units * pieces, units)
    {
        if (pieces < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pieces), $"Maxout needs at least one piece per unit (got {pieces}).");
        }

        Pieces = pieces;
    }

    /// <summary>k, the pieces per unit.</summary>
    public int Pieces { get; }

    /// <inheritdoc/>
    public override string Description => $"Maxout ({Outputs} units × {Pieces} pieces)";

    /// <inheritdoc/>
    public override string? ActivationName => "maxout";

    internal override string Kind => "maxout";

    internal override void Prepare(int maxRows)
    {
        if (_winners.Length < maxRows * Outputs)
        {
            _winners = new int[maxRows * Outputs];
        }
    }

    internal override void Forward(ReadOnlySpan<float> x, Span<float> y, int rows, bool training)
    {
        Prepare(rows);
        Maxout.Forward(x[..(rows * Inputs)], Pieces, y[..(rows * Outputs)], _winners.AsSpan(0, rows * Outputs));
    }

    internal override void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rows, bool needInputGradient)
    {
        if (needInputGradient)
        {
            Maxout.Backward(dy[..(rows * Outputs)], _winners.AsSpan(0, rows * Outputs), Pieces, dx[..(rows * Inputs)]);
        }
    }

    internal override void ReferenceForward(double[] x, double[] y, int rows, double[][] parameters)
        => Maxout.Forward(x.AsSpan(0, rows * Inputs), Pieces, y.AsSpan(0, rows * Outputs), new int[rows * Outputs]);

    internal override void ReferenceBackward(double[] x, double[] y, double[] dy, double[] dx, int rows, double[][] parameters, double[][] gradients)
    {
        var winners = new int[rows * Outputs];
        Maxout.Forward(x.AsSpan(0, rows * Inputs), Pieces, new double[rows * Outputs], winners);
        Maxout.Backward(dy.AsSpan(0, rows * Outputs), winners, Pieces, dx.AsSpan(0, rows * Inputs));
    }

    internal override void WriteConfiguration(BinaryWriter writer)
    {
        writer.Write(Outputs);
        writer.Write(Pieces);
    }
}
