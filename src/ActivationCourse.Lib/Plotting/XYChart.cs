using System.Text;

namespace ActivationCourse.Plotting;

/// <summary>
/// Shared machinery of charts with two numeric axes (line, scatter, histogram): axis labels, fixed or automatic
/// ranges, log scales, reference lines, grid and legend. <typeparamref name="TSelf"/> lets the fluent methods
/// return the concrete chart type.
/// </summary>
/// <typeparam name="TSelf">The concrete chart type.</typeparam>
public abstract class XYChart<TSelf> : Chart where TSelf : XYChart<TSelf>
{
    private readonly List<(bool Horizontal, double Value, string? Label, string Color)> _refs = [];

    /// <summary>Label under the x axis.</summary>
    public string? XLabel { get; set; }

    /// <summary>Label left of the y axis (drawn vertically).</summary>
    public string? YLabel { get; set; }

    /// <summary>Fixed lower end of the x axis; automatic when null.</summary>
    public double? XMin { get; set; }

    /// <summary>Fixed upper end of the x axis; automatic when null.</summary>
    public double? XMax { get; set; }

    /// <summary>Fixed lower end of the y axis; automatic when null.</summary>
    public double? YMin { get; set; }

    /// <summary>Fixed upper end of the y axis; automatic when null.</summary>
    public double? YMax { get; set; }

    /// <summary>Log10 x axis with decade ticks; values ≤ 0 are not drawn.</summary>
    public bool LogX { get; set; }

    /// <summary>Log10 y axis with decade ticks; values ≤ 0 are not drawn.</summary>
    public bool LogY { get; set; }

    /// <summary>
    /// One unit on x is as long as one unit on y (circles stay round, grids stay square): the shorter range is widened.
    /// </summary>
    public bool EqualAspect { get; set; }

    /// <summary>Where the legend goes (when at least one entry is named): outside right (default), in a free corner, or nowhere.</summary>
    public LegendPosition Legend { get; set; } = LegendPosition.Right;

    /// <summary>Fixes the x range.</summary>
    public TSelf XRange(double min, double max)
    {
        XMin = min;
        XMax = max;
        return (TSelf)this;
    }

    /// <summary>Fixes the y range.</summary>
    public TSelf YRange(double min, double max)
    {
        YMin = min;
        YMax = max;
        return (TSelf)this;
    }

    /// <summary>Sets the axis labels.</summary>
    public TSelf Labels(string? xLabel, string? yLabel)
    {
        XLabel = xLabel;
        YLabel = yLabel;
        return (TSelf)this;
    }

    /// <summary>Adds a horizontal reference line <c>y = value</c>, for example the 0.25 bound of σ′.</summary>
    public TSelf HLine(double y, string? label = null, string color = "#666666")
    {
        _refs.Add((true, y, label, color));
        return (TSelf)this;
    }

    /// <summary>Adds a vertical reference line <c>x = value</c>.</summary>
    public TSelf VLine(double x, string? label = null, string color = "#666666")
    {
        _refs.Add((false, x, label, color));
        return (TSelf)this;
    }

    /// <summary>Adds the finite data values that the automatic ranges must include.</summary>
    internal abstract void CollectBounds(List<double> xs, List<double> ys);

    /// <summary>Draws the data inside the clipped plot area.</summary>
    internal abstract void DrawData(StringBuilder sb, Axis x, Axis y);

    /// <summary>Draws under the grid (decision regions).</summary>
    internal virtual void DrawBackground(StringBuilder sb, Axis x, Axis y)
    {
    }

    /// <summary>Legend entries (unnamed data is left out).</summary>
    internal abstract IEnumerable<LegendItem> LegendItems();

    /// <summary>Data points in data coordinates, used to find a free corner for an inside legend.</summary>
    internal abstract IEnumerable<(double X, double Y)> Occupied();

    /// <summary>Whether automatic x ranges get a margin (scatter) or end at the data (functions).</summary>
    internal virtual bool PadX => false;

    /// <summary>Whether automatic y ranges start at zero (histograms, counts).</summary>
    internal virtual bool YFromZero => false;

