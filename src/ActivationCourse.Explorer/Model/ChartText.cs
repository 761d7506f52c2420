using System.Net;
using ActivationCourse.Plotting;

namespace ActivationCourse.Explorer.Model;

/// <summary>The library's SVG charts made ready for inline use in the page (a screen reader reads each by name).</summary>
public static class ChartText
{
    private const string Root = "role=\"img\"";

    /// <summary>The chart's SVG, named by its alt text (the library's own summary of what it shows).</summary>
    public static string Labelled(Chart chart) =>
        Once(chart.ToSvg(), $"{Root} aria-label=\"{WebUtility.HtmlEncode(chart.AltText)}\"");

    /// <summary>The chart's SVG hidden from screen readers, for a picture whose container carries the name.</summary>
    public static string Hidden(Chart chart) => Once(chart.ToSvg(), "aria-hidden=\"true\"");

    private static string Once(string svg, string replacement)
    {
        int at = svg.IndexOf(Root, StringComparison.Ordinal);
        return at < 0 ? svg : string.Concat(svg.AsSpan(0, at), replacement, svg.AsSpan(at + Root.Length));
    }
}
