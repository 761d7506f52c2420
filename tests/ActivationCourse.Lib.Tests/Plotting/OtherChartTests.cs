using ActivationCourse.Plotting;

namespace ActivationCourse.Lib.Tests.Plotting;

public class OtherChartTests
{
    [Fact]
    public void HeatmapHasOneCellPerValue()
    {
        var values = new double[3, 4];
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                values[r, c] = (r * 4) + c;
            }
        }
        var doc = SvgAssert.WellFormed(new Heatmap(values) { Title = "m" }.ToSvg());
        Assert.Equal(12, doc.Descendants(SvgAssert.Ns + "rect").Count(e => e.Attribute("class")?.Value == "cell"));
        Assert.Equal("Heatmap 'm' (3×4)", new Heatmap(values) { Title = "m" }.ToString());
    }

    [Fact]
    public void ConfusionMatrixAnnotatesEveryCountWithContrast()
    {
        var counts = new int[3, 3] { { 50, 2, 0 }, { 3, 45, 7 }, { 1, 1, 60 } };
        var chart = Heatmap.ConfusionMatrix(counts, ["cat", "dog", "<bird>"]);
        var doc = SvgAssert.WellFormed(chart.ToSvg());
        var notes = doc.Descendants(SvgAssert.Ns + "text").Where(e => e.Attribute("class")?.Value == "annotation").ToList();
        Assert.Equal(9, notes.Count);
        Assert.Equal(["50", "2", "0", "3", "45", "7", "1", "1", "60"], notes.Select(n => n.Value));
        // The darkest cell gets white text, the lightest dark text.
        Assert.Equal("#ffffff", notes[8].Attribute("fill")!.Value);
        Assert.NotEqual("#ffffff", notes[2].Attribute("fill")!.Value);
        Assert.Contains("<bird>", SvgAssert.Texts(doc));
        Assert.Contains("predicted", SvgAssert.Texts(doc));
        Assert.Equal(9, doc.Descendants(SvgAssert.Ns + "rect").Count(e => e.Attribute("class")?.Value == "cell"));
    }

    [Fact]
    public void AnnotationsUseMinusSignAndNoNegativeZero()
    {
        var chart = new Heatmap(new double[,] { { -0.04, -1.26, 0.3 } }) { Annotate = true, AnnotationFormat = "0.0", ColorMap = ColorMap.Diverging };
        var notes = SvgAssert.WellFormed(chart.ToSvg()).Descendants(SvgAssert.Ns + "text")
            .Where(e => e.Attribute("class")?.Value == "annotation").Select(e => e.Value);
        Assert.Equal(["0.0", "−1.3", "0.3"], notes);
    }

    [Fact]
    public void DigitImageHasNoAxesAndIsCompact()
    {
        var pixels = Enumerable.Range(0, 784).Select(i => (i % 28 > 8 && i % 28 < 18 && i / 28 > 5 && i / 28 < 22) ? 255.0 : 0).ToArray();
        var svg = Heatmap.Image(pixels).ToSvg();
        var doc = SvgAssert.WellFormed(svg);
        Assert.Empty(doc.Descendants(SvgAssert.Ns + "text"));
        Assert.True(svg.Length < 8000, $"{svg.Length} chars");
    }

    [Fact]
    public void ImageGridShowsCaptions()
    {
        var grid = new ImageGrid { Title = "digits", Columns = 4 };
        for (var i = 0; i < 8; i++)
        {
            grid.Add(Enumerable.Range(0, 784).Select(k => (k + i) % 7 == 0 ? 1.0 : 0).ToArray(), caption: $"label {i}");
        }
        var doc = SvgAssert.WellFormed(grid.ToSvg());
        var texts = SvgAssert.Texts(doc);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"label {i}"), texts.Where(t => t.StartsWith("label", StringComparison.Ordinal)));
        Assert.Equal("ImageGrid 'digits' (8 images, 4 per row)", grid.ToString());
    }

    [Fact]
    public void HistogramCountsFiniteValues()
    {
        var values = Enumerable.Range(0, 1000).Select(i => Math.Sin(i)).Append(double.NaN).Append(double.PositiveInfinity).ToArray();
        var h = new Histogram { Bins = 20 }.Add("sin", values).Add("cos", values.Select(Math.Cos));
        var (edges, heights) = h.Compute();
        Assert.Equal(21, edges.Length);
        Assert.Equal(1000, heights[0].Sum());
        SvgAssert.WellFormed(h.ToSvg());
        SvgAssert.WellFormed(new Histogram { Layout = HistogramLayout.SideBySide, Density = true }.Add("a", values).Add("b", values).ToSvg());
        SvgAssert.WellFormed(new Histogram { LogY = true }.Add("a", values).ToSvg());
        SvgAssert.WellFormed(new Histogram().ToSvg());
    }

    [Fact]
    public void BarChartWithErrorsGroupsAndHorizontal()
    {
        var bars = new BarChart { Title = "accuracy", ValueLabel = "acc", ShowValues = true }
            .Categories("ReLU", "tanh & co", "sigmoid")
            .Add("train", [0.9, 0.8, double.NaN], errors: [0.01, 0.02, 0.03])
            .Add("test", [0.85, -0.1, 0.7]);
        var doc = SvgAssert.WellFormed(bars.ToSvg());
        var texts = SvgAssert.Texts(doc);
        Assert.Contains("tanh & co", texts);
        Assert.Contains("train", texts);
        Assert.Contains("test", texts);
        Assert.Equal("BarChart 'accuracy' (3 categories, 2 series)", bars.ToString());
        bars.Horizontal = true;
        SvgAssert.WellFormed(bars.ToSvg());
    }

    [Fact]
    public void ScatterWithRegionsAndLines()
    {
        double[] xs = [-1, -0.5, 0.5, 1];
        double[] ys = [-1, 0.5, -0.5, 1];
        int[] labels = [0, 1, 1, 0];
        var chart = new ScatterChart { Title = "XOR", EqualAspect = true }
            .Probability((x, y) => x * y > 0 ? 0.1 : 0.9, resolution: 20)
            .AddClasses(xs, ys, labels, "same", "different")
            .AddLine([0.0, 1, double.NaN, 2], [0.0, 1, 2, 3]);
        var doc = SvgAssert.WellFormed(chart.ToSvg());
        Assert.Equal(4, doc.Descendants(SvgAssert.Ns + "circle").Count() - 2);
        Assert.Contains("different", SvgAssert.Texts(doc));
        var classes = new ScatterChart().Regions((x, y) => x > 0 ? 1 : 0, 10).AddClasses(xs, ys, labels);
        SvgAssert.WellFormed(classes.ToSvg());
        Assert.Contains("with regions", classes.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RowComposesChartsIntoOneSvg()
    {
        var a = new LineChart { Title = "left", Width = 300, Height = 200 }.AddFunction("tanh", Math.Tanh, -3, 3);
        var b = new LineChart { Title = "right", Width = 300, Height = 200 }.AddFunction("relu", x => Math.Max(0, x), -3, 3);
        var row = Chart.Row("Two activations", a, b);
        var doc = SvgAssert.WellFormed(row.ToSvg());
        var texts = SvgAssert.Texts(doc);
        Assert.Contains("Two activations", texts);
        Assert.Contains("left", texts);
        Assert.Contains("right", texts);
        Assert.True(row.Width >= 600);
        Assert.True(row.Height >= 240);
        var grid = Chart.Grid(2, a, b, a);
        Assert.Equal("ChartGrid (3 charts, 2 per row)", grid.ToString());
        SvgAssert.WellFormed(grid.ToSvg());
    }

    [Fact]
    public void ChartsCarryTheFormatterAttribute()
    {
        var attr = typeof(Chart).GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        Assert.NotNull(attr.GetType().GetProperty("FormatterSourceType")!.GetValue(attr));
        Assert.Contains(typeof(LineChart).GetCustomAttributes(true), a => a.GetType().Name == "TypeFormatterSourceAttribute");
    }
}

public class FormatterAttributeCoverageTests
{
    /// <summary>
    /// .NET Interactive reads the TypeFormatterSource attribute from the displayed type and its base classes only, not
    /// from interfaces, so every concrete IHtmlRenderable in the library must carry it (directly or via a base class).
    /// </summary>
    [Fact]
    public void EveryHtmlRenderableTypeCarriesTheFormatterAttribute()
    {
        var missing = typeof(IHtmlRenderable).Assembly.GetTypes()
            .Where(t => typeof(IHtmlRenderable).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .Where(t => !t.GetCustomAttributes(true).Any(a => a.GetType().Name == "TypeFormatterSourceAttribute"))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(missing.Count == 0,
            "Add [TypeFormatterSource(typeof(HtmlFormatterSource))] (namespace ActivationCourse.Plotting) to: " + string.Join(", ", missing));
    }
}
