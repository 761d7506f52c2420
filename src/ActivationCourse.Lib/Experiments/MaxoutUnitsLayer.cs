using ActivationCourse.Activations;
using ActivationCourse.Training;

namespace ActivationCourse.Experiments;

/// <summary>
/// Maxout units for the activation study: each of <see cref="Layer.Outputs"/> units outputs the largest of
/// <see cref="Pieces"/> consecutive inputs (the preceding dense layer supplies units × pieces linear pieces).
/// The backward pass routes each unit's gradient to its winning piece.
/// </summary>
public sealed class MaxoutUnitsLayer : Layer
{
    private int[] _winners = [];

    /// <summary>Creates the layer.</summary>
    /// <param name="units">Output units.</param>
    /// <param name="pieces">Linear pieces per unit (k ≥ 2).</param>
    public MaxoutUnitsLayer(int units, int pieces = 2)
        : base(units * pieces, units)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pieces, 2);
        Pieces = pieces;
    }

    /// <summary>Pieces per unit.</summary>
    public int Pieces { get; }

    /// <inheritdoc/>
    public override string Description => $"Maxout k={Pieces} ({Outputs})";

    /// <inheritdoc/>
    public override string? ActivationName => "maxout";

    internal override string Kind => "maxout-units";

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

    internal override bool Derivative(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> derivative)
    {
        // A maxout unit always passes its gradient to one piece: its derivative with respect to the winner is 1.
        derivative[..y.Length].Fill(1f);
        return true;
    }

    internal override void ReferenceForward(double[] x, double[] y, int rows, double[][] parameters)
    {
        var winners = new int[rows * Outputs];
        Maxout.Forward(x.AsSpan(0, rows * Inputs), Pieces, y.AsSpan(0, rows * Outputs), winners);
    }

    internal override void ReferenceBackward(double[] x, double[] y, double[] dy, double[] dx, int rows, double[][] parameters, double[][] gradients)
    {
        var winners = new int[rows * Outputs];
        var scratch = new double[rows * Outputs];
        Maxout.Forward(x.AsSpan(0, rows * Inputs), Pieces, scratch, winners);
        Maxout.Backward(dy.AsSpan(0, rows * Outputs), winners, Pieces, dx.AsSpan(0, rows * Inputs));
    }

    internal override void WriteConfiguration(BinaryWriter writer)
    {
        writer.Write(Outputs);
        writer.Write(Pieces);
    }
}
