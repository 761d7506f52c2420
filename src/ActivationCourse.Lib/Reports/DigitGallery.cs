using ActivationCourse.Data;
using ActivationCourse.Plotting;

namespace ActivationCourse.Reports;

/// <summary>Puts MNIST-style images into the charts: one digit as a picture, or a captioned grid of many.</summary>
public static class DigitGallery
{
    /// <summary>The pixels of image <paramref name="index"/> as doubles, row by row (what the charts take).</summary>
    /// <param name="images">The image set.</param>
    /// <param name="index">Which image.</param>
    public static double[] Pixels(LabeledImages images, int index)
    {
        ArgumentNullException.ThrowIfNull(images);
        var span = images.Image(index);
        var pixels = new double[span.Length];
        for (int i = 0; i < span.Length; i++)
        {
            pixels[i] = span[i];
        }

        return pixels;
    }

    /// <summary>A grid of the images at <paramref name="indices"/>, each captioned by <paramref name="caption"/> (default: its label).</summary>
    /// <param name="images">The image set.</param>
    /// <param name="indices">Which images, in order.</param>
    /// <param name="title">Title above the grid.</param>
    /// <param name="caption">Caption of each image from its index (null: the label).</param>
    /// <param name="columns">Images per row.</param>
    /// <param name="captionColor">Caption color from the index (null: the default ink).</param>
    /// <param name="cellSize">Side of each image in pixels (widen it for long captions).</param>
    public static ImageGrid Grid(
        LabeledImages images, IEnumerable<int> indices, string? title = null, Func<int, string>? caption = null, int columns = 8,
        Func<int, string?>? captionColor = null, double cellSize = 56)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(indices);
        var grid = new ImageGrid { Title = title, Columns = columns, CellSize = cellSize };
        foreach (int i in indices)
        {
            grid.Add(Pixels(images, i), caption?.Invoke(i) ?? images.Labels[i].ToString(System.Globalization.CultureInfo.InvariantCulture), images.Height, images.Width, captionColor?.Invoke(i));
        }

        return grid;
    }

    /// <summary>One image as a picture with a title.</summary>
    /// <param name="images">The image set.</param>
    /// <param name="index">Which image.</param>
    /// <param name="title">Title above it.</param>
    public static Heatmap Picture(LabeledImages images, int index, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        return Heatmap.Image(Pixels(images, index), images.Height, images.Width, title);
    }
}
