using System.Globalization;
using System.Text;

namespace ActivationCourse.Plotting;

/// <summary>
/// Bars over named categories, optionally grouped (one bar per series in each category) and with error bars
/// (mean ± spread across seeds). Set <see cref="Horizontal"/> for long category names.
/// <code>
/// new BarChart { Title = "Test accuracy", ValueLabel = "accuracy" }
///     .Categories("ReLU", "tanh", "sigmoid")
///     .Add("mean of 5 seeds", means, errors: stds);
/// </code>
/// </summary>
public sealed class BarChart : Chart
{
    private readonly List<(string? Name, double[] Values, double[]? Errors, string Color)> _series = [];
    private string[] _categories = [];

    /// <summary>Label of the value axis.</summary>
    public string? ValueLabel { get; set; }

    /// <summary>Label of the category axis.</summary>
    public string? CategoryLabel { get; set; }

    /// <summary>Bars grow to the right and categories are listed top to bottom.</summary>
    public bool Horizontal { get; set; }

    /// <summary>Fixed lower end of the value axis (default: 0 or the lowest value).</summary>
    public double? Min { get; set; }

    /// <summary>Fixed upper end of the value axis (automatic when null).</summary>
    public double? Max { get; set; }

    /// <summary>Write each bar's value at its end.</summary>
    public bool ShowValues { get; set; }

    /// <summary>.NET number format of the values written by <see cref="ShowValues"/>.</summary>
    public string ValueFormat { get; set; } = "0.###";

    /// <summary>Sets the category names.</summary>
    public BarChart Categories(params string[] names)
    {
        _categories = names ?? [];
        return this;
    }

    /// <summary>Adds one bar per category; <paramref name="errors"/> draws whiskers at value ± error.</summary>
    public BarChart Add(string? name, IEnumerable<double> values, IEnumerable<double>? errors = null, string? color = null)
    {
        _series.Add((name, [.. values], errors?.ToArray(), color ?? Palette.Color(_series.Count)));
        return this;
    }

    private int CategoryCount => Math.Max(_categories.Length, _series.Count == 0 ? 0 : _series.Max(s => s.Values.Length));

    private string CategoryName(int i) => i < _categories.Length ? _categories[i] : (i + 1).ToString(CultureInfo.InvariantCulture);

