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
        var (lo, hi) = ValueRange();
        var top = DrawTitle(sb, width) + 6;
        var legend = _series.Count == 1 ? []
            : _series.Where(s => !string.IsNullOrEmpty(s.Name)).Select(s => new LegendItem(s.Name!, s.Color, LegendSwatch.Box, Opacity: 1)).ToList();
        var legendW = LegendPainter.Width(legend);
        var box = LayOut(width, height, top, legendW > 0 ? legendW + 18 : 22, lo, hi);

        DrawValueGrid(sb, box);
        var zero = box.Values.Map(Math.Clamp(0, lo, hi));
        for (var s = 0; s < _series.Count; s++)
        {
            DrawSeries(sb, box, s, zero);
        }
        DrawCategoryLabels(sb, box);
        if (Horizontal)
        {
            Svg.Line(sb, box.Left, box.Top, box.Left, box.PlotBottom, AxisPainter.AxisColor);
        }
        else
        {
            Svg.Line(sb, box.Left, box.PlotBottom, box.PlotRight, box.PlotBottom, AxisPainter.AxisColor);
        }

        AxisPainter.XTitle(sb, Horizontal ? ValueLabel : CategoryLabel, (box.Left + box.PlotRight) / 2, height - 10);
        AxisPainter.YTitle(sb, Horizontal ? CategoryLabel : ValueLabel, 16, (box.Top + box.PlotBottom) / 2);
        if (legend.Count > 0)
        {
            LegendPainter.Draw(sb, legend, box.PlotRight + 16, top + 4);
        }
    }

    /// <summary>The value axis's range: every bar and whisker (and 0), with a margin where it is not fixed.</summary>
    private (double Lo, double Hi) ValueRange()
    {
        var vals = new List<double> { 0 };
        foreach (var s in _series)
        {
            for (var i = 0; i < s.Values.Length; i++)
            {
                if (double.IsFinite(s.Values[i]))
                {
                    var e = ErrorAt(s.Errors, i);
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
        return (lo, hi);
    }

    /// <summary>The size of error <paramref name="i"/> (0 when there is none or it is not finite).</summary>
    private static double ErrorAt(double[]? errors, int i) =>
        errors is not null && i < errors.Length && double.IsFinite(errors[i]) ? Math.Abs(errors[i]) : 0;

    /// <summary>Where the bars go: the plot's edges, the value axis with its ticks, and one slot per category along the other axis.</summary>
    private sealed record BarBox(double Left, double Top, double PlotRight, double PlotBottom, Axis Values, (double Value, string Label)[] Ticks, double CategoryLabelWidth)
    {
        public int Count { get; init; }

        public bool Horizontal { get; init; }

        public double CategoryFrom => Horizontal ? Top : Left;

        public double Slot => ((Horizontal ? PlotBottom : PlotRight) - CategoryFrom) / Math.Max(1, Count);

        /// <summary>Vertical bars whose category names do not fit their slot get them turned.</summary>
        public bool RotateLabels => !Horizontal && CategoryLabelWidth > Slot - 6;
    }

    private BarBox LayOut(double width, double height, double top, double right, double lo, double hi)
    {
        var n = CategoryCount;
        var catLabelW = n == 0 ? 0 : Enumerable.Range(0, n).Max(i => Svg.TextWidth(CategoryName(i), 12));
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
            // Tick labels first (they set the left margin), then whether category names must turn (they set the bottom).
            var plotH0 = Math.Max(40, height - top - 60);
            ticks = new Axis(lo, hi, false, top + plotH0, top).TickMarks(Math.Max(2, (int)(plotH0 / 55)));
            left = 10 + (string.IsNullOrEmpty(ValueLabel) ? 0 : 22) + ticks.Max(t => Svg.TextWidth(t.Label, 11.5)) + 10;
            var rotate = catLabelW > ((width - left - right) / Math.Max(1, n)) - 6;
            bottom = (rotate ? Math.Min(catLabelW * 0.72, 120) + 22 : 30) + (string.IsNullOrEmpty(CategoryLabel) ? 0 : 20) + 6;
            var plotH = Math.Max(40, height - top - bottom);
            valueAxis = new Axis(lo, hi, false, top + plotH, top);
            ticks = valueAxis.TickMarks(Math.Max(2, (int)(plotH / 55)));
        }
        return new BarBox(left, top, width - right, height - bottom, valueAxis, ticks, catLabelW) { Count = n, Horizontal = Horizontal };
    }

    /// <summary>Grid lines across the bars at the value ticks (darker at 0), with their labels.</summary>
    private void DrawValueGrid(StringBuilder sb, BarBox box)
    {
        foreach (var (v, label) in box.Ticks)
        {
            var p = box.Values.Map(v);
            var color = v == 0 ? AxisPainter.AxisColor : Svg.GridColor;
            if (Horizontal)
            {
                Svg.Line(sb, p, box.Top, p, box.PlotBottom, color);
                AxisPainter.BottomLabel(sb, p, box.PlotBottom, label);
            }
            else
            {
                Svg.Line(sb, box.Left, p, box.PlotRight, p, color);
                AxisPainter.LeftLabel(sb, box.Left, p, label);
            }
        }
    }

    /// <summary>Series <paramref name="s"/>: its bar in each category's slot (side by side with the other series), value and whisker.</summary>
    private void DrawSeries(StringBuilder sb, BarBox box, int s, double zero)
    {
        var groups = Math.Max(1, _series.Count);
        var fill = groups == 1 ? 0.62 : 0.8;
        var slot = box.Slot;
        var barW = slot * fill / groups;
        var (_, values, errors, color) = _series[s];
        for (var i = 0; i < values.Length && i < box.Count; i++)
        {
            var v = box.Values.Map(values[i]);
            if (double.IsNaN(v))
            {
                continue;
            }
            var c0 = box.CategoryFrom + (i * slot) + (slot * (1 - fill) / 2) + (s * barW);
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
            var mid = c0 + (barW * 0.46);
            if (ShowValues)
            {
                DrawValue(sb, box.Values, values[i], ErrorAt(errors, i), mid);
            }
            if (ErrorAt(errors, i) != 0)
            {
                DrawWhisker(sb, box.Values, values[i], ErrorAt(errors, i), mid, Math.Min(6, barW * 0.25));
            }
        }
    }

    /// <summary>The value written just past the end of its bar (past the whisker, when there is one).</summary>
    private void DrawValue(StringBuilder sb, Axis axis, double value, double error, double mid)
    {
        var text = Svg.Number(value, ValueFormat);
        var neg = value < 0;
        var end = axis.Map(value + (neg ? -error : error));
        if (Horizontal)
        {
            Svg.Text(sb, end + (neg ? -5 : 5), mid + 4, text, 11, neg ? "end" : "start", Svg.MutedInk);
        }
        else
        {
            Svg.Text(sb, mid, end + (neg ? 14 : -5), text, 11, "middle", Svg.MutedInk);
        }
    }

    /// <summary>An error bar: value ± error, with caps <paramref name="cap"/> long on each side.</summary>
    private void DrawWhisker(StringBuilder sb, Axis axis, double value, double error, double mid, double cap)
    {
        var e1 = axis.Map(value - error);
        var e2 = axis.Map(value + error);
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

    /// <summary>The category names beside (horizontal) or under (vertical; turned when they do not fit) their slots.</summary>
    private void DrawCategoryLabels(StringBuilder sb, BarBox box)
    {
        var slot = box.Slot;
        var rotate = box.RotateLabels;
        for (var i = 0; i < box.Count; i++)
        {
            var mid = box.CategoryFrom + ((i + 0.5) * slot);
            if (Horizontal)
            {
                Svg.Text(sb, box.Left - 8, mid + 4, CategoryName(i), 12, "end");
            }
            else if (rotate)
            {
                var y = box.PlotBottom + 14;
                Svg.Text(sb, mid, y, CategoryName(i), 12, "end", Svg.Ink,
                    string.Create(CultureInfo.InvariantCulture, $"transform=\"rotate(-35 {Svg.F(mid)} {Svg.F(y)})\""));
            }
            else
            {
                Svg.Text(sb, mid, box.PlotBottom + 18, CategoryName(i), 12, "middle");
            }
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
