using System.Globalization;
using System.Text;

namespace ActivationCourse.Plotting;

/// <summary>
/// Several charts composed into one SVG, in rows of <see cref="Columns"/> cells, under an optional shared title.
/// Each chart keeps its own size; a column is as wide as its widest chart. <see cref="Chart.Width"/> and
/// <see cref="Chart.Height"/> are computed from the children (setting them scales the whole picture).
/// </summary>
public sealed class ChartGrid : Chart
{
    private readonly List<Chart> _charts;
    private double? _width;
    private double? _height;

    /// <summary>Creates a grid of charts, filled row by row.</summary>
    public ChartGrid(int columns, IEnumerable<Chart> charts)
    {
        Columns = Math.Max(1, columns);
        _charts = [.. charts];
    }

    /// <summary>Number of charts per row.</summary>
    public int Columns { get; }

    /// <summary>The composed charts.</summary>
    public IReadOnlyList<Chart> Charts => _charts;

    /// <summary>Gap between cells in pixels.</summary>
    public double Gap { get; set; } = 8;

    private (double W, double H, double[] ColW, double[] RowH, double Top) NaturalSize()
    {
        var rows = (_charts.Count + Columns - 1) / Columns;
        var colW = new double[Columns];
        var rowH = new double[Math.Max(rows, 1)];
        for (var i = 0; i < _charts.Count; i++)
        {
            colW[i % Columns] = Math.Max(colW[i % Columns], _charts[i].Width);
            rowH[i / Columns] = Math.Max(rowH[i / Columns], _charts[i].Height);
        }
        var top = string.IsNullOrEmpty(Title) ? 0 : 40;
        var gap = Gap;
        return (colW.Sum() + (gap * Math.Max(0, Columns - 1)), top + rowH.Sum() + (gap * Math.Max(0, rows - 1)), colW, rowH, top);
    }

    /// <summary>Scaled output width (defaults to the natural width of the children).</summary>
    public override double Width { get => _width ?? NaturalSize().W; set => _width = value; }

    /// <summary>Scaled output height (defaults to the natural height of the children).</summary>
    public override double Height { get => _height ?? NaturalSize().H; set => _height = value; }

    internal override void Render(StringBuilder sb, double width, double height)
    {
        var (w, h, colW, rowH, top) = NaturalSize();
        sb.Append("<svg x=\"0\" y=\"0\" width=\"").Append(Svg.F(width)).Append("\" height=\"").Append(Svg.F(height))
          .Append("\" viewBox=\"0 0 ").Append(Svg.F(w)).Append(' ').Append(Svg.F(h)).Append("\">");
        if (top > 0)
        {
            Svg.Text(sb, w / 2, 26, Title, 17, "middle", Svg.Ink, "font-weight=\"600\"");
        }
        var y = (double)top;
        for (var r = 0; r < rowH.Length; r++)
        {
            var x = 0.0;
            for (var c = 0; c < Columns; c++)
            {
                var i = (r * Columns) + c;
                if (i < _charts.Count)
                {
                    var ch = _charts[i];
                    sb.Append("<svg x=\"").Append(Svg.F(x)).Append("\" y=\"").Append(Svg.F(y)).Append("\" width=\"").Append(Svg.F(ch.Width))
                      .Append("\" height=\"").Append(Svg.F(ch.Height)).Append("\">");
                    Svg.Rect(sb, 0, 0, ch.Width, ch.Height, "#fff");
                    ch.Render(sb, ch.Width, ch.Height);
                    sb.Append("</svg>");
                }
                x += colW[c] + Gap;
            }
            y += rowH[r] + Gap;
        }
        sb.Append("</svg>");
    }

    /// <summary>The charts' own text alternatives, one after another.</summary>
    internal override string Summarize() =>
        $"{Describe()}: " + string.Join("; ", _charts.Select(c => c.AltText));

    /// <inheritdoc/>
    protected override string Describe() => string.Create(CultureInfo.InvariantCulture, $"{_charts.Count} charts, {Columns} per row");
}
