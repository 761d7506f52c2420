using System.Globalization;
using System.Text;

namespace ActivationCourse.Plotting;

/// <summary>
/// A grid of colored cells: a digit image (<see cref="Image"/>), a confusion matrix (<see cref="ConfusionMatrix"/>),
/// or any matrix of values with optional row/column labels, cell annotations and a color bar. Cells are square.
/// </summary>
public sealed class Heatmap : Chart
{
    private readonly double[,] _values;

    /// <summary>A heatmap of a matrix; <c>values[row, column]</c>, row 0 at the top.</summary>
    public Heatmap(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = (double[,])values.Clone();
    }

    /// <summary>Number of rows.</summary>
    public int Rows => _values.GetLength(0);

    /// <summary>Number of columns.</summary>
    public int Columns => _values.GetLength(1);

    /// <summary>Color map (default <see cref="ColorMap.Blues"/>).</summary>
    public ColorMap ColorMap { get; set; } = ColorMap.Blues;

    /// <summary>Value mapped to the first color (default: the smallest value).</summary>
    public double? Min { get; set; }

    /// <summary>Value mapped to the last color (default: the largest value).</summary>
    public double? Max { get; set; }

    /// <summary>Labels left of the rows.</summary>
    public IReadOnlyList<string>? RowLabels { get; set; }

    /// <summary>Labels under the columns.</summary>
    public IReadOnlyList<string>? ColumnLabels { get; set; }

    /// <summary>Title under the columns (e.g. "predicted").</summary>
    public string? XLabel { get; set; }

    /// <summary>Title left of the rows (e.g. "true").</summary>
    public string? YLabel { get; set; }

    /// <summary>Write each value in its cell, black or white for contrast.</summary>
    public bool Annotate { get; set; }

    /// <summary>.NET number format of annotations (default "0.##"; "0" for counts).</summary>
    public string AnnotationFormat { get; set; } = "0.##";

    /// <summary>Draw a color bar on the right.</summary>
    public bool ShowColorBar { get; set; } = true;

    /// <summary>Draw row and column indices when no labels are given.</summary>
    public bool ShowAxes { get; set; } = true;

    /// <summary>
    /// A grayscale image such as an MNIST digit: <paramref name="pixels"/> row by row (0 = paper, 1 = ink; values
    /// above 1, e.g. 0–255, are scaled automatically). No axes, no color bar.
    /// </summary>
    public static Heatmap Image(IReadOnlyList<double> pixels, int rows = 28, int columns = 28, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var m = new double[rows, columns];
        for (var i = 0; i < rows * columns && i < pixels.Count; i++)
        {
            m[i / columns, i % columns] = pixels[i];
        }
        var max = pixels.Where(double.IsFinite).DefaultIfEmpty(1).Max();
        return new Heatmap(m)
        {
            Title = title,
            ColorMap = ColorMap.Grays,
            Min = 0,
            Max = max > 1 ? max : 1,
            ShowColorBar = false,
            ShowAxes = false,
            Width = 6 * columns + 16,
            Height = (6 * rows) + 16 + (string.IsNullOrEmpty(title) ? 0 : 30),
        };
    }

