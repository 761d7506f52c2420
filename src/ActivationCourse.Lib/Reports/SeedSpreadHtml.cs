using System.Globalization;
using System.Text;
using ActivationCourse.Plotting;
using ActivationCourse.Studies;

namespace ActivationCourse.Reports;

/// <summary>Renders a <see cref="SeedSpread"/> as an HTML table: one row per pair of summaries with its verdict.</summary>
internal static class SeedSpreadHtml
{
    /// <summary>
    /// The table: difference of means, both min–max ranges and the verdict. The values are taken to be shares in
    /// [0, 1] (accuracies) and shown × 100, in percent and percentage points.
    /// </summary>
    /// <param name="spread">The comparison to show.</param>
    public static string Render(SeedSpread spread)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(HtmlTables.Open).Append(inv,
            $"<thead><tr><th style=\"{HtmlTables.HeaderLeft}\">higher mean</th><th style=\"{HtmlTables.HeaderLeft}\">lower mean</th>" +
            $"<th style=\"{HtmlTables.Header}\">difference of means (points)</th><th style=\"{HtmlTables.Header}\">higher: min–max (%)</th>" +
            $"<th style=\"{HtmlTables.Header}\">lower: min–max (%)</th><th style=\"{HtmlTables.HeaderLeft}\">verdict</th></tr></thead><tbody>");
        foreach (var v in spread.Verdicts)
        {
            string color = v.Separated ? "#00573f" : "#6b4700";
            sb.Append(inv, $"<tr><td style=\"{HtmlTables.Text}\">{Svg.Escape(v.Higher.Name)}</td><td style=\"{HtmlTables.Text}\">{Svg.Escape(v.Lower.Name)}</td>")
              .Append(inv, $"<td style=\"{HtmlTables.Number}\">{v.Difference * 100:0.00}</td>")
              .Append(inv, $"<td style=\"{HtmlTables.Number}\">{v.Higher.Min * 100:0.00}–{v.Higher.Max * 100:0.00}</td>")
              .Append(inv, $"<td style=\"{HtmlTables.Number}\">{v.Lower.Min * 100:0.00}–{v.Lower.Max * 100:0.00}</td>")
              .Append(inv, $"<td style=\"{HtmlTables.Text};color:{color}\">{v.Verdict}</td></tr>");
        }

        return sb.Append("</tbody></table>").ToString();
    }
}
