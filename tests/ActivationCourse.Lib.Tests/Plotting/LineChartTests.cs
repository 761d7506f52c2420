using System.Globalization;
using ActivationCourse.Plotting;

namespace ActivationCourse.Lib.Tests.Plotting;

public class LineChartTests
{
    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static LineChart SigmoidChart() =>
        new LineChart { Title = "Sigmoid", XLabel = "x", YLabel = "f(x)" }
            .AddFunction("σ(x)", Sigmoid, -6, 6)
            .AddFunction("σ′(x)", x => Sigmoid(x) * (1 - Sigmoid(x)), -6, 6, dashed: true)
            .HLine(0.25, "bound 0.25");

    [Fact]
    public void HasTitleLabelsAndLegend()
    {
        var doc = SvgAssert.WellFormed(SigmoidChart().ToSvg());
        var texts = SvgAssert.Texts(doc);
        Assert.Contains("Sigmoid", texts);
        Assert.Contains("x", texts);
        Assert.Contains("f(x)", texts);
        Assert.Contains("σ(x)", texts);
        Assert.Contains("σ′(x)", texts);
        Assert.Contains("bound 0.25", texts);
        Assert.Equal("Sigmoid", doc.Root!.Element(SvgAssert.Ns + "title")!.Value);
    }

    [Fact]
    public void DashedSeriesIsDashed()
    {
        var doc = SvgAssert.WellFormed(SigmoidChart().ToSvg());
        var paths = doc.Descendants(SvgAssert.Ns + "path").ToList();
        Assert.Equal(2, paths.Count);
        Assert.Null(paths[0].Attribute("stroke-dasharray"));
        Assert.NotNull(paths[1].Attribute("stroke-dasharray"));
    }

    [Fact]
    public void ToStringDescribesChart() => Assert.Equal("LineChart 'Sigmoid' (2 series)", SigmoidChart().ToString());

    [Fact]
    public void EscapesMarkupInText()
    {
        var chart = new LineChart { Title = "a<b & c>d", XLabel = "x < 0", YLabel = "\"y\" & 'z'" }
            .Add("<script>alert(1)</script>", [0.0, 1], [0.0, 1]);
        var svg = chart.ToSvg();
        var doc = SvgAssert.WellFormed(svg);
        Assert.Contains("a&lt;b &amp; c&gt;d", svg, StringComparison.Ordinal);
        var texts = SvgAssert.Texts(doc);
        Assert.Contains("a<b & c>d", texts);
        Assert.Contains("x < 0", texts);
        Assert.Contains("\"y\" & 'z'", texts);
        Assert.Contains("<script>alert(1)</script>", texts);
        Assert.Empty(doc.Descendants(SvgAssert.Ns + "script"));
    }

    [Fact]
    public void NaNAndInfinityBreakTheLine()
    {
        double[] xs = [0, 1, 2, 3, 4, 5, 6];
        double[] ys = [0, 1, double.NaN, 3, double.PositiveInfinity, 5, double.NegativeInfinity];
        var svg = new LineChart().Add("broken", xs, ys).ToSvg();
        var doc = SvgAssert.WellFormed(svg);
        var d = doc.Descendants(SvgAssert.Ns + "path").Single().Attribute("d")!.Value;
        Assert.Equal(3, d.Count(c => c == 'M'));
    }

    [Fact]
    public void AllNonFiniteDataStillRenders()
    {
        var svg = new LineChart { Title = "empty" }.Add("nan", [double.NaN, double.NaN], [double.NaN, double.PositiveInfinity]).ToSvg();
        SvgAssert.WellFormed(svg);
    }

    [Fact]
    public void FunctionWithPoleHasNoNaN()
    {
        var svg = new LineChart().AddFunction("1/x", x => 1 / x, -1, 1, points: 201).AddFunction("ln", Math.Log, -1, 1).ToSvg();
        SvgAssert.WellFormed(svg);
    }

    [Fact]
    public void LogAxisTicksAreDecades()
    {
        var xs = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();
        var ys = xs.Select(i => Math.Pow(0.25, i)).ToArray();
        var chart = new LineChart { LogY = true }.Add("vanishing", xs, ys, markers: true);
        var texts = SvgAssert.Texts(SvgAssert.WellFormed(chart.ToSvg()));
        Assert.Contains("10⁻³", texts);
        Assert.Contains("10⁻¹", texts);

        foreach (var t in Ticks.Log(3e-7, 0.3))
        {
            var k = Math.Log10(t);
            Assert.Equal(Math.Round(k), k, 9);
        }
        Assert.Equal([1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1], Ticks.Log(3e-7, 0.3));
    }

