namespace ActivationCourse.Gradients;

/// <summary>
/// Questions about a function of one variable on an interval, answered numerically: where is its minimum, and how far
/// apart are two functions at most. A dense grid finds the region, then golden-section search refines a minimum.
/// </summary>
public static class FunctionScan
{
    /// <summary>
    /// The minimum of <paramref name="f"/> on [<paramref name="min"/>, <paramref name="max"/>]: the best of
    /// <paramref name="gridPoints"/> evenly spaced points, refined by golden-section search between its grid neighbours
    /// (to about 1e-12 in x for a smooth minimum).
    /// </summary>
    /// <param name="f">The function.</param>
    /// <param name="min">Left end.</param>
    /// <param name="max">Right end.</param>
    /// <param name="gridPoints">Points of the coarse scan (at least 3).</param>
    public static (double X, double Value) Minimum(Func<double, double> f, double min, double max, int gridPoints = 2001)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentOutOfRangeException.ThrowIfLessThan(gridPoints, 3);
        if (!(max > min))
        {
            throw new ArgumentException($"The interval [{min}, {max}] is empty.", nameof(max));
        }
        var step = (max - min) / (gridPoints - 1);
        var bestI = 0;
        var bestV = double.PositiveInfinity;
        for (var i = 0; i < gridPoints; i++)
        {
            var v = f(min + (i * step));
            if (v < bestV)
            {
                bestV = v;
                bestI = i;
            }
        }
        var a = min + (Math.Max(0, bestI - 1) * step);
        var b = min + (Math.Min(gridPoints - 1, bestI + 1) * step);
        var invPhi = (Math.Sqrt(5) - 1) / 2;
        var c = b - (invPhi * (b - a));
        var d = a + (invPhi * (b - a));
        double fc = f(c), fd = f(d);
        for (var k = 0; k < 200 && b - a > 1e-13 * Math.Max(1, Math.Abs(a)); k++)
        {
            if (fc < fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (invPhi * (b - a));
                fc = f(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (invPhi * (b - a));
                fd = f(d);
            }
        }
        var x = (a + b) / 2;
        var value = f(x);
        return value <= bestV ? (x, value) : (min + (bestI * step), bestV);
    }

    /// <summary>
    /// The largest |f(x) − g(x)| over <paramref name="points"/> evenly spaced points of [<paramref name="min"/>,
    /// <paramref name="max"/>], and where it occurs.
    /// </summary>
    /// <param name="f">First function.</param>
    /// <param name="g">Second function.</param>
    /// <param name="min">Left end.</param>
    /// <param name="max">Right end.</param>
    /// <param name="points">Grid points (at least 2).</param>
    public static (double X, double Difference) MaxAbsDifference(Func<double, double> f, Func<double, double> g, double min, double max, int points = 200001)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(g);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        var bestX = min;
        var best = -1.0;
        for (var i = 0; i < points; i++)
        {
            var x = min + ((max - min) * i / (points - 1));
            var d = Math.Abs(f(x) - g(x));
            if (d > best)
            {
                best = d;
                bestX = x;
            }
        }
        return (bestX, best);
    }
}
