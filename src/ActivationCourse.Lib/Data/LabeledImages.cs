namespace ActivationCourse.Data;

/// <summary>
/// A set of same-sized grayscale images with one class label each, stored as one row-major float
/// array: image after image, each <see cref="Height"/> rows of <see cref="Width"/> pixels.
/// </summary>
public sealed class LabeledImages
{
    /// <summary>Wraps existing arrays (not copied).</summary>
    /// <param name="pixels"><paramref name="labels"/>.Length × <paramref name="height"/> × <paramref name="width"/> values.</param>
    /// <param name="labels">One class label per image.</param>
    /// <param name="height">Rows per image.</param>
    /// <param name="width">Columns per image.</param>
    /// <param name="scaling">How the pixels were scaled from bytes.</param>
    public LabeledImages(float[] pixels, byte[] labels, int height, int width, PixelScaling scaling = PixelScaling.ZeroToOne)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if ((long)labels.Length * height * width != pixels.Length)
        {
            throw new ArgumentException(
                $"{labels.Length} images of {height}×{width} need {(long)labels.Length * height * width} pixels, not {pixels.Length}.", nameof(pixels));
        }

        Pixels = pixels;
        Labels = labels;
        Height = height;
        Width = width;
        Scaling = scaling;
    }

    /// <summary>The number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>Rows per image.</summary>
    public int Height { get; }

    /// <summary>Columns per image.</summary>
    public int Width { get; }

    /// <summary><see cref="Height"/> × <see cref="Width"/>: the feature count of one sample.</summary>
    public int PixelsPerImage => Height * Width;

    /// <summary>All pixels, <see cref="Count"/> × <see cref="PixelsPerImage"/>, row-major, scaled as <see cref="Scaling"/> says.</summary>
    public float[] Pixels { get; }

    /// <summary>The class label of each image (0..9 for MNIST).</summary>
    public byte[] Labels { get; }

    /// <summary>How the pixels were scaled from bytes.</summary>
    public PixelScaling Scaling { get; }

    /// <summary>The pixels of image <paramref name="index"/>, row-major.</summary>
    public ReadOnlySpan<float> Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);
    }

    /// <summary>The first <paramref name="count"/> images (copied), e.g. a quick subset for a notebook.</summary>
    public LabeledImages Take(int count) => Slice(0, Math.Min(count, Count));

    /// <summary>Images <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> − 1 (copied).</summary>
    public LabeledImages Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count);
        float[] pixels = Pixels.AsSpan(start * PixelsPerImage, count * PixelsPerImage).ToArray();
        byte[] labels = Labels.AsSpan(start, count).ToArray();
        return new LabeledImages(pixels, labels, Height, Width, Scaling);
    }

    /// <summary>How many images carry each label, indexed by label (length = largest label + 1).</summary>
    public int[] LabelCounts()
    {
        var counts = new int[Labels.Length == 0 ? 0 : Labels.Max() + 1];
        foreach (byte label in Labels)
        {
            counts[label]++;
        }

        return counts;
    }

    /// <summary>Converts raw pixel bytes to floats with the given scaling.</summary>
    /// <param name="source">Bytes 0..255.</param>
    /// <param name="destination">As long as <paramref name="source"/>.</param>
    /// <param name="scaling">The scaling to apply.</param>
    public static void ScalePixels(ReadOnlySpan<byte> source, Span<float> destination, PixelScaling scaling)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        }

        // 256 possible inputs: a lookup table makes the conversion one load per pixel for every scaling.
        Span<float> table = stackalloc float[256];
        for (int b = 0; b < 256; b++)
        {
            table[b] = Scale(b, scaling);
        }

        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i]];
        }
    }

    private static float Scale(int value, PixelScaling scaling) => scaling switch
    {
        PixelScaling.ZeroToOne => value / 255f,
        PixelScaling.MinusOneToOne => (2f * value / 255f) - 1f,
        PixelScaling.Standardize => (float)(((value / 255.0) - 0.1307) / 0.3081),
        _ => throw new ArgumentOutOfRangeException(nameof(scaling), scaling, "Unknown pixel scaling."),
    };
}
