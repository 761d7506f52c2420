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

    /// <summary>Tick values and their labels.</summary>
    public (double Value, string Label)[] TickMarks(int target)
    {
        if (Log)
        {
            return [.. Ticks.Log(Min, Max).Select(v => (v, Ticks.LogLabel(v)))];
        }
        var ticks = Ticks.Linear(Min, Max, target);
        var step = Ticks.NiceStep(Max - Min, target);
        return [.. ticks.Select(v => (v, Ticks.Label(v, step)))];
    }
}

/// <summary>One legend entry: a name and how its swatch looks.</summary>
internal sealed record LegendItem(string Name, string Color, LegendSwatch Swatch, bool Dashed = false);

/// <summary>The shape of a legend swatch.</summary>
internal enum LegendSwatch
{
    Line,
    LineWithMarker,
    Marker,
    Box,
}
