using System.Globalization;
using System.Text;
using ActivationCourse.Printing;
using ActivationCourse.Training.Diagnostics;

namespace ActivationCourse.Reports;

/// <summary>Renders an <see cref="ActivationGradientSurvey"/> as an HTML table: one row per activation with its worst probe.</summary>
internal static class ActivationGradientSurveyHtml
{
    private const string HeaderCell = "<th style=\"padding:2px 8px;border-bottom:1px solid #888\">";
    private const string TextCell = "<td style=\"padding:2px 8px\">";
    private const string NumberCell = "<td style=\"padding:2px 8px;text-align:right\">";

    /// <summary>The table, captioned with the probe settings.</summary>
    /// <param name="survey">The survey to show.</param>
    public static string Render(ActivationGradientSurvey survey)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(ci, $"<table style=\"border-collapse:collapse;font-size:13px\"><caption style=\"text-align:left;padding-bottom:4px\">Centered differences (h = {Num.Show(survey.Step)}) at {survey.Points} random points in [−{survey.Range:G3}, {survey.Range:G3}], seed {survey.Seed}; points within {survey.KinkMargin:G3} of a kink left out</caption>");
        sb.Append("<thead><tr>");
        foreach (string h in new[] { "activation", "worst relative error", "at x", "analytic f′", "numeric f′", "verdict", "probes (near kinks)" })
        {
            sb.Append(HeaderCell).Append(h).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var r in survey.Rows)
        {
            AppendRow(sb, r);
        }

        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, ActivationSurveyRow r)
    {
        var ci = CultureInfo.InvariantCulture;
        var w = r.Report.Worst;
        sb.Append("<tr>").Append(TextCell).Append(HtmlTables.Escape(r.DisplayName)).Append("</td>")
          .Append(NumberCell).Append(Num.Show(r.WorstRelativeError, 3)).Append("</td>")
          .Append(NumberCell).Append(w is null ? "" : w.Point.ToString("0.####", ci)).Append("</td>")
          .Append(NumberCell).Append(w is null ? "" : w.Analytic.ToString("G10", ci)).Append("</td>")
          .Append(NumberCell).Append(w is null ? "" : w.Numeric.ToString("G10", ci)).Append("</td>")
          .Append(TextCell).Append(r.Verdict).Append("</td>")
          .Append(NumberCell).Append(r.Report.Details.Count.ToString(ci)).Append(r.SkippedNearKinks > 0 ? string.Create(ci, $" ({r.SkippedNearKinks})") : "")
          .Append("</td></tr>");
    }
}
