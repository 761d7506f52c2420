using ActivationCourse.Data;

namespace ActivationCourse.Training;

/// <summary>
/// Samples for training or evaluation: <see cref="Count"/> rows of <see cref="Dimensions"/> features, row-major,
/// with one class label per row.
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

    /// <summary>Class index per row.</summary>
    public int[] Labels { get; }

    /// <summary>Features per row.</summary>
    public int Dimensions { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Labels.Length;

    /// <summary>The first <paramref name="count"/> rows (copies).</summary>
    /// <param name="count">Rows to keep (clamped to <see cref="Count"/>).</param>
    public LabeledData Take(int count)
    {
        count = Math.Clamp(count, 0, Count);
        return new LabeledData(Features.AsSpan(0, count * Dimensions).ToArray(), Labels.AsSpan(0, count).ToArray(), Dimensions);
    }
}