    [Fact]
    public void NarrowLogAxisGetsPlainTwoAndFiveTicks()
    {
        var chart = new LineChart { LogY = true }.Add("loss", [0, 1, 2.0], [2.3, 0.4, 0.06]);
        var texts = SvgAssert.Texts(SvgAssert.WellFormed(chart.ToSvg()));
        Assert.Contains("0.5", texts);
        Assert.Contains("0.1", texts);
        Assert.Contains("1", texts);
    }

    [Fact]
    public void LegendPositions()
    {
        var inside = new LineChart { Legend = LegendPosition.Inside, Width = 400 }.AddFunction("relu", x => Math.Max(0, x), -3, 3);
        var doc = SvgAssert.WellFormed(inside.ToSvg());
        var label = doc.Descendants(SvgAssert.Ns + "text").Single(t => t.Value == "relu");
        // The ReLU curve fills the lower right and the upper right, so the free corner is the upper left.
        Assert.True(double.Parse(label.Attribute("x")!.Value, CultureInfo.InvariantCulture) < 200);
        var none = new LineChart { Legend = LegendPosition.None }.AddFunction("relu", x => Math.Max(0, x), -3, 3);
        Assert.DoesNotContain("relu", SvgAssert.Texts(SvgAssert.WellFormed(none.ToSvg())));
    }

    [Fact]
    public void LogAxisSkipsNonPositiveValues()
    {
        var chart = new LineChart { LogY = true, LogX = true }.Add("p", [0.0, 1, 10, 100], [1.0, 0, -1, 1000]);
        SvgAssert.WellFormed(chart.ToSvg());
    }

    [Fact]
    public void NiceTicksUseOneTwoFiveSteps()
    {
        Assert.Equal([0, 0.2, 0.4, 0.6000000000000001, 0.8, 1], Ticks.Linear(0, 1, 5));
        Assert.Equal(0.5, Ticks.NiceStep(4.2, 8));
        Assert.Equal(2, Ticks.NiceStep(12, 6));
        Assert.Equal(5, Ticks.NiceStep(23, 5));
        Assert.Equal("0.5", Ticks.Label(0.5, 0.1));
        Assert.Equal("10⁻³", Ticks.LogLabel(1e-3));
        Assert.Equal("10⁻⁵", Ticks.Label(1e-5, 1e-6));
        Assert.Equal("−1.0", Ticks.Label(-1, 0.5));
        Assert.Equal("2×10⁶", Ticks.Label(2e6, 1e6));
    }

    [Fact]
    public void OutputIsDeterministicAndCultureIndependent()
    {
        var a = SigmoidChart().ToSvg();
        var b = SigmoidChart().ToSvg();
        Assert.Equal(a, b);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(a, SigmoidChart().ToSvg());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void CoordinatesHaveAtMostTwoDecimals()
    {
        // The text alternative in <desc> states data values, not coordinates.
        var svg = System.Text.RegularExpressions.Regex.Replace(SigmoidChart().ToSvg(), "<desc>[^<]*</desc>", "");
        Assert.DoesNotMatch(@"\d\.\d{3,}", svg);
    }

    [Fact]
    public void FixedRangesAndSize()
    {
        var chart = new LineChart { Width = 300, Height = 200 }.AddFunction("tanh", Math.Tanh, -5, 5).YRange(-2, 2).XRange(-10, 10);
        var doc = SvgAssert.WellFormed(chart.ToSvg());
        Assert.Equal("0 0 300 200", doc.Root!.Attribute("viewBox")!.Value);
        var texts = SvgAssert.Texts(doc);
        Assert.Contains("−10", texts);
        Assert.Contains("10", texts);
    }

    [Fact]
    public void SaveSvgWritesTheSvg()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chart-{Guid.NewGuid():N}.svg");
        try
        {
            var chart = SigmoidChart();
            chart.SaveSvg(path);
            Assert.Equal(chart.ToSvg(), File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SvgIsAStandaloneDocumentWithTitle()
    {
        var svg = SigmoidChart().ToSvg();
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title>", svg, StringComparison.Ordinal);
    }
}