    private static (double Min, double Max) AutoRange(List<double> values, bool log, double? fixedMin, double? fixedMax, bool pad, bool fromZero)
    {
        var vs = log ? values.Where(v => v > 0 && double.IsFinite(v)).ToList() : values.Where(double.IsFinite).ToList();
        double lo, hi;
        if (vs.Count == 0)
        {
            (lo, hi) = log ? (1, 10) : (0, 1);
        }
        else
        {
            lo = vs.Min();
            hi = vs.Max();
        }
        if (fromZero && !log)
        {
            lo = Math.Min(lo, 0);
        }
        if (log)
        {
            lo = Math.Log10(lo);
            hi = Math.Log10(hi);
        }
        if (hi - lo < 1e-12)
        {
            var d = Math.Abs(lo) > 1e-9 && !log ? Math.Abs(lo) * 0.1 : 1;
            lo -= d;
            hi += d;
        }
        else if (pad)
        {
            var d = (hi - lo) * 0.05;
            if (!(fromZero && !log && lo == 0))
            {
                lo -= d;
            }
            hi += d;
        }
        if (log)
        {
            lo = Math.Pow(10, lo);
            hi = Math.Pow(10, hi);
        }
        lo = fixedMin ?? lo;
        hi = fixedMax ?? hi;
        if (log)
        {
            lo = lo > 0 ? lo : hi / 10;
            hi = hi > lo ? hi : lo * 10;
        }
        else if (!(hi > lo))
        {
            hi = lo + 1;
        }
        return (lo, hi);
    }

    /// <summary>The named series and the ranges of x and y, e.g. "2 series (σ, tanh); x from −6 to 6, y from 0 to 1".</summary>
    internal override string Summarize()
    {
        var xs = new List<double>();
        var ys = new List<double>();
        CollectBounds(xs, ys);
        var ranges = new[] { Span(xs) is { } x ? $"x {x}" : null, Span(ys) is { } y ? $"y {y}" : null }.OfType<string>().ToList();
        var what = Describe() + Names(LegendItems().Select(i => i.Name));
        return ranges.Count == 0 ? what : $"{what}; {string.Join(", ", ranges)}";
    }

    internal override void Render(StringBuilder sb, double width, double height)
    {
        var legend = Legend == LegendPosition.None ? [] : LegendItems().Where(i => !string.IsNullOrEmpty(i.Name)).ToList();
        var box = LayOut(sb, width, height, Legend == LegendPosition.Inside ? 0 : LegendPainter.Width(legend));

        // Clipped plot area: a nested svg whose viewBox equals its place, so data use page coordinates.
        sb.Append("<svg x=\"").Append(Svg.F(box.Left)).Append("\" y=\"").Append(Svg.F(box.Top)).Append("\" width=\"").Append(Svg.F(box.Width))
          .Append("\" height=\"").Append(Svg.F(box.Height)).Append("\" viewBox=\"").Append(Svg.F(box.Left)).Append(' ').Append(Svg.F(box.Top)).Append(' ')
          .Append(Svg.F(box.Width)).Append(' ').Append(Svg.F(box.Height)).Append("\" overflow=\"hidden\">");
        DrawBackground(sb, box.X, box.Y);
        DrawGrid(sb, box);
        DrawData(sb, box.X, box.Y);
        DrawReferenceLines(sb, box);
        sb.Append("</svg>");

        // Axes, ticks and labels outside the clip so nothing is cut.
        Svg.Line(sb, box.Left, box.Bottom, box.Right, box.Bottom, AxisPainter.AxisColor);
        Svg.Line(sb, box.Left, box.Top, box.Left, box.Bottom, AxisPainter.AxisColor);
        AxisPainter.LeftTicks(sb, box.Y, box.YTicks, box.Left);
        AxisPainter.BottomTicks(sb, box.X, box.XTicks, box.Bottom);
        AxisPainter.XTitle(sb, XLabel, box.Left + (box.Width / 2), box.Bottom + 40);
        AxisPainter.YTitle(sb, YLabel, 16, box.Top + (box.Height / 2));
        if (legend.Count > 0 && Legend == LegendPosition.Inside)
        {
            var pixels = Occupied().Select(p => (X: box.X.Map(p.X), Y: box.Y.Map(p.Y))).Where(p => !double.IsNaN(p.X) && !double.IsNaN(p.Y)).ToList();
            LegendPainter.DrawInside(sb, legend, pixels, box.Left, box.Top, box.Width, box.Height);
        }
        else if (legend.Count > 0)
        {
            LegendPainter.Draw(sb, legend, box.Right + 16, box.Top + 4);
        }
    }

    /// <summary>The plot area in page pixels, its two axes and their ticks.</summary>
    private sealed record PlotBox(double Left, double Top, double Width, double Height, Axis X, Axis Y, (double Value, string Label)[] XTicks, (double Value, string Label)[] YTicks)
    {
        public double Right => Left + Width;

        public double Bottom => Top + Height;
    }

