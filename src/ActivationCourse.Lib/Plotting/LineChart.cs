using System.Globalization;
using System.Text;

namespace ActivationCourse.Plotting;

/// <summary>
/// Curves of functions and their derivatives, training curves, anything y-over-x.
/// <code>
/// new LineChart { Title = "Sigmoid", XLabel = "x", YLabel = "f(x)" }
///     .AddFunction("σ(x)", x => 1 / (1 + Math.Exp(-x)), -6, 6)
///     .AddFunction("σ′(x)", x => Math.Exp(-x) / Math.Pow(1 + Math.Exp(-x), 2), -6, 6, dashed: true)
///     .HLine(0.25, "max σ′ = 0.25");
/// </code>
/// NaN and infinite values break the line instead of being drawn.
/// </summary>
public sealed class LineChart : XYChart<LineChart>
{
    private readonly List<Series> _series = [];

    /// <summary>Adds a curve through the points (xs[i], ys[i]).</summary>
    /// <param name="name">Legend text (null or empty: not in the legend).</param>
    /// <param name="xs">x values.</param>
    /// <param name="ys">y values; NaN or ∞ break the line.</param>
    /// <param name="dashed">Dashed stroke, e.g. for derivatives.</param>
    /// <param name="markers">Also draw a dot at every point.</param>
    /// <param name="color">A CSS color; by default the next palette color.</param>
    public LineChart Add(string? name, IEnumerable<double> xs, IEnumerable<double> ys, bool dashed = false, bool markers = false, string? color = null)
    {
        _series.Add(new Series(name, [.. xs], [.. ys], color ?? Palette.Color(_series.Count), true, dashed, markers, 2.2, 3));
        return this;
    }

    /// <summary>Adds a curve y = ys[i] at x = 0, 1, 2, … (loss per epoch, for example).</summary>
    public LineChart Add(string? name, IEnumerable<double> ys, bool dashed = false, bool markers = false, string? color = null)
    {
        var y = ys.ToArray();
        return Add(name, Enumerable.Range(0, y.Length).Select(i => (double)i), y, dashed, markers, color);
    }

    /// <summary>Samples <paramref name="f"/> at <paramref name="points"/> evenly spaced x in [from, to] and adds the curve.</summary>
    public LineChart AddFunction(string? name, Func<double, double> f, double from, double to, int points = 401, bool dashed = false, string? color = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        points = Math.Max(2, points);
        var xs = new double[points];
        var ys = new double[points];
        for (var i = 0; i < points; i++)
        {
            xs[i] = LogX && from > 0 && to > 0
                ? Math.Pow(10, Math.Log10(from) + ((Math.Log10(to) - Math.Log10(from)) * i / (points - 1)))
                : from + ((to - from) * i / (points - 1));
            ys[i] = f(xs[i]);
        }
        return Add(name, xs, ys, dashed, false, color);
    }

    /// <summary>Adds points without a connecting line.</summary>
    public LineChart AddPoints(string? name, IEnumerable<double> xs, IEnumerable<double> ys, string? color = null)
    {
        _series.Add(new Series(name, [.. xs], [.. ys], color ?? Palette.Color(_series.Count), false, false, true, 0, 3.5));
        return this;
    }

    /// <summary>Number of curves and point sets.</summary>
    public int SeriesCount => _series.Count;

    internal override bool PadX => _series.Any(s => s.Markers);

    internal override IEnumerable<(double X, double Y)> Occupied() =>
        _series.SelectMany(s => s.Xs.Zip(s.Ys));

    internal override void CollectBounds(List<double> xs, List<double> ys) => _series.ForEach(s => s.Collect(xs, ys));

    internal override void DrawData(StringBuilder sb, Axis x, Axis y) => _series.ForEach(s => s.Draw(sb, x, y));

    internal override IEnumerable<LegendItem> LegendItems() => _series.Select(s => s.Legend);

    /// <inheritdoc/>
    protected override string Describe() => string.Create(CultureInfo.InvariantCulture, $"{_series.Count} series");
}
