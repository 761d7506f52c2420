using ActivationCourse.Training;

namespace ActivationCourse.Data;

/// <summary>
/// Samples for training or evaluation: <see cref="Count"/> rows of <see cref="Dimensions"/> features, row-major,
/// with one class label per row (classification) or a row of <see cref="TargetWidth"/> real-valued targets
/// (regression, binary and multi-label outputs; see <see cref="Loss.UsesLabels"/>).
/// </summary>
public sealed class LabeledData
{
    /// <summary>Wraps features and labels (no copy).</summary>
    /// <param name="features">Count × dimensions values, row-major.</param>
    /// <param name="labels">One class index per row.</param>
    /// <param name="dimensions">Features per row.</param>
    /// <exception cref="ArgumentException">The lengths do not fit together.</exception>
    public LabeledData(float[] features, int[] labels, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (dimensions <= 0 || features.Length != (long)labels.Length * dimensions)
        {
            throw new ArgumentException($"{features.Length} feature values do not make {labels.Length} rows of {dimensions}.");
        }

        Features = features;
        Labels = labels;
        Dimensions = dimensions;
        Count = labels.Length;
        Targets = [];
    }

    /// <summary>Wraps features and real-valued target rows (no copy), for regression and sigmoid outputs.</summary>
    /// <param name="features">Count × dimensions values, row-major.</param>
    /// <param name="targets">Count × targetWidth values, row-major.</param>
    /// <param name="dimensions">Features per row.</param>
    /// <param name="targetWidth">Targets per row (the network's output width).</param>
    /// <exception cref="ArgumentException">The lengths do not fit together.</exception>
    public LabeledData(float[] features, float[] targets, int dimensions, int targetWidth)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        if (dimensions <= 0 || targetWidth <= 0 || features.Length % dimensions != 0 || (long)(features.Length / dimensions) * targetWidth != targets.Length)
        {
            throw new ArgumentException($"{features.Length} feature values and {targets.Length} targets do not make rows of {dimensions} features and {targetWidth} targets.");
        }

        Features = features;
        Targets = targets;
        TargetWidth = targetWidth;
        Dimensions = dimensions;
        Count = features.Length / dimensions;
        Labels = [];
    }

    /// <summary>Wraps features with byte labels (as MNIST stores them); the labels are copied to int.</summary>
    /// <param name="features">Count × dimensions values, row-major.</param>
    /// <param name="labels">One class index per row.</param>
    /// <param name="dimensions">Features per row.</param>
    public LabeledData(float[] features, byte[] labels, int dimensions)
        : this(features, Array.ConvertAll(labels, l => (int)l), dimensions)
    {
    }

    /// <summary>The images as rows of <see cref="LabeledImages.PixelsPerImage"/> features (pixels shared, labels copied to int).</summary>
    /// <param name="images">For example <c>Mnist.Load().Train</c>.</param>
    public static LabeledData From(LabeledImages images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return new LabeledData(images.Pixels, images.Labels, images.PixelsPerImage);
    }

    /// <summary>Row-major features.</summary>
    public float[] Features { get; }

    /// <summary>Class index per row (empty when the data has <see cref="Targets"/> instead).</summary>
    public int[] Labels { get; }

    /// <summary>Real-valued targets, <see cref="Count"/> × <see cref="TargetWidth"/> (empty when the data has <see cref="Labels"/>).</summary>
    public float[] Targets { get; }

    /// <summary>Targets per row (0 when the data has <see cref="Labels"/>).</summary>
    public int TargetWidth { get; }

    /// <summary>True when the rows carry real-valued <see cref="Targets"/> rather than class labels.</summary>
    public bool HasTargets => TargetWidth > 0;

    /// <summary>Features per row.</summary>
    public int Dimensions { get; }

    /// <summary>Number of rows.</summary>
    public int Count { get; }

    /// <summary>The first <paramref name="count"/> rows (copies).</summary>
    /// <param name="count">Rows to keep (clamped to <see cref="Count"/>).</param>
    public LabeledData Take(int count)
    {
        count = Math.Clamp(count, 0, Count);
        if (HasTargets)
        {
            return new LabeledData(Features.AsSpan(0, count * Dimensions).ToArray(), Targets.AsSpan(0, count * TargetWidth).ToArray(), Dimensions, TargetWidth);
        }

        return new LabeledData(Features.AsSpan(0, count * Dimensions).ToArray(), Labels.AsSpan(0, count).ToArray(), Dimensions);
    }
}
