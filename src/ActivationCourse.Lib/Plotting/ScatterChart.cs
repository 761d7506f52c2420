using System.Globalization;
using System.Text;

namespace ActivationCourse.Plotting;

/// <summary>
/// Points colored by class over an optional background map of decision regions, plus polylines (for a grid of
/// lines before and after a layer bends space).
/// <code>
/// new ScatterChart { Title = "XOR" }
///     .Probability((x, y) => net.Predict(x, y), resolution: 80)
///     .AddClasses(xs, ys, labels, "class 0", "class 1");
/// </code>
/// </summary>
public sealed class ScatterChart : XYChart<ScatterChart>
{
    private readonly List<Series> _series = [];
    private Func<double, double, double>? _region;
    private bool _regionIsProbability;
    private int _resolution = 80;
    private int _colorIndex;

    /// <summary>Radius of point markers in pixels.</summary>
    public double MarkerRadius { get; set; } = 4.5;

    /// <summary>Adds one set of points in the next palette color.</summary>
    public ScatterChart Add(string? name, IEnumerable<double> xs, IEnumerable<double> ys, string? color = null)
    {
        _series.Add(new Series(name, [.. xs], [.. ys], color ?? Palette.Color(_colorIndex++), false, false, true, 0, MarkerRadius));
        return this;
    }

    /// <summary>
    /// Adds points colored by their class label: class k uses palette color k, the same color its decision region gets.
    /// </summary>
    /// <param name="xs">x coordinates.</param>
    /// <param name="ys">y coordinates.</param>
    /// <param name="labels">Class of each point (0, 1, 2, …).</param>
    /// <param name="classNames">Legend names per class; "class k" when missing.</param>
    public ScatterChart AddClasses(IReadOnlyList<double> xs, IReadOnlyList<double> ys, IReadOnlyList<int> labels, params string[] classNames)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        ArgumentNullException.ThrowIfNull(labels);
        var n = Math.Min(Math.Min(xs.Count, ys.Count), labels.Count);
        foreach (var k in Enumerable.Range(0, n).Select(i => labels[i]).Distinct().Order())
        {
            var idx = Enumerable.Range(0, n).Where(i => labels[i] == k).ToArray();
            var name = k >= 0 && k < classNames.Length ? classNames[k] : string.Create(CultureInfo.InvariantCulture, $"class {k}");
            _series.Add(new Series(name, [.. idx.Select(i => xs[i])], [.. idx.Select(i => ys[i])], Palette.Color(k), false, false, true, 0, MarkerRadius));
        }
        _colorIndex = Math.Max(_colorIndex, labels.Take(n).DefaultIfEmpty(-1).Max() + 1);
        return this;
    }

    /// <summary>Adds a thin polyline (one line of a deformed grid, a trajectory); NaN breaks it.</summary>
    public ScatterChart AddLine(IEnumerable<double> xs, IEnumerable<double> ys, string? color = null, string? name = null, double width = 1.3, bool dashed = false)
    {
        _series.Add(new Series(name, [.. xs], [.. ys], color ?? "#0072B2", true, dashed, false, width, 0));
        return this;
    }

    /// <summary>Shades the background by class: <paramref name="classOf"/>(x, y) returns 0, 1, 2, … (palette colors, softened).</summary>
    public ScatterChart Regions(Func<double, double, int> classOf, int resolution = 80)
    {
        ArgumentNullException.ThrowIfNull(classOf);
        _region = (x, y) => classOf(x, y);
        _regionIsProbability = false;
        _resolution = Math.Clamp(resolution, 4, 400);
        return this;
    }

    /// <summary>
    /// Shades the background by the probability of class 1: 0 gives class 0's color, 1 gives class 1's, 0.5 is white.
    /// </summary>
    public ScatterChart Probability(Func<double, double, double> probabilityOfClass1, int resolution = 80)
    {
        ArgumentNullException.ThrowIfNull(probabilityOfClass1);
        _region = probabilityOfClass1;
        _regionIsProbability = true;
        _resolution = Math.Clamp(resolution, 4, 400);
        return this;
    }

    internal override bool PadX => true;

    internal override IEnumerable<(double X, double Y)> Occupied() =>
        _series.SelectMany(s => s.Xs.Zip(s.Ys));

    internal override void CollectBounds(List<double> xs, List<double> ys) => _series.ForEach(s => s.Collect(xs, ys));

    internal override void DrawBackground(StringBuilder sb, Axis x, Axis y)
    {
        if (_region is null)
        {
            return;
        }
        var w = Math.Abs(x.To - x.From);
        var h = Math.Abs(y.To - y.From);
        var cell = Math.Max(w, h) / _resolution;
        var cols = (int)Math.Ceiling(w / cell);
        var rows = (int)Math.Ceiling(h / cell);
        var left = Math.Min(x.From, x.To);
        var top = Math.Min(y.From, y.To);
        var colors = new string?[rows, cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                double v;
                try
                {
                    v = _region(x.Unmap(left + ((c + 0.5) * cell)), y.Unmap(top + ((r + 0.5) * cell)));
                }
                catch (ArithmeticException)
                {
                    v = double.NaN;
                }
                colors[r, c] = RegionColor(v);
            }
        }
        CellPainter.Paint(sb, rows, cols, left, top, cell, cell, (r, c) => colors[r, c]);
    }

    private string? RegionColor(double v)
    {
        if (!double.IsFinite(v))
        {
            return null;
        }
        if (!_regionIsProbability)
        {
            return Palette.Mix("#ffffff", Palette.Color((int)Math.Round(v)), 0.22);
        }
        // Quantized to 16 steps per side: smooth to the eye, and equal neighbors merge into one rectangle.
        var p = Math.Clamp(v, 0, 1);
        var t = Math.Round(Math.Abs(p - 0.5) * 2 * 16) / 16;
        return Palette.Mix("#ffffff", Palette.Color(p < 0.5 ? 0 : 1), 0.32 * t);
    }

    internal override void DrawData(StringBuilder sb, Axis x, Axis y) => _series.ForEach(s => s.Draw(sb, x, y));

    internal override IEnumerable<LegendItem> LegendItems() => _series.Select(s => s.Legend);

    /// <inheritdoc/>
    protected override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{_series.Count} series{(_region is null ? "" : ", with regions")}");
}
