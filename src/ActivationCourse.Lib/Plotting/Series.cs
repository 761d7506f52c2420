using System.Text;

namespace ActivationCourse.Plotting;

/// <summary>One drawn data set of a line or scatter chart.</summary>
internal sealed record Series(string? Name, double[] Xs, double[] Ys, string Color, bool Line, bool Dashed, bool Markers, double StrokeWidth, double MarkerRadius)
{
    public LegendItem Legend => new(Name ?? "", Color,
        Line ? (Markers ? LegendSwatch.LineWithMarker : LegendSwatch.Line) : LegendSwatch.Marker, Dashed);

    public void Collect(List<double> xs, List<double> ys)
    {
        xs.AddRange(Xs);
        ys.AddRange(Ys);
    }

    /// <summary>Writes the series; points that cannot be drawn (NaN, ∞, ≤ 0 on log axes) break the line.</summary>
    public void Draw(StringBuilder sb, Axis x, Axis y)
    {
        var n = Math.Min(Xs.Length, Ys.Length);
        if (Line)
        {
            var path = new StringBuilder();
            var pen = false;
            for (var i = 0; i < n; i++)
            {
                var px = x.Map(Xs[i]);
                var py = y.Map(Ys[i]);
                if (double.IsNaN(px) || double.IsNaN(py))
                {
                    pen = false;
                    continue;
                }
                path.Append(pen ? 'L' : 'M').Append(Svg.F(px)).Append(' ').Append(Svg.F(py));
                pen = true;
            }
            if (path.Length > 0)
            {
                sb.Append("<path d=\"").Append(path).Append("\" fill=\"none\" stroke=\"").Append(Color).Append("\" stroke-width=\"").Append(Svg.F(StrokeWidth))
                  .Append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
                if (Dashed)
                {
                    sb.Append(" stroke-dasharray=\"7 5\"");
                }
                sb.Append("/>");
            }
        }
        if (Markers)
        {
            sb.Append("<g fill=\"").Append(Color).Append("\" stroke=\"#fff\" stroke-width=\"").Append(Line ? "0.8" : "1").Append("\">");
            for (var i = 0; i < n; i++)
            {
                var px = x.Map(Xs[i]);
                var py = y.Map(Ys[i]);
                if (double.IsNaN(px) || double.IsNaN(py))
                {
                    continue;
                }
                sb.Append("<circle cx=\"").Append(Svg.F(px)).Append("\" cy=\"").Append(Svg.F(py)).Append("\" r=\"").Append(Svg.F(MarkerRadius)).Append("\"/>");
            }
            sb.Append("</g>");
        }
    }
}
