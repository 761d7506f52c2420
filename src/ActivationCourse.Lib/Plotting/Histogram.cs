using System.Globalization;
using System.Text;

namespace ActivationCourse.Plotting;

/// <summary>How several histograms share the bins.</summary>
public enum HistogramLayout
{
    /// <summary>Bars drawn over each other with transparency.</summary>
    Overlay,

    /// <summary>Each bin split into one thin bar per series.</summary>
    SideBySide,
}

/// <summary>
/// Distributions of values, for example pre-activations or gradients per layer; all series share the same bins.
/// <code>new Histogram { Title = "Pre-activations", Bins = 40 }.Add("layer 1", z1).Add("layer 4", z4);</code>
/// NaN and ∞ values are left out of the counts.
/// </summary>
public sealed class Histogram : XYChart<Histogram>
{
    private readonly List<(string? Name, double[] Values, string Color)> _series = [];

    /// <summary>Number of equal-width bins.</summary>
    public int Bins { get; set; } = 30;

    /// <summary>Overlay (default) or side by side.</summary>
    public HistogramLayout Layout { get; set; } = HistogramLayout.Overlay;

    /// <summary>Plot densities (area 1 per series) instead of counts.</summary>
    public bool Density { get; set; }

    /// <summary>Creates a histogram with "count" as the default y label.</summary>
    public Histogram() => YLabel = "count";

    /// <summary>Adds a data set (NaN and ∞ are ignored).</summary>
    public Histogram Add(string? name, IEnumerable<double> values, string? color = null)
    {
        _series.Add((name, [.. values.Where(double.IsFinite)], color ?? Palette.Color(_series.Count)));
        return this;
    }

    internal override bool YFromZero => true;

    private (double Lo, double Hi) Range()
    {
        var all = _series.SelectMany(s => s.Values).ToList();
        var lo = XMin ?? (all.Count > 0 ? all.Min() : 0);
        var hi = XMax ?? (all.Count > 0 ? all.Max() : 1);
        if (!(hi > lo))
        {
            lo -= 0.5;
            hi += 0.5;
        }
        return (lo, hi);
    }

    /// <summary>Counts (or densities) per bin for each series, and the bin edges.</summary>
    internal (double[] Edges, double[][] Heights) Compute()
    {
        var bins = Math.Max(1, Bins);
        var (lo, hi) = Range();
        var width = (hi - lo) / bins;
        var edges = Enumerable.Range(0, bins + 1).Select(i => lo + (i * width)).ToArray();
        var heights = _series.Select(s =>
        {
            var h = new double[bins];
            foreach (var v in s.Values)
            {
                if (v < lo || v > hi)
                {
                    continue;
                }
                h[Math.Min(bins - 1, (int)((v - lo) / width))]++;
            }
            if (Density && s.Values.Length > 0)
            {
                for (var i = 0; i < bins; i++)
                {
                    h[i] /= s.Values.Length * width;
                }
            }
            return h;
        }).ToArray();
        return (edges, heights);
    }

    internal override IEnumerable<(double X, double Y)> Occupied()
    {
        var (edges, heights) = Compute();
        for (var b = 0; b < edges.Length - 1; b++)
        {
            var mid = (edges[b] + edges[b + 1]) / 2;
            foreach (var h in heights)
            {
                // The whole bar is occupied: sample it from the top down to the axis.
                for (var k = 1; k <= 8; k++)
                {
                    yield return (mid, h[b] * k / 8);
                }
            }
        }
    }

    internal override void CollectBounds(List<double> xs, List<double> ys)
    {
        var (edges, heights) = Compute();
        xs.Add(edges[0]);
        xs.Add(edges[^1]);
        ys.Add(0);
        foreach (var h in heights)
        {
            ys.AddRange(h);
        }
    }

    internal override void DrawData(StringBuilder sb, Axis x, Axis y)
    {
        var (edges, heights) = Compute();
        var n = heights.Length;
        var overlay = Layout == HistogramLayout.Overlay || n == 1;
        for (var s = 0; s < n; s++)
        {
            var color = _series[s].Color;
            sb.Append("<g fill=\"").Append(color).Append("\" fill-opacity=\"").Append(overlay && n > 1 ? "0.45" : "0.75")
              .Append("\" stroke=\"").Append(color).Append("\" stroke-width=\"0.8\">");
            for (var b = 0; b < edges.Length - 1; b++)
            {
                var hv = heights[s][b];
                if (hv <= 0)
                {
                    continue;
                }
                double a = x.Map(edges[b]), c = x.Map(edges[b + 1]);
                if (!overlay)
                {
                    var w = (c - a) / n;
                    a += w * s;
                    c = a + w;
                }
                var baseY = y.Log ? Math.Max(y.From, y.To) : y.Map(0);
                var top = y.Map(hv);
                if (double.IsNaN(top) || double.IsNaN(a) || double.IsNaN(c))
                {
                    continue;
                }
                Svg.Rect(sb, a, top, c - a, baseY - top, color);
            }
            sb.Append("</g>");
        }
    }

    internal override IEnumerable<LegendItem> LegendItems() => _series.Select(s => new LegendItem(s.Name ?? "", s.Color, LegendSwatch.Box, Opacity: _series.Count > 1 && Layout == HistogramLayout.Overlay ? 0.45 : 0.75));

    /// <inheritdoc/>
    protected override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{_series.Count} series, {Bins} bins");
}
