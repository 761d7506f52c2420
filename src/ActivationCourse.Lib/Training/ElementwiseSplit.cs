using ActivationCourse.Activations;
using ActivationCourse.LinearAlgebra;

namespace ActivationCourse.Training;

/// <summary>
/// Runs an activation's span forward or backward pass in contiguous pieces on the GEMM workers, while they are
/// polling between the products of a training step (so the hand-off costs no wake-up).
/// </summary>
/// <remarks>
/// Only the library's own activations are split: their span methods are pure functions of each value. Pieces
/// start at multiples of <see cref="Alignment"/> values, so every value goes through the same vector or tail
/// code as in one pass and the results are identical.
/// </remarks>
internal sealed unsafe class ElementwiseSplit : IWorkerTask
{
    /// <summary>Spans shorter than this run on the calling thread.</summary>
    private const int ParallelValues = 16 * 1024;

    /// <summary>Piece boundaries are multiples of this many values (a multiple of every vector width).</summary>
    private const int Alignment = 64;

    private Activation? _activation;
    private float* _x;
    private float* _upstream;
    private float* _result;
    private int _length;

    /// <summary>y = f(x), element by element.</summary>
    public void Forward(Activation activation, ReadOnlySpan<float> x, Span<float> y)
    {
        if (!ShouldSplit(activation, x.Length, y.Length))
        {
            activation.Forward(x, y);
            return;
        }

        fixed (float* px = x)
        fixed (float* py = y)
        {
            Run(activation, px, null, py, x.Length);
        }
    }

    /// <summary>dx = upstream · f′(x), element by element.</summary>
    public void Backward(Activation activation, ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> dx)
    {
        if (!ShouldSplit(activation, x.Length, dx.Length) || upstream.Length != x.Length)
        {
            activation.Backward(x, upstream, dx);
            return;
        }

        fixed (float* px = x)
        fixed (float* pu = upstream)
        fixed (float* pd = dx)
        {
            Run(activation, px, pu, pd, x.Length);
        }
    }

    /// <inheritdoc/>
    public void RunPart(int part, int parts)
    {
        int start = Boundary(part, parts), end = Boundary(part + 1, parts);
        var x = new ReadOnlySpan<float>(_x + start, end - start);
        var result = new Span<float>(_result + start, end - start);
        if (_upstream == null)
        {
            _activation!.Forward(x, result);
        }
        else
        {
            _activation!.Backward(x, new ReadOnlySpan<float>(_upstream + start, end - start), result);
        }
    }

    private static bool ShouldSplit(Activation activation, int length, int resultLength)
        => length >= ParallelValues && resultLength == length && GemmWorkers.Polling
            && Math.Min(Gemm.MaxParallelism, GemmWorkers.Capacity) > 1
            && activation.GetType().Assembly == typeof(Activation).Assembly;

    private void Run(Activation activation, float* x, float* upstream, float* result, int length)
    {
        _activation = activation;
        _x = x;
        _upstream = upstream;
        _result = result;
        _length = length;
        if (!GemmWorkers.TryRun(this, Math.Min(Gemm.MaxParallelism, GemmWorkers.Capacity)))
        {
            RunPart(0, 1);
        }

        _activation = null;
    }

    private int Boundary(int part, int parts)
        => part == parts ? _length : (int)((long)_length * part / parts) & ~(Alignment - 1);
}