    /// <summary>
    /// Draws the title, then places the plot area: the data ranges (with reference lines), room for the tick labels,
    /// axis titles and a legend <paramref name="legendWidth"/> wide on the right, and the equal aspect if asked for.
    /// </summary>
    private PlotBox LayOut(StringBuilder sb, double width, double height, double legendWidth)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        CollectBounds(xs, ys);
        foreach (var r in _refs)
        {
            (r.Horizontal ? ys : xs).Add(r.Value);
        }
        var (x0, x1) = AutoRange(xs, LogX, XMin, XMax, PadX, false);
        var (y0, y1) = AutoRange(ys, LogY, YMin, YMax, true, YFromZero);

        var top = DrawTitle(sb, width) + 6;
        var bottom = 30 + (string.IsNullOrEmpty(XLabel) ? 0 : 20) + 6;
        var plotH = Math.Max(40, height - top - bottom);
        var yAxis = new Axis(y0, y1, LogY, top + plotH, top);
        var yTicks = yAxis.TickMarks(Math.Max(2, (int)(plotH / 55)));
        var left = 10 + (string.IsNullOrEmpty(YLabel) ? 0 : 22) + (yTicks.Length == 0 ? 10 : yTicks.Max(t => Svg.TextWidth(t.Label, 11.5))) + 10;
        var right = legendWidth > 0 ? legendWidth + 18 : 22;
        var plotW = Math.Max(40, width - left - right);
        if (EqualAspect && !LogX && !LogY)
        {
            var perPixel = Math.Max((x1 - x0) / plotW, (y1 - y0) / plotH);
            var cx = (x0 + x1) / 2;
            var cy = (y0 + y1) / 2;
            (x0, x1) = (cx - (perPixel * plotW / 2), cx + (perPixel * plotW / 2));
            (y0, y1) = (cy - (perPixel * plotH / 2), cy + (perPixel * plotH / 2));
            yAxis = new Axis(y0, y1, LogY, top + plotH, top);
            yTicks = yAxis.TickMarks(Math.Max(2, (int)(plotH / 55)));
        }
        var xAxis = new Axis(x0, x1, LogX, left, left + plotW);
        return new PlotBox(left, top, plotW, plotH, xAxis, yAxis, xAxis.TickMarks(Math.Max(2, (int)(plotW / 85))), yTicks);
    }

    /// <summary>Minor grid (log axes), major grid at the ticks, and the zero lines that help reading activations.</summary>
    private void DrawGrid(StringBuilder sb, PlotBox box)
    {
        sb.Append("<g stroke=\"#f3f3f3\" stroke-width=\"1\">");
        AxisPainter.GridLines(sb, box.Y, box.Y.MinorTicks(), false, box.Left, box.Right);
        AxisPainter.GridLines(sb, box.X, box.X.MinorTicks(), true, box.Top, box.Bottom);
        sb.Append("</g>");
        sb.Append("<g stroke=\"").Append(Svg.GridColor).Append("\" stroke-width=\"1\">");
        AxisPainter.GridLines(sb, box.Y, box.YTicks.Select(t => t.Value), false, box.Left, box.Right);
        AxisPainter.GridLines(sb, box.X, box.XTicks.Select(t => t.Value), true, box.Top, box.Bottom);
        sb.Append("</g>");
        // Slightly darker than the grid.
        if (!LogY && box.Y.Min < 0 && box.Y.Max > 0)
        {
            Svg.Line(sb, box.Left, box.Y.Map(0), box.Right, box.Y.Map(0), "#bdbdbd");
        }
        if (!LogX && box.X.Min < 0 && box.X.Max > 0)
        {
            Svg.Line(sb, box.X.Map(0), box.Top, box.X.Map(0), box.Bottom, "#bdbdbd");
        }
    }

    /// <summary>The dashed reference lines (<see cref="HLine"/>, <see cref="VLine"/>) with their labels.</summary>
    private void DrawReferenceLines(StringBuilder sb, PlotBox box)
    {
        const string halo = "paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\"";
        foreach (var r in _refs)
        {
            var p = (r.Horizontal ? box.Y : box.X).Map(r.Value);
            if (double.IsNaN(p))
            {
                continue;
            }
            if (r.Horizontal)
            {
                Svg.Line(sb, box.Left, p, box.Right, p, r.Color, 1.2, "stroke-dasharray=\"5 4\"");
                if (!string.IsNullOrEmpty(r.Label))
                {
                    Svg.Text(sb, box.Right - 6, p - 5, r.Label, 11.5, "end", r.Color, halo);
                }
            }
            else
            {
                Svg.Line(sb, p, box.Top, p, box.Bottom, r.Color, 1.2, "stroke-dasharray=\"5 4\"");
                if (!string.IsNullOrEmpty(r.Label))
                {
                    Svg.Text(sb, p + 5, box.Top + 14, r.Label, 11.5, "start", r.Color, halo);
                }
            }
        }
    }
}
