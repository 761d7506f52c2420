using System.Globalization;
using System.Text;

namespace ActivationCourse.Plotting;

/// <summary>The legend every chart draws the same way: a column of swatches and names, outside right or boxed inside the plot.</summary>
internal static class LegendPainter
{
    /// <summary>The width a legend outside the plot takes, or 0 for none.</summary>
    public static double Width(IReadOnlyList<LegendItem> items) => items.Count == 0 ? 0 : items.Max(i => Svg.TextWidth(i.Name, 12)) + 44;

    /// <summary>
    /// A boxed legend inside the plot area, in the corner whose box covers the fewest of the data points
    /// <paramref name="pixels"/> (ties keep the order: top right, top left, bottom right, bottom left).
    /// </summary>
    public static void DrawInside(StringBuilder sb, IReadOnlyList<LegendItem> items, IReadOnlyList<(double X, double Y)> pixels, double left, double top, double plotW, double plotH)
    {
        var boxW = items.Max(i => Svg.TextWidth(i.Name, 12)) + 46;
        var boxH = (items.Count * 20) + 8;
        (double X, double Y)[] corners =
        [
            (left + plotW - boxW - 8, top + 8),
            (left + 8, top + 8),
            (left + plotW - boxW - 8, top + plotH - boxH - 8),
            (left + 8, top + plotH - boxH - 8),
        ];
        var best = corners.OrderBy(c => pixels.Count(p => p.X >= c.X - 6 && p.X <= c.X + boxW + 6 && p.Y >= c.Y - 6 && p.Y <= c.Y + boxH + 6)).First();
        Svg.Rect(sb, best.X, best.Y, boxW, boxH, "#ffffff", "fill-opacity=\"0.88\" stroke=\"#dddddd\" rx=\"3\"");
        Draw(sb, items, best.X + 8, best.Y + 4);
    }

    /// <summary>The entries one under another, from (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static void Draw(StringBuilder sb, IReadOnlyList<LegendItem> items, double x, double y)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var it = items[i];
            var cy = y + 8 + (i * 20);
            Swatch(sb, it, x, cy);
            Svg.Text(sb, x + 30, cy + 4, it.Name, 12);
        }
    }

    private static void Swatch(StringBuilder sb, LegendItem it, double x, double cy)
    {
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
    }
}
