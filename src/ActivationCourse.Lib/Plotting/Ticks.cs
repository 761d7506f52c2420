using System.Globalization;

namespace ActivationCourse.Plotting;

/// <summary>Axis tick placement: "nice" 1-2-5 steps on linear axes and decades on log axes.</summary>
internal static class Ticks
{
    /// <summary>A step from the 1-2-5 family close to <paramref name="range"/> / <paramref name="target"/>.</summary>
    public static double NiceStep(double range, int target)
    {
        if (!(range > 0) || !double.IsFinite(range))
        {
            return 1;
        }
        var raw = range / Math.Max(1, target);
        var mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var f = raw / mag;
        var nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
        return nice * mag;
    }

    /// <summary>Tick values at multiples of a nice step within [min, max].</summary>
    public static double[] Linear(double min, double max, int target)
    {
        var step = NiceStep(max - min, target);
        var first = Math.Ceiling((min / step) - 1e-9);
        var last = Math.Floor((max / step) + 1e-9);
        var ticks = new List<double>();
        for (var k = first; k <= last && ticks.Count < 100; k++)
        {
            var v = k * step;
            ticks.Add(Math.Abs(v) < step * 1e-9 ? 0 : v);
        }
        return [.. ticks];
    }

    /// <summary>Decade ticks 10^k within [min, max] (both positive); thinned to at most about 8 labels.</summary>
    public static double[] Log(double min, double max)
    {
        var lo = (int)Math.Ceiling(Math.Log10(min) - 1e-9);
        var hi = (int)Math.Floor(Math.Log10(max) + 1e-9);
        if (hi < lo)
        {
            // Less than a decade: fall back to the decade below and above.
            lo = (int)Math.Floor(Math.Log10(min));
            hi = lo + 1;
        }
        var every = Math.Max(1, (int)Math.Ceiling((hi - lo + 1) / 8.0));
        var ticks = new List<double>();
        for (var k = lo; k <= hi; k++)
        {
            if (k % every == 0)
            {
                ticks.Add(Math.Pow(10, k));
            }
        }
        return [.. ticks];
    }

    /// <summary>Label for a linear tick, with as many decimals as the step needs.</summary>
    public static string Label(double v, double step)
    {
        var inv = CultureInfo.InvariantCulture;
        if (v == 0)
        {
            return "0";
        }
        var a = Math.Abs(v);
        if (a >= 1e5 || a < 1e-4)
        {
            var e = (int)Math.Floor(Math.Log10(a));
            var m = Math.Round(v / Math.Pow(10, e), 3);
            var ms = m.ToString("0.##", inv);
            return (ms == "1" ? "" : ms == "-1" ? "-" : ms + "×") + "10" + Svg.Superscript(e);
        }
        var decimals = Math.Clamp((int)Math.Ceiling(-Math.Log10(step) - 1e-9), 0, 10);
        return v.ToString("F" + decimals.ToString(inv), inv).Replace('-', '−');
    }

    /// <summary>Label for a decade tick: 10⁻³, 10⁰, 10².</summary>
    public static string LogLabel(double v) => "10" + Svg.Superscript((int)Math.Round(Math.Log10(v)));
}