    /// <summary>
    /// A confusion matrix: <c>counts[true class, predicted class]</c>, counts written in the cells, a color bar.
    /// </summary>
    public static Heatmap ConfusionMatrix(int[,] counts, IReadOnlyList<string>? labels = null, string? title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(counts);
        var m = new double[counts.GetLength(0), counts.GetLength(1)];
        for (var r = 0; r < m.GetLength(0); r++)
        {
            for (var c = 0; c < m.GetLength(1); c++)
            {
                m[r, c] = counts[r, c];
            }
        }
        labels ??= [.. Enumerable.Range(0, Math.Max(m.GetLength(0), m.GetLength(1))).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        return new Heatmap(m)
        {
            Title = title,
            RowLabels = labels,
            ColumnLabels = labels,
            XLabel = "predicted",
            YLabel = "true",
            Annotate = true,
            AnnotationFormat = "0",
            Min = 0,
            Width = 520,
            Height = 480,
        };
    }

    internal override void Render(StringBuilder sb, double width, double height)
    {
        var (lo, hi) = ValueRange();
        var top = DrawTitle(sb, width) + (string.IsNullOrEmpty(Title) ? 0 : 2);
        var rowLabels = RowLabels ?? (ShowAxes ? [.. Enumerable.Range(0, Rows).Select(i => i.ToString(CultureInfo.InvariantCulture))] : null);
        var colLabels = ColumnLabels ?? (ShowAxes ? [.. Enumerable.Range(0, Columns).Select(i => i.ToString(CultureInfo.InvariantCulture))] : null);
        var left = 8 + (string.IsNullOrEmpty(YLabel) ? 0 : 22) + (rowLabels is null ? 0 : rowLabels.Max(l => Svg.TextWidth(l, 12)) + 8);
        var bottom = 8 + (colLabels is null ? 0 : 20) + (string.IsNullOrEmpty(XLabel) ? 0 : 20);
        var right = ShowColorBar ? 70 : 8;
        var cell = Math.Max(0.5, Math.Min((width - left - right) / Math.Max(1, Columns), (height - top - bottom) / Math.Max(1, Rows)));
        // Center the grid in the space left for it.
        left += Math.Max(0, (width - left - right - (cell * Columns)) / 2);
        var grid = new CellGrid(left, top, cell, Columns, Rows, lo, hi);

        DrawCells(sb, grid);
        if ((ShowAxes || ShowColorBar) && !Annotate)
        {
            Svg.Rect(sb, left, top, grid.Width, grid.Height, "none", "stroke=\"#bdbdbd\"");
        }
        else if (!ShowAxes)
        {
            Svg.Rect(sb, left, top, grid.Width, grid.Height, "none", "stroke=\"#d0d0d0\" stroke-width=\"0.6\"");
        }
        if (Annotate)
        {
            DrawAnnotations(sb, grid);
        }
        DrawLabels(sb, grid, rowLabels, colLabels);
        if (ShowColorBar)
        {
            DrawColorBar(sb, grid);
        }
    }

    /// <summary>The values the first and last colors stand for: fixed, or the data's range (symmetric about 0 for a diverging map).</summary>
    private (double Lo, double Hi) ValueRange()
    {
        var finite = _values.Cast<double>().Where(double.IsFinite).ToList();
        var lo = Min ?? (finite.Count > 0 ? finite.Min() : 0);
        var hi = Max ?? (finite.Count > 0 ? finite.Max() : 1);
        if (ColorMap == ColorMap.Diverging && Min is null && Max is null)
        {
            var a = Math.Max(Math.Abs(lo), Math.Abs(hi));
            (lo, hi) = (-a, a);
        }
        if (!(hi > lo))
        {
            hi = lo + 1;
        }
        return (lo, hi);
    }

    /// <summary>The grid's place on the page (square cells) and the values its colors span.</summary>
    private sealed record CellGrid(double Left, double Top, double Cell, int Columns, int Rows, double Lo, double Hi)
    {
        public double Width => Cell * Columns;

        public double Height => Cell * Rows;

        /// <summary>Where a value falls between <see cref="Lo"/> (0) and <see cref="Hi"/> (1).</summary>
        public double Share(double value) => (value - Lo) / (Hi - Lo);
    }

    private void DrawCells(StringBuilder sb, CellGrid grid)
    {
        var (left, top, cell) = (grid.Left, grid.Top, grid.Cell);
        if (ShowAxes && Rows * Columns <= 1024)
        {
            // Small grids: one rect per cell (class "cell"); annotated grids get thin white gaps between cells.
            var gap = Annotate && cell > 12 ? 1.0 : 0.0;
            sb.Append("<g shape-rendering=\"crispEdges\">");
            for (var r = 0; r < Rows; r++)
            {
                for (var c = 0; c < Columns; c++)
                {
                    var color = ColorMaps.At(ColorMap, grid.Share(_values[r, c]));
                    Svg.Rect(sb, left + (c * cell) + (gap / 2), top + (r * cell) + (gap / 2), cell - gap + (gap > 0 ? 0 : 0.3), cell - gap + (gap > 0 ? 0 : 0.3), color, "class=\"cell\"");
                }
            }
            sb.Append("</g>");
            return;
        }
        // Images and large grids: colors quantized to 64 steps so equal neighbors merge into one shape.
        var paper = ColorMaps.At(ColorMap, 0);
        Svg.Rect(sb, left, top, grid.Width, grid.Height, paper);
        CellPainter.Paint(sb, Rows, Columns, left, top, cell, cell, (r, c) =>
        {
            var t = grid.Share(_values[r, c]);
            var color = ColorMaps.At(ColorMap, double.IsFinite(t) ? Math.Round(t * 64) / 64 : t);
            return color == paper ? null : color;
        });
    }

    /// <summary>Each value written in its cell, in black or white, whichever stands out from the cell's color.</summary>
    private void DrawAnnotations(StringBuilder sb, CellGrid grid)
    {
        var size = Math.Clamp(grid.Cell * 0.36, 8, 14);
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                var v = _values[r, c];
                var text = double.IsFinite(v) ? Svg.Number(v, AnnotationFormat) : "–";
                var ink = Palette.Luminance(ColorMaps.At(ColorMap, grid.Share(v))) < 0.5 ? "#ffffff" : "#1a1a1a";
                Svg.Text(sb, grid.Left + ((c + 0.5) * grid.Cell), grid.Top + ((r + 0.5) * grid.Cell) + (size * 0.36), text, size, "middle", ink, "class=\"annotation\"");
            }
        }
    }

    /// <summary>Row labels on the left, column labels underneath, and the axis titles.</summary>
    private void DrawLabels(StringBuilder sb, CellGrid grid, IReadOnlyList<string>? rowLabels, IReadOnlyList<string>? colLabels)
    {
        for (var r = 0; rowLabels is not null && r < Rows && r < rowLabels.Count; r++)
        {
            Svg.Text(sb, grid.Left - 6, grid.Top + ((r + 0.5) * grid.Cell) + 4, rowLabels[r], 12, "end", Svg.MutedInk);
        }
        for (var c = 0; colLabels is not null && c < Columns && c < colLabels.Count; c++)
        {
            Svg.Text(sb, grid.Left + ((c + 0.5) * grid.Cell), grid.Top + grid.Height + 16, colLabels[c], 12, "middle", Svg.MutedInk);
        }
        AxisPainter.XTitle(sb, XLabel, grid.Left + (grid.Width / 2), grid.Top + grid.Height + (colLabels is null ? 18 : 36));
        var x = grid.Left - (rowLabels is null ? 10 : rowLabels.Max(l => Svg.TextWidth(l, 12)) + 18);
        AxisPainter.YTitle(sb, YLabel, x, grid.Top + (grid.Height / 2));
    }

    /// <summary>The color bar right of the grid, with its scale.</summary>
    private void DrawColorBar(StringBuilder sb, CellGrid grid)
    {
        var bx = grid.Left + grid.Width + 16;
        const int steps = 32;
        var h = grid.Height / steps;
        sb.Append("<g shape-rendering=\"crispEdges\">");
        for (var i = 0; i < steps; i++)
        {
            Svg.Rect(sb, bx, grid.Top + (i * h), 12, h + 0.3, ColorMaps.At(ColorMap, 1 - ((i + 0.5) / steps)));
        }
        sb.Append("</g>");
        Svg.Rect(sb, bx, grid.Top, 12, grid.Height, "none", "stroke=\"#bdbdbd\"");
        var axis = new Axis(grid.Lo, grid.Hi, false, grid.Top + grid.Height, grid.Top);
        AxisPainter.RightTicks(sb, axis, axis.TickMarks(Math.Max(2, (int)(grid.Height / 60))), bx + 12);
    }

    /// <summary>The grid size and the range of its values.</summary>
    internal override string Summarize() =>
        Span(_values.Cast<double>()) is { } span ? $"{Describe()} grid, values {span}" : $"{Describe()} grid";

    /// <inheritdoc/>
    protected override string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Rows}×{Columns}");
}
