using ActivationCourse.Activations;

namespace ActivationCourse.Lib.Tests.Activations;

internal static class TestData
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (string name in ActivationRegistry.Names)
        {
            data.Add(name);
        }
        return data;
    }

    /// <summary>Seeded points in [lo, hi], representable in float, at least <paramref name="gap"/> away from every kink.</summary>
    public static double[] Points(Activation f, int count, int seed, double lo = -5, double hi = 5, double gap = 1e-3)
    {
        var rng = new Random(seed);
        var points = new List<double>();
        while (points.Count < count)
        {
            double x = (float)(lo + (hi - lo) * rng.NextDouble());
            if (f.Kinks.All(k => Math.Abs(x - k) > gap))
            {
                points.Add(x);
            }
        }
        return [.. points];
    }

    public static void Close(double expected, double actual, double tolerance, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}");
            return;
        }
        if (double.IsInfinity(expected))
        {
            Assert.True(expected == actual, $"{what}: expected {expected}, got {actual:R}");
            return;
        }
        double err = Math.Abs(expected - actual);
        Assert.True(err <= tolerance * Math.Max(1.0, Math.Abs(expected)),
            $"{what}: expected {expected:R}, got {actual:R} (error {err:E2}, tolerance {tolerance:E1})");
    }

    /// <summary>
    /// A relative check: |actual − expected| ≤ max(tolerance·|expected|, <paramref name="absoluteFloor"/>). The default floor,
    /// 1e-37, is just above the float normal range, so only a result that underflows escapes the relative bound.
    /// </summary>
    public static void CloseRelative(double expected, double actual, double tolerance, string what, double absoluteFloor = 1e-37)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Close(expected, actual, 0, what);
            return;
        }

        double err = Math.Abs(expected - actual);
        Assert.True(err <= Math.Max(tolerance * Math.Abs(expected), absoluteFloor),
            $"{what}: expected {expected:R}, got {actual:R} (relative error {err / Math.Abs(expected):E2}, tolerance {tolerance:E1})");
    }
}
