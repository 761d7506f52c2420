using System.Globalization;
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
        var legend = Legend == LegendPosition.None ? [] : LegendItems().Where(i => !string.IsNullOrEmpty(i.Name)).ToList();
        var legendW = legend.Count == 0 || Legend == LegendPosition.Inside ? 0 : legend.Max(i => Svg.TextWidth(i.Name, 12)) + 44;
        var bottom = 30 + (string.IsNullOrEmpty(XLabel) ? 0 : 20) + 6;
        var plotH = Math.Max(40, height - top - bottom);
        var yAxis = new Axis(y0, y1, LogY, top + plotH, top);
        var yTicks = yAxis.TickMarks(Math.Max(2, (int)(plotH / 55)));
        var left = 10 + (string.IsNullOrEmpty(YLabel) ? 0 : 22) + (yTicks.Length == 0 ? 10 : yTicks.Max(t => Svg.TextWidth(t.Label, 11.5))) + 10;
        var right = legendW > 0 ? legendW + 18 : 22;
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
        var xTicks = xAxis.TickMarks(Math.Max(2, (int)(plotW / 85)));
        var bottomY = top + plotH;

        // Clipped plot area: a nested svg whose viewBox equals its place, so data use page coordinates.
        sb.Append("<svg x=\"").Append(Svg.F(left)).Append("\" y=\"").Append(Svg.F(top)).Append("\" width=\"").Append(Svg.F(plotW))
          .Append("\" height=\"").Append(Svg.F(plotH)).Append("\" viewBox=\"").Append(Svg.F(left)).Append(' ').Append(Svg.F(top)).Append(' ')
          .Append(Svg.F(plotW)).Append(' ').Append(Svg.F(plotH)).Append("\" overflow=\"hidden\">");
        DrawBackground(sb, xAxis, yAxis);
        sb.Append("<g stroke=\"#f3f3f3\" stroke-width=\"1\">");
        foreach (var v in yAxis.MinorTicks())
        {
            var p = yAxis.Map(v);
            sb.Append("<line x1=\"").Append(Svg.F(left)).Append("\" y1=\"").Append(Svg.F(p)).Append("\" x2=\"").Append(Svg.F(left + plotW))
              .Append("\" y2=\"").Append(Svg.F(p)).Append("\"/>");
        }
        foreach (var v in xAxis.MinorTicks())
        {
            var p = xAxis.Map(v);
            sb.Append("<line x1=\"").Append(Svg.F(p)).Append("\" y1=\"").Append(Svg.F(top)).Append("\" x2=\"").Append(Svg.F(p))
              .Append("\" y2=\"").Append(Svg.F(bottomY)).Append("\"/>");
        }
        sb.Append("</g>");
        sb.Append("<g stroke=\"").Append(Svg.GridColor).Append("\" stroke-width=\"1\">");
        foreach (var (v, _) in yTicks)
        {
            var p = yAxis.Map(v);
            sb.Append("<line x1=\"").Append(Svg.F(left)).Append("\" y1=\"").Append(Svg.F(p)).Append("\" x2=\"").Append(Svg.F(left + plotW))
              .Append("\" y2=\"").Append(Svg.F(p)).Append("\"/>");
        }
        foreach (var (v, _) in xTicks)
        {
            var p = xAxis.Map(v);
            sb.Append("<line x1=\"").Append(Svg.F(p)).Append("\" y1=\"").Append(Svg.F(top)).Append("\" x2=\"").Append(Svg.F(p))
              .Append("\" y2=\"").Append(Svg.F(bottomY)).Append("\"/>");
        }
        sb.Append("</g>");
        // Zero lines help reading activations: slightly darker than the grid.
        if (!LogY && y0 < 0 && y1 > 0)
        {
            Svg.Line(sb, left, yAxis.Map(0), left + plotW, yAxis.Map(0), "#bdbdbd");
        }
        if (!LogX && x0 < 0 && x1 > 0)
        {
            Svg.Line(sb, xAxis.Map(0), top, xAxis.Map(0), bottomY, "#bdbdbd");
        }
        DrawData(sb, xAxis, yAxis);
        foreach (var r in _refs)
        {
            var p = (r.Horizontal ? yAxis : xAxis).Map(r.Value);
            if (double.IsNaN(p))
            {
                continue;
            }
            if (r.Horizontal)
            {
                Svg.Line(sb, left, p, left + plotW, p, r.Color, 1.2, "stroke-dasharray=\"5 4\"");
                if (!string.IsNullOrEmpty(r.Label))
                {
                    Svg.Text(sb, left + plotW - 6, p - 5, r.Label, 11.5, "end", r.Color, "paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\"");
                }
            }
            else
            {
                Svg.Line(sb, p, top, p, bottomY, r.Color, 1.2, "stroke-dasharray=\"5 4\"");
                if (!string.IsNullOrEmpty(r.Label))
                {
                    Svg.Text(sb, p + 5, top + 14, r.Label, 11.5, "start", r.Color, "paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\"");
                }
            }
        }
        sb.Append("</svg>");

        // Axes, ticks and labels outside the clip so nothing is cut.
        Svg.Line(sb, left, bottomY, left + plotW, bottomY, "#9e9e9e");
        Svg.Line(sb, left, top, left, bottomY, "#9e9e9e");
        foreach (var (v, label) in yTicks)
        {
            var p = yAxis.Map(v);
            Svg.Line(sb, left - 4, p, left, p, "#9e9e9e");
            Svg.Text(sb, left - 7, p + 4, label, 11.5, "end", Svg.MutedInk);
        }
        foreach (var (v, label) in xTicks)
        {
            var p = xAxis.Map(v);
            Svg.Line(sb, p, bottomY, p, bottomY + 4, "#9e9e9e");
            Svg.Text(sb, p, bottomY + 18, label, 11.5, "middle", Svg.MutedInk);
        }
        if (!string.IsNullOrEmpty(XLabel))
        {
            Svg.Text(sb, left + (plotW / 2), bottomY + 40, XLabel, 13, "middle");
        }
        if (!string.IsNullOrEmpty(YLabel))
        {
            var cy = top + (plotH / 2);
            Svg.Text(sb, 16, cy, YLabel, 13, "middle", Svg.Ink, string.Create(CultureInfo.InvariantCulture, $"transform=\"rotate(-90 16 {Svg.F(cy)})\""));
        }
        if (legend.Count > 0 && Legend == LegendPosition.Inside)
        {
            DrawInsideLegend(sb, legend, xAxis, yAxis, left, top, plotW, plotH);
        }
        else if (legend.Count > 0)
        {
            DrawLegend(sb, legend, left + plotW + 16, top + 4);
        }
    }

    private void DrawInsideLegend(StringBuilder sb, List<LegendItem> legend, Axis xAxis, Axis yAxis, double left, double top, double plotW, double plotH)
    {
        var boxW = legend.Max(i => Svg.TextWidth(i.Name, 12)) + 46;
        var boxH = (legend.Count * 20) + 8;
        var pixels = Occupied().Select(p => (X: xAxis.Map(p.X), Y: yAxis.Map(p.Y))).Where(p => !double.IsNaN(p.X) && !double.IsNaN(p.Y)).ToList();
        (double X, double Y)[] corners =
        [
            (left + plotW - boxW - 8, top + 8),
            (left + 8, top + 8),
            (left + plotW - boxW - 8, top + plotH - boxH - 8),
            (left + 8, top + plotH - boxH - 8),
        ];
        // The corner whose box (with a small margin) covers the fewest data points; ties keep the order above.
        var best = corners.OrderBy(c => pixels.Count(p => p.X >= c.X - 6 && p.X <= c.X + boxW + 6 && p.Y >= c.Y - 6 && p.Y <= c.Y + boxH + 6)).First();
        Svg.Rect(sb, best.X, best.Y, boxW, boxH, "#ffffff", "fill-opacity=\"0.88\" stroke=\"#dddddd\" rx=\"3\"");
        DrawLegend(sb, legend, best.X + 8, best.Y + 4);
    }

    internal static void DrawLegend(StringBuilder sb, List<LegendItem> items, double x, double y)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var it = items[i];
            var cy = y + 8 + (i * 20);
            switch (it.Swatch)
            {
                case LegendSwatch.Box:
                    Svg.Rect(sb, x + 3, cy - 6, 16, 12, it.Color,
                        string.Create(CultureInfo.InvariantCulture, $"fill-opacity=\"{Svg.F(it.Opacity)}\" stroke=\"{it.Color}\" rx=\"2\""));
                    break;
                case LegendSwatch.Marker:
                    sb.Append("<circle cx=\"").Append(Svg.F(x + 11)).Append("\" cy=\"").Append(Svg.F(cy)).Append("\" r=\"4.5\" fill=\"").Append(it.Color)
                      .Append("\" stroke=\"#fff\" stroke-width=\"1\"/>");
                    break;
                default:
                    Svg.Line(sb, x, cy, x + 22, cy, it.Color, 2.4, it.Dashed ? "stroke-dasharray=\"6 4\"" : null);
                    if (it.Swatch == LegendSwatch.LineWithMarker)
                    {
                        sb.Append("<circle cx=\"").Append(Svg.F(x + 11)).Append("\" cy=\"").Append(Svg.F(cy)).Append("\" r=\"3.5\" fill=\"").Append(it.Color).Append("\"/>");
                    }
                    break;
            }
            Svg.Text(sb, x + 30, cy + 4, it.Name, 12);
        }
    }
}
