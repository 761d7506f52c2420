using ActivationCourse.Exercises;
using ActivationCourse.Plotting;
using Microsoft.DotNet.Interactive.Formatting;

namespace ActivationCourse.Formatting.Tests;

/// <summary>
/// The real .NET Interactive formatter finds the library's convention-based formatter source (the library does not
/// reference the Formatting package).
/// </summary>
public class FormatterDiscoveryTests
{
    [Fact]
    public void LineChartRendersAsItsImage()
    {
        var chart = new LineChart { Title = "Sigmoid" }.AddFunction("σ", x => 1 / (1 + Math.Exp(-x)), -5, 5);
        Assert.Equal(chart.ToHtml(), chart.ToDisplayString("text/html"));
        Assert.StartsWith("<img src=\"data:image/svg+xml;base64,", chart.ToDisplayString("text/html"), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryChartKindRendersAsItsImage()
    {
        Chart[] charts =
        [
            new Histogram().Add("a", [1.0, 2, 2, 3]),
            new BarChart().Categories("a", "b").Add("s", [1.0, 2]),
            Heatmap.ConfusionMatrix(new int[,] { { 1, 2 }, { 3, 4 } }),
            new ImageGrid().Add(new double[784], "0"),
            new ScatterChart().Add("p", [0.0, 1], [1.0, 0]),
            Chart.Row(new LineChart().AddFunction("tanh", Math.Tanh, -1, 1), new LineChart()),
        ];
        foreach (var chart in charts)
        {
            Assert.Equal(chart.ToHtml(), chart.ToDisplayString("text/html"));
        }
    }

    [Fact]
    public void HtmlIsTheOnlyPreferredMimeType()
    {
        // The kernel writes a value in its preferred MIME types only: a chart is text/html and nothing else.
        var chart = new LineChart().AddFunction("tanh", Math.Tanh, -1, 1);
        Assert.Equal(["text/html"], Formatter.GetPreferredMimeTypesFor(chart.GetType()));
        Assert.Equal(["text/html"], Formatter.GetPreferredMimeTypesFor(Check.Summary().GetType()));
    }

    [Fact]
    public void PlainTextIsTheDescription()
    {
        var chart = new LineChart { Title = "Sigmoid" }.AddFunction("σ", Math.Tanh, -1, 1);
        Assert.Equal("LineChart 'Sigmoid' (1 series)", chart.ToDisplayString("text/plain"));
    }

    [Fact]
    public void ExerciseResultRendersItsHtml()
    {
        var result = Check.Number("1.1", 0.5, 0.25, hint: "look at x = 0");
        Assert.Equal(result.ToHtml(), result.ToDisplayString("text/html"));
        Assert.Contains("not yet — look at x = 0", result.ToDisplayString("text/html"), StringComparison.Ordinal);
        var summary = Check.Summary();
        Assert.Equal(summary.ToHtml(), summary.ToDisplayString("text/html"));
    }
}
