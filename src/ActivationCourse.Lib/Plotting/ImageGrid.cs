using System.Globalization;
using System.Text;

namespace ActivationCourse.Plotting;

/// <summary>
/// Small grayscale images with captions in a grid, e.g. 32 digits with their labels or predictions.
/// <code>var grid = new ImageGrid { Title = "First digits", Columns = 8 }; grid.Add(pixels, caption: "7");</code>
/// The size follows from <see cref="Columns"/> and <see cref="CellSize"/> unless set explicitly.
/// </summary>
public sealed class ImageGrid : Chart
{
    private readonly List<(double[] Pixels, int Rows, int Cols, string? Caption, string? CaptionColor)> _images = [];
    private double? _width;
    private double? _height;

    /// <summary>Images per row.</summary>
    public int Columns { get; set; } = 8;

    /// <summary>Side of one image in pixels.</summary>
    public double CellSize { get; set; } = 56;

    /// <summary>Number of images.</summary>
    public int Count => _images.Count;

    /// <summary>Adds an image (row by row, 0 = paper, 1 or 255 = ink) with an optional caption.</summary>
    /// <param name="pixels">The pixel values.</param>
    /// <param name="caption">Text under the image.</param>
    /// <param name="rows">Image height in pixels (28 for MNIST).</param>
    /// <param name="columns">Image width in pixels.</param>
    /// <param name="captionColor">CSS color of the caption, e.g. to mark wrong predictions.</param>
    public ImageGrid Add(IReadOnlyList<double> pixels, string? caption = null, int rows = 28, int columns = 28, string? captionColor = null)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        _images.Add(([.. pixels], rows, columns, caption, captionColor));
        return this;
    }

    private bool HasCaptions => _images.Any(i => !string.IsNullOrEmpty(i.Caption));

    private double CaptionHeight => HasCaptions ? 18 : 0;

    private double TitleHeight => string.IsNullOrEmpty(Title) ? 8 : 36;

    private int GridRows => (_images.Count + Math.Max(1, Columns) - 1) / Math.Max(1, Columns);

    /// <summary>Width in pixels (computed from the grid unless set).</summary>
    public override double Width
    {
        get => _width ?? Math.Max(16 + (Math.Min(Math.Max(1, Columns), Math.Max(1, _images.Count)) * (CellSize + 6)), Svg.TextWidth(Title, 15) + 24);
        set => _width = value;
    }

    /// <summary>Height in pixels (computed from the grid unless set).</summary>
    public override double Height
    {
        get => _height ?? TitleHeight + 8 + (GridRows * (CellSize + 6 + CaptionHeight));
        set => _height = value;
    }

    internal override void Render(StringBuilder sb, double width, double height)
    {
        var top = DrawTitle(sb, width);
        var cols = Math.Max(1, Columns);
        var natW = 16 + (Math.Min(cols, Math.Max(1, _images.Count)) * (CellSize + 6));
        var scale = Math.Min(1, Math.Min(width / natW, (height - top) / Math.Max(1, Height - TitleHeight)));
        var cellSize = CellSize * scale;
        var stepX = (CellSize + 6) * scale;
        var stepY = (CellSize + 6 + CaptionHeight) * scale;
        var left = (width - (Math.Min(cols, Math.Max(1, _images.Count)) * stepX) + (6 * scale)) / 2;
        for (var i = 0; i < _images.Count; i++)
        {
            var (px, rows, ncols, caption, captionColor) = _images[i];
            var x = left + (i % cols * stepX);
            var y = top + 4 + (i / cols * stepY);
            var max = px.Where(double.IsFinite).DefaultIfEmpty(1).Max();
            var scaleTo = max > 1 ? max : 1;
            var p = cellSize / Math.Max(rows, ncols);
            Svg.Rect(sb, x, y, p * ncols, p * rows, "#ffffff", "stroke=\"#d0d0d0\" stroke-width=\"0.6\"");
            CellPainter.Paint(sb, rows, ncols, x, y, p, p, (r, c) =>
            {
                var k = (r * ncols) + c;
                var v = k < px.Length ? px[k] / scaleTo : 0;
                return v > 0.02 ? ColorMaps.At(ColorMap.Grays, Math.Round(v * 24) / 24) : null;
            });
            if (!string.IsNullOrEmpty(caption))
            {
                Svg.Text(sb, x + (p * ncols / 2), y + (p * rows) + (14 * scale), caption, 12 * scale, "middle", captionColor ?? Svg.Ink);
            }
        }
    }

    /// <summary>How many images, with their captions.</summary>
    internal override string Summarize() => Describe() + Names(_images.Select(i => i.Caption));

    /// <inheritdoc/>
    protected override string Describe() => string.Create(CultureInfo.InvariantCulture, $"{_images.Count} images, {Columns} per row");
}
