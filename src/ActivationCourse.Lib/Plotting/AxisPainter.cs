using System.Globalization;
using System.Text;

namespace ActivationCourse.Plotting;

/// <summary>
/// The axis parts every chart draws the same way: grid lines, tick marks with their labels (left, bottom, or right
/// of a color bar) and the axis titles (the x title centered, the y title turned up the left side).
/// </summary>
internal static class AxisPainter
{
    /// <summary>The color of axis lines and tick marks.</summary>
    public const string AxisColor = "#9e9e9e";

    /// <summary>
    /// Bare grid lines (styled by the enclosing group) at <paramref name="values"/> of <paramref name="axis"/>: vertical
    /// lines from <paramref name="from"/> to <paramref name="to"/> in y for an x axis, horizontal ones in x for a y axis.
    /// </summary>
    public static void GridLines(StringBuilder sb, Axis axis, IEnumerable<double> values, bool xAxis, double from, double to)
    {
        foreach (var v in values)
        {
            var p = axis.Map(v);
            var (x1, y1, x2, y2) = xAxis ? (p, from, p, to) : (from, p, to, p);
            sb.Append("<line x1=\"").Append(Svg.F(x1)).Append("\" y1=\"").Append(Svg.F(y1)).Append("\" x2=\"").Append(Svg.F(x2))
              .Append("\" y2=\"").Append(Svg.F(y2)).Append("\"/>");
        }
    }

    /// <summary>Tick marks and labels left of a vertical axis at <paramref name="left"/>.</summary>
    public static void LeftTicks(StringBuilder sb, Axis axis, (double Value, string Label)[] ticks, double left)
    {
        foreach (var (v, label) in ticks)
        {
            var p = axis.Map(v);
            Svg.Line(sb, left - 4, p, left, p, AxisColor);
            LeftLabel(sb, left, p, label);
        }
    }

    /// <summary>Tick marks and labels under a horizontal axis at <paramref name="bottom"/>.</summary>
    public static void BottomTicks(StringBuilder sb, Axis axis, (double Value, string Label)[] ticks, double bottom)
    {
        foreach (var (v, label) in ticks)
        {
            var p = axis.Map(v);
            Svg.Line(sb, p, bottom, p, bottom + 4, AxisColor);
            BottomLabel(sb, p, bottom, label);
        }
    }

    /// <summary>Tick marks and labels right of a vertical bar at <paramref name="x"/> (a color bar's scale).</summary>
    public static void RightTicks(StringBuilder sb, Axis axis, (double Value, string Label)[] ticks, double x)
    {
        foreach (var (v, label) in ticks)
        {
            var p = axis.Map(v);
            Svg.Line(sb, x, p, x + 4, p, AxisColor);
            Svg.Text(sb, x + 7, p + 4, label, 11, "start", Svg.MutedInk);
        }
    }

    /// <summary>A value label left of a vertical axis at <paramref name="left"/>, beside pixel <paramref name="p"/>.</summary>
    public static void LeftLabel(StringBuilder sb, double left, double p, string label) =>
        Svg.Text(sb, left - 7, p + 4, label, 11.5, "end", Svg.MutedInk);

    /// <summary>A value label under a horizontal axis at <paramref name="bottom"/>, below pixel <paramref name="p"/>.</summary>
    public static void BottomLabel(StringBuilder sb, double p, double bottom, string label) =>
        Svg.Text(sb, p, bottom + 18, label, 11.5, "middle", Svg.MutedInk);

    /// <summary>The x axis title centered at (<paramref name="x"/>, <paramref name="y"/>); nothing when there is none.</summary>
    public static void XTitle(StringBuilder sb, string? title, double x, double y)
    {
        if (!string.IsNullOrEmpty(title))
        {
            Svg.Text(sb, x, y, title, 13, "middle");
        }
    }

    /// <summary>The y axis title turned up, centered at (<paramref name="x"/>, <paramref name="cy"/>); nothing when there is none.</summary>
    public static void YTitle(StringBuilder sb, string? title, double x, double cy)
    {
        if (!string.IsNullOrEmpty(title))
        {
            Svg.Text(sb, x, cy, title, 13, "middle", Svg.Ink, string.Create(CultureInfo.InvariantCulture, $"transform=\"rotate(-90 {Svg.F(x)} {Svg.F(cy)})\""));
        }
    }
}
