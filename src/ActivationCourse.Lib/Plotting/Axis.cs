namespace ActivationCourse.Plotting;

/// <summary>Maps data values on one axis to pixels (linear or log10).</summary>
internal readonly record struct Axis(double Min, double Max, bool Log, double From, double To)
{
    /// <summary>The pixel of a data value, or NaN when the value cannot be drawn (NaN, ∞, or ≤ 0 on a log axis).</summary>
    public double Map(double v)
    {
        if (!double.IsFinite(v) || (Log && v <= 0))
        {
            return double.NaN;
        }
        var t = Log ? (Math.Log10(v) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min)) : (v - Min) / (Max - Min);
        var p = From + (t * (To - From));
        // Far outside values are clamped: the plot area clips them anyway, and coordinates stay small.
        return Math.Clamp(p, -20000, 20000);
    }

    /// <summary>The data value of a pixel.</summary>
    public double Unmap(double p)
    {
        var t = (p - From) / (To - From);
        return Log ? Math.Pow(10, Math.Log10(Min) + (t * (Math.Log10(Max) - Math.Log10(Min)))) : Min + (t * (Max - Min));
    }

    /// <summary>Minor grid values of a log axis (2–9 times each decade) when it spans few decades; otherwise none.</summary>
    public double[] MinorTicks()
    {
        if (!Log || Math.Log10(Max / Min) > 5)
        {
            return [];
        }
        var list = new List<double>();
        for (var k = (int)Math.Floor(Math.Log10(Min)); k <= (int)Math.Ceiling(Math.Log10(Max)); k++)
        {
            for (var m = 2; m <= 9; m++)
            {
                var v = m * Math.Pow(10, k);
                if (v > Min && v < Max)
                {
                    list.Add(v);
                }
            }
        }
        return [.. list];
    }

    /// <summary>Tick values and their labels.</summary>
    public (double Value, string Label)[] TickMarks(int target)
    {
        if (Log)
        {
            var (min, max) = (Min, Max);
            var decades = Ticks.Log(min, max).Where(v => v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)).Select(v => (v, Ticks.LogLabel(v)));
            if (Math.Log10(Max / Min) >= 2.5)
            {
                return [.. decades];
            }
            // A narrow log axis also gets 2× and 5× ticks, and all its labels are plain numbers (0.2, 0.5, 1, 2).
            decades = decades.Select(t => (t.v, Ticks.Label(t.v, t.v)));
            var extra = new List<(double, string)>();
            for (var k = (int)Math.Floor(Math.Log10(Min)); k <= (int)Math.Ceiling(Math.Log10(Max)); k++)
            {
                foreach (var m in new[] { 2, 5 })
                {
                    var v = m * Math.Pow(10, k);
                    if (v >= Min && v <= Max)
                    {
                        extra.Add((v, Ticks.Label(v, Math.Pow(10, k))));
                    }
                }
            }
            return [.. decades.Concat(extra).OrderBy(t => t.Item1)];
        }
        var ticks = Ticks.Linear(Min, Max, target);
        var step = Ticks.NiceStep(Max - Min, target);
        return [.. ticks.Select(v => (v, Ticks.Label(v, step)))];
    }
}

/// <summary>One legend entry: a name and how its swatch looks.</summary>
internal sealed record LegendItem(string Name, string Color, LegendSwatch Swatch, bool Dashed = false, double Opacity = 0.6);

/// <summary>The shape of a legend swatch.</summary>
internal enum LegendSwatch
{
    Line,
    LineWithMarker,
    Marker,
    Box,
}

/// <summary>Where a chart puts its legend.</summary>
public enum LegendPosition
{
    /// <summary>Outside the plot, on the right (never covers data).</summary>
    Right,

    /// <summary>Inside the plot, in the corner with the least data.</summary>
    Inside,

    /// <summary>No legend.</summary>
    None,
}
