using ActivationCourse.Data;
using ActivationCourse.LinearAlgebra;

namespace ActivationCourse.Training;

/// <summary>
/// Copies the shuffled samples of one batch into contiguous buffers for <see cref="Trainer"/>.
/// </summary>
/// <remarks>
/// Each row comes from a random place in a large array (a cache and TLB miss per row), so the copy waits on
/// memory rather than computing: two threads finish it in about half the time. Large batches are therefore
/// split with the GEMM workers, which idle between products anyway. The copy is exact, so the split does not
/// change any result.
/// </remarks>
internal sealed class BatchGather : IWorkerTask
{
    /// <summary>Batches with fewer values than this are copied on the calling thread alone.</summary>
    private const long ParallelValues = 32 * 1024;

    private LabeledData? _data;
    private int[] _order = [];
    private int _offset;
    private int _rows;
    private float[] _features = [];
    private int[] _labels = [];
    private float[] _targets = [];

    /// <summary>
    /// Copies samples <c>order[offset..offset + rows]</c> of <paramref name="data"/> into the first rows of
    /// <paramref name="features"/> and <paramref name="labels"/> (or, for data with targets, <paramref name="targets"/>).
    /// </summary>
    public void Run(LabeledData data, int[] order, int offset, int rows, float[] features, int[] labels, float[] targets)
    {
        _targets = targets;
        _data = data;
        _order = order;
        _offset = offset;
        _rows = rows;
        _features = features;
        _labels = labels;
        int parts = Math.Min(Gemm.MaxParallelism, GemmWorkers.Capacity);
        if ((long)rows * data.Dimensions < ParallelValues || parts < 2 || !GemmWorkers.TryRun(this, parts))
        {
            RunPart(0, 1);
        }

        _data = null;
    }

    /// <inheritdoc/>
    public void RunPart(int part, int parts)
    {
        var data = _data!;
        int dims = data.Dimensions;
        int start = (int)((long)_rows * part / parts), end = (int)((long)_rows * (part + 1) / parts);
        for (int r = start; r < end; r++)
        {
            int sample = _order[_offset + r];
            data.Features.AsSpan(sample * dims, dims).CopyTo(_features.AsSpan(r * dims, dims));
            if (data.HasTargets)
            {
                int width = data.TargetWidth;
                data.Targets.AsSpan(sample * width, width).CopyTo(_targets.AsSpan(r * width, width));
            }
            else
            {
                _labels[r] = data.Labels[sample];
            }
        }
    }
}