    internal override void Render(StringBuilder sb, double width, double height)
    {
        var vals = new List<double> { 0 };
        foreach (var s in _series)
        {
            for (var i = 0; i < s.Values.Length; i++)
            {
                var e = s.Errors is not null && i < s.Errors.Length && double.IsFinite(s.Errors[i]) ? Math.Abs(s.Errors[i]) : 0;
                if (double.IsFinite(s.Values[i]))
                {
                    vals.Add(s.Values[i] + e);
                    vals.Add(s.Values[i] - e);
                }
            }
        }
        var lo = Min ?? vals.Min();
        var hi = Max ?? vals.Max();
        if (!(hi > lo))
        {
            hi = lo + 1;
        }
        if (Max is null)
        {
            hi += (hi - lo) * 0.05;
        }
        if (Min is null && lo < 0)
        {
            lo -= (hi - lo) * 0.05;
        }

        var top = DrawTitle(sb, width) + 6;
        var legend = _series.Where(s => !string.IsNullOrEmpty(s.Name)).Select(s => new LegendItem(s.Name!, s.Color, LegendSwatch.Box, Opacity: 1)).ToList();
        if (_series.Count == 1)
        {
            legend.Clear();
        }
        var legendW = legend.Count == 0 ? 0 : legend.Max(i => Svg.TextWidth(i.Name, 12)) + 44;
        var n = CategoryCount;
        var catLabelW = n == 0 ? 0 : Enumerable.Range(0, n).Max(i => Svg.TextWidth(CategoryName(i), 12));
        var right = legendW > 0 ? legendW + 18 : 22;

        double left, bottom;
        Axis valueAxis;
        (double Value, string Label)[] ticks;
        if (Horizontal)
        {
            left = 12 + (string.IsNullOrEmpty(CategoryLabel) ? 0 : 22) + catLabelW + 8;
            bottom = 30 + (string.IsNullOrEmpty(ValueLabel) ? 0 : 20) + 6;
            var plotW = Math.Max(40, width - left - right);
            valueAxis = new Axis(lo, hi, false, left, left + plotW);
            ticks = valueAxis.TickMarks(Math.Max(2, (int)(plotW / 85)));
        }
        else
        {
            var plotH0 = Math.Max(40, height - top - 60);
            valueAxis = new Axis(lo, hi, false, top + plotH0, top);
            ticks = valueAxis.TickMarks(Math.Max(2, (int)(plotH0 / 55)));
            left = 10 + (string.IsNullOrEmpty(ValueLabel) ? 0 : 22) + ticks.Max(t => Svg.TextWidth(t.Label, 11.5)) + 10;
            var slot0 = (width - left - right) / Math.Max(1, n);
            var rotate = catLabelW > slot0 - 6;
            bottom = (rotate ? Math.Min(catLabelW * 0.72, 120) + 22 : 30) + (string.IsNullOrEmpty(CategoryLabel) ? 0 : 20) + 6;
            var plotH = Math.Max(40, height - top - bottom);
            valueAxis = new Axis(lo, hi, false, top + plotH, top);
            ticks = valueAxis.TickMarks(Math.Max(2, (int)(plotH / 55)));
        }
        var plotRight = width - right;
        var plotBottom = height - bottom;
        var catFrom = Horizontal ? top : left;
        var catTo = Horizontal ? plotBottom : plotRight;
        var slot = (catTo - catFrom) / Math.Max(1, n);

        // Grid lines along the value axis.
        foreach (var (v, label) in ticks)
        {
            var p = valueAxis.Map(v);
            if (Horizontal)
            {
                Svg.Line(sb, p, top, p, plotBottom, v == 0 ? "#9e9e9e" : Svg.GridColor);
                Svg.Text(sb, p, plotBottom + 18, label, 11.5, "middle", Svg.MutedInk);
            }
            else
            {
                Svg.Line(sb, left, p, plotRight, p, v == 0 ? "#9e9e9e" : Svg.GridColor);
                Svg.Text(sb, left - 7, p + 4, label, 11.5, "end", Svg.MutedInk);
            }
        }

        var groups = Math.Max(1, _series.Count);
        var fill = groups == 1 ? 0.62 : 0.8;
        var barW = slot * fill / groups;
        var zero = valueAxis.Map(Math.Clamp(0, lo, hi));
        for (var s = 0; s < _series.Count; s++)
        {
            var (_, values, errors, color) = _series[s];
            for (var i = 0; i < values.Length && i < n; i++)
            {
                var v = valueAxis.Map(values[i]);
                if (double.IsNaN(v))
                {
                    continue;
                }
                var c0 = catFrom + (i * slot) + (slot * (1 - fill) / 2) + (s * barW);
                var a = Math.Min(v, zero);
                var len = Math.Abs(v - zero);
                if (Horizontal)
                {
                    Svg.Rect(sb, a, c0, len, barW * 0.92, color, "rx=\"1.5\"");
                }
                else
                {
                    Svg.Rect(sb, c0, a, barW * 0.92, len, color, "rx=\"1.5\"");
                }
                if (ShowValues)
                {
                    var text = Svg.Number(values[i], ValueFormat);
                    var err = errors is not null && i < errors.Length && double.IsFinite(errors[i]) ? Math.Abs(errors[i]) : 0;
                    var end = valueAxis.Map(values[i] + (values[i] < 0 ? -err : err));
                    var mid2 = c0 + (barW * 0.46);
                    var neg = values[i] < 0;
                    if (Horizontal)
                    {
                        Svg.Text(sb, end + (neg ? -5 : 5), mid2 + 4, text, 11, neg ? "end" : "start", Svg.MutedInk);
                    }
                    else
                    {
                        Svg.Text(sb, mid2, end + (neg ? 14 : -5), text, 11, "middle", Svg.MutedInk);
                    }
                }
                if (errors is not null && i < errors.Length && double.IsFinite(errors[i]) && errors[i] != 0)
                {
                    var e1 = valueAxis.Map(values[i] - Math.Abs(errors[i]));
                    var e2 = valueAxis.Map(values[i] + Math.Abs(errors[i]));
                    var mid = c0 + (barW * 0.46);
                    var cap = Math.Min(6, barW * 0.25);
                    if (Horizontal)
                    {
                        Svg.Line(sb, e1, mid, e2, mid, "#333", 1.3);
                        Svg.Line(sb, e1, mid - cap, e1, mid + cap, "#333", 1.3);
                        Svg.Line(sb, e2, mid - cap, e2, mid + cap, "#333", 1.3);
                    }
                    else
                    {
                        Svg.Line(sb, mid, e1, mid, e2, "#333", 1.3);
                        Svg.Line(sb, mid - cap, e1, mid + cap, e1, "#333", 1.3);
                        Svg.Line(sb, mid - cap, e2, mid + cap, e2, "#333", 1.3);
                    }
                }
            }
        }

        // Category labels.
        var rotateLabels = !Horizontal && catLabelW > slot - 6;
        for (var i = 0; i < n; i++)
        {
            var mid = catFrom + ((i + 0.5) * slot);
            if (Horizontal)
            {
                Svg.Text(sb, left - 8, mid + 4, CategoryName(i), 12, "end");
            }
            else if (rotateLabels)
            {
                var y = plotBottom + 14;
                Svg.Text(sb, mid, y, CategoryName(i), 12, "end", Svg.Ink,
                    string.Create(CultureInfo.InvariantCulture, $"transform=\"rotate(-35 {Svg.F(mid)} {Svg.F(y)})\""));
            }
            else
            {
                Svg.Text(sb, mid, plotBottom + 18, CategoryName(i), 12, "middle");
            }
        }
        if (Horizontal)
        {
            Svg.Line(sb, left, top, left, plotBottom, "#9e9e9e");
        }
        else
        {
            Svg.Line(sb, left, plotBottom, plotRight, plotBottom, "#9e9e9e");
        }

        var valueTitle = ValueLabel;
        var catTitle = CategoryLabel;
        var xTitle = Horizontal ? valueTitle : catTitle;
        var yTitle = Horizontal ? catTitle : valueTitle;
        if (!string.IsNullOrEmpty(xTitle))
        {
            Svg.Text(sb, (left + plotRight) / 2, height - 10, xTitle, 13, "middle");
        }
        if (!string.IsNullOrEmpty(yTitle))
        {
            var cy = (top + plotBottom) / 2;
            Svg.Text(sb, 16, cy, yTitle, 13, "middle", Svg.Ink, string.Create(CultureInfo.InvariantCulture, $"transform=\"rotate(-90 16 {Svg.F(cy)})\""));
        }
        if (legend.Count > 0)
        {
            XYChart<LineChart>.DrawLegend(sb, legend, plotRight + 16, top + 4);
        }
    }

    /// <summary>The categories, the series and the range of the bars.</summary>
    internal override string Summarize()
    {
        var categories = string.Join(", ", Enumerable.Range(0, CategoryCount).Select(CategoryName));
        var span = Span(_series.SelectMany(s => s.Values));
        return $"{_series.Count} series{Names(_series.Select(s => s.Name))} over {CategoryCount} categories ({categories})" + (span is null ? "" : $", values {span}");
    }

    /// <inheritdoc/>
    protected override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{CategoryCount} categories, {_series.Count} series");
}
