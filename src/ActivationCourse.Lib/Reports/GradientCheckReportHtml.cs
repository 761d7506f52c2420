using System.Globalization;
using System.Net;
using System.Text;
using ActivationCourse.Gradients;
using ActivationCourse.Printing;

namespace ActivationCourse.Reports;

/// <summary>Renders a <see cref="GradientCheckReport"/> as a small self-contained HTML block: summary, the worst probes, warnings.</summary>
internal static class GradientCheckReportHtml
{
    private const int ShownProbes = 10;
    private const string Cell = "<td style=\"padding:2px 8px;text-align:right\">";

    /// <summary>The block: a summary line, a table of the worst probes and the warnings.</summary>
    /// <param name="report">The check to show.</param>
    public static string Render(GradientCheckReport report)
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"gradient-check\" style=\"font-family:sans-serif;font-size:13px\">");
        AppendSummary(sb, report);
        AppendWorstProbes(sb, report);
        AppendWarnings(sb, report.Warnings);
        sb.Append("</div>");
        return sb.ToString();
    }

    private static string VerdictColor(GradientVerdict verdict) => verdict switch
    {
        GradientVerdict.Good => "#1a7f37",
        GradientVerdict.ProbablyFine => "#9a6700",
        GradientVerdict.Suspicious => "#bc4c00",
        _ => "#cf222e",
    };

    private static void AppendSummary(StringBuilder sb, GradientCheckReport report)
    {
        var ci = CultureInfo.InvariantCulture;
        sb.Append(ci, $"<div><b>Gradient check: {Enc(report.Name)}</b> — <span style=\"color:{VerdictColor(report.Verdict)};font-weight:bold\">{report.Verdict}</span> ({Enc(report.Explanation)})</div>");
        sb.Append(ci, $"<div>worst relative error {Num.Show(report.WorstRelativeError, 3)} over {report.Details.Count} probe(s), h = {Num.Show(report.Step, 3)}</div>");
    }

    private static void AppendWorstProbes(StringBuilder sb, GradientCheckReport report)
    {
        var ci = CultureInfo.InvariantCulture;
        sb.Append("<table style=\"border-collapse:collapse;margin-top:4px\"><thead><tr>");
        foreach (string h in new[] { "#", "point", "analytic", "numeric", "rel. error" })
        {
            sb.Append("<th style=\"border-bottom:1px solid #888;padding:2px 8px;text-align:right\">").Append(h).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        var worstFirst = report.Details.OrderByDescending(d => double.IsNaN(d.RelativeError) ? double.MaxValue : d.RelativeError).Take(ShownProbes);
        foreach (GradientCheckEntry e in worstFirst)
        {
            string style = e.Index == report.WorstIndex ? " style=\"background:#fff1e5\"" : "";
            sb.Append(ci, $"<tr{style}>{Cell}{e.Index}</td>");
            sb.Append(ci, $"{Cell}{Num.Show(e.Point, 6)}</td>");
            sb.Append(ci, $"{Cell}{Num.Show(e.Analytic, 10)}</td>");
            sb.Append(ci, $"{Cell}{Num.Show(e.Numeric, 10)}</td>");
            sb.Append(ci, $"{Cell}{Num.Show(e.RelativeError, 3)}</td></tr>");
        }

        sb.Append("</tbody></table>");
        if (report.Details.Count > ShownProbes)
        {
            sb.Append(ci, $"<div style=\"color:#666\">showing the {ShownProbes} worst of {report.Details.Count} probes</div>");
        }
    }

    private static void AppendWarnings(StringBuilder sb, IReadOnlyList<string> warnings)
    {
        if (warnings.Count == 0)
        {
            return;
        }

        sb.Append("<ul style=\"color:#9a6700;margin:4px 0\">");
        foreach (string w in warnings)
        {
            sb.Append("<li>").Append(Enc(w)).Append("</li>");
        }

        sb.Append("</ul>");
    }

    // WebUtility's encoding (it also encodes ' and Latin-1 letters), kept so the block renders exactly as before.
    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
