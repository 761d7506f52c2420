using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ActivationCourse.Lib.Tests.Plotting;

/// <summary>Shared checks on generated SVG text.</summary>
internal static partial class SvgAssert
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    private static readonly string[] NumericAttributes = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height"];

    /// <summary>Parses the SVG (throws if not well-formed) and checks the root and that no number is NaN or infinite.</summary>
    public static XDocument WellFormed(string svg)
    {
        var doc = XDocument.Parse(svg);
        Assert.Equal(Ns + "svg", doc.Root!.Name);
        Assert.NotNull(doc.Root.Attribute("viewBox"));
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", svg.Replace("http://www.w3.org/2000/svg", ""), StringComparison.Ordinal);
        foreach (var el in doc.Descendants())
        {
            foreach (var name in NumericAttributes)
            {
                var a = el.Attribute(name);
                if (a is not null)
                {
                    Assert.True(double.TryParse(a.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v),
                        $"{el.Name.LocalName}@{name} = '{a.Value}'");
                }
            }
            var d = el.Attribute("d")?.Value;
            if (d is not null)
            {
                Assert.Matches(PathData(), d);
            }
        }
        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", svg, StringComparison.Ordinal);
        return doc;
    }

    /// <summary>All text content of text elements.</summary>
    public static List<string> Texts(XDocument doc) => [.. doc.Descendants(Ns + "text").Select(t => t.Value)];

    [GeneratedRegex(@"^[MLhvHVz0-9 .\-]*$")]
    private static partial Regex PathData();
}
