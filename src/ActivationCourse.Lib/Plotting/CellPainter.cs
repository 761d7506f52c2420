using System.Text;

namespace ActivationCourse.Plotting;

/// <summary>
/// Draws a raster of colored cells compactly: horizontal runs of one color become one rectangle, and all rectangles
/// of a color share one path. A 28×28 digit takes a few kilobytes instead of 784 elements.
/// </summary>
internal static class CellPainter
{
    /// <summary>Paints <paramref name="colorAt"/>(row, column) (null: leave empty) as a grid of cells.</summary>
    public static void Paint(StringBuilder sb, int rows, int columns, double left, double top, double cellW, double cellH, Func<int, int, string?> colorAt)
    {
        var paths = new SortedDictionary<string, StringBuilder>(StringComparer.Ordinal);
        for (var r = 0; r < rows; r++)
        {
            var c = 0;
            while (c < columns)
            {
                var color = colorAt(r, c);
                var end = c + 1;
                while (end < columns && colorAt(r, end) == color)
                {
                    end++;
                }
                if (color is not null)
                {
                    if (!paths.TryGetValue(color, out var p))
                    {
                        paths[color] = p = new StringBuilder();
                    }
                    // Overlap neighbors by a hair so no seams show between cells.
                    var w = ((end - c) * cellW) + 0.3;
                    p.Append('M').Append(Svg.F(left + (c * cellW))).Append(' ').Append(Svg.F(top + (r * cellH)))
                     .Append('h').Append(Svg.F(w)).Append('v').Append(Svg.F(cellH + 0.3)).Append('h').Append(Svg.F(-w)).Append('z');
                }
                c = end;
            }
        }
        sb.Append("<g shape-rendering=\"crispEdges\">");
        foreach (var (color, d) in paths)
        {
            sb.Append("<path fill=\"").Append(color).Append("\" d=\"").Append(d).Append("\"/>");
        }
        sb.Append("</g>");
    }
}
