using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ActivationCourse.Plotting;

namespace ActivationCourse.Lib.Tests.Plotting;

/// <summary>
/// Charts show in notebooks as an image holding the SVG as a data URI (sanitizers strip inline SVG), with a text
/// alternative made of the title and a one-line summary of the data.
/// </summary>
public partial class ChartHtmlTests
{
    [GeneratedRegex("^<img src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\" width=\"([0-9.]+)\" height=\"([0-9.]+)\" alt=\"([^\"<>]*)\" style=\"max-width:100%;height:auto\">$")]
    private static partial Regex ImgTag();

    private static readonly Chart[] EveryKind =
    [
        new LineChart { Title = "Sigmoid" }.AddFunction("σ(x)", x => 1 / (1 + Math.Exp(-x)), -6, 6),
        new Histogram { Title = "h" }.Add("a", [1.0, 2, 2, 3]),
        new BarChart { Title = "b" }.Categories("ReLU", "tanh").Add("s", [1.0, 2]),
        Heatmap.ConfusionMatrix(new int[,] { { 1, 2 }, { 3, 4 } }),
        new ImageGrid { Title = "digits" }.Add(new double[784], "7"),
        new ScatterChart { Title = "points" }.Add("p", [0.0, 1], [1.0, 0]),
        Chart.Row("two", new LineChart { Title = "tanh" }.AddFunction("tanh", Math.Tanh, -1, 1), new LineChart()),
    ];

    [Fact]
    public void Html_is_an_img_whose_data_uri_decodes_to_the_svg()
    {
        foreach (var chart in EveryKind)
        {
            var html = chart.ToHtml();
            var match = ImgTag().Match(html);
            Assert.True(match.Success, html[..Math.Min(200, html.Length)]);
            Assert.Equal(chart.ToSvg(), Encoding.UTF8.GetString(Convert.FromBase64String(match.Groups[1].Value)));
            Assert.Equal(chart.Width, double.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 2);
            Assert.Equal(chart.Height, double.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), 2);
            Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Alt_text_is_the_title_and_a_summary_and_the_svg_carries_it_as_desc()
    {
        foreach (var chart in EveryKind)
        {
            var alt = System.Net.WebUtility.HtmlDecode(ImgTag().Match(chart.ToHtml()).Groups[4].Value);
            Assert.Equal(chart.AltText, alt);
            Assert.StartsWith(chart.Title + ": ", alt, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', alt);
            var desc = XDocument.Parse(chart.ToSvg()).Root!.Element(SvgAssert.Ns + "desc");
            Assert.Equal(alt[(chart.Title!.Length + 2)..], desc?.Value);
        }
    }

    [Fact]
    public void Line_chart_summary_names_the_series_and_the_data_ranges()
    {
        var chart = new LineChart { Title = "Sigmoid" }
            .AddFunction("σ(x)", x => 1 / (1 + Math.Exp(-x)), -6, 6)
            .Add("ramp", [-1.0, 0, 2], [0.0, 0, 2.5], dashed: true);

        Assert.Equal("Sigmoid: 2 series (σ(x), ramp); x from −6 to 6, y from 0 to 2.5", chart.AltText);
    }

    [Fact]
    public void Other_summaries_describe_their_data()
    {
        Assert.Equal("b: 1 series (s) over 2 categories (ReLU, tanh), values from 1 to 2", EveryKind[2].AltText);
        Assert.Equal("Confusion matrix: 2×2 grid, values from 1 to 4", EveryKind[3].AltText);
        Assert.Equal("digits: 1 images, 8 per row (7)", EveryKind[4].AltText);
        Assert.Equal("two: 2 charts, 2 per row: tanh: 1 series (tanh); x from −1 to 1, y from −0.762 to 0.762; 0 series",
            EveryKind[6].AltText);
    }

    [Fact]
    public void Alt_text_is_escaped_and_a_chart_without_title_is_summarized_alone()
    {
        var chart = new LineChart { Title = "a \"quoted\" <b>" }.Add("x", [1.0, 2]);

        Assert.Contains("alt=\"a &quot;quoted&quot; &lt;b&gt;: 1 series (x); x from 0 to 1, y from 1 to 2\"", chart.ToHtml(), StringComparison.Ordinal);
        Assert.Equal("1 series (x); x from 0 to 1, y from 1 to 2", new LineChart().Add("x", [1.0, 2]).AltText);
    }
}
