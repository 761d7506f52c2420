using System.Text;
using ActivationCourse.Gradients;
using ActivationCourse.Printing;

namespace ActivationCourse.Reports;

/// <summary>Renders a <see cref="StepSizeSweep"/> as an HTML table: the best measured step of each difference beside the model's.</summary>
internal static class StepSizeSweepHtml
{
    private const string HeaderCell = "<th style=\"padding:2px 8px;border-bottom:1px solid #888\">";

    /// <summary>The table: one row for the one-sided difference, one for the centered one.</summary>
    /// <param name="sweep">The sweep to show.</param>
    public static string Render(StepSizeSweep sweep)
    {
        var sb = new StringBuilder();
        sb.Append("<table style=\"border-collapse:collapse;font-size:13px\"><caption style=\"text-align:left;padding-bottom:4px\">").Append(HtmlTables.Escape(sweep.Caption)).Append("</caption>")
          .Append("<thead><tr>")
          .Append(HeaderCell).Append("difference</th>")
          .Append(HeaderCell).Append("best measured h</th>")
          .Append(HeaderCell).Append("its error</th>")
          .Append(HeaderCell).Append("model's best h</th>")
          .Append(HeaderCell).Append("model's error there</th></tr></thead><tbody>");
        Row(sb, "one-sided", sweep.BestForward.Step, sweep.BestForward.ForwardError, sweep.ModelBestForwardStep, sweep.ModelForwardError(sweep.ModelBestForwardStep));
        Row(sb, "centered", sweep.BestCentered.Step, sweep.BestCentered.CenteredError, sweep.ModelBestCenteredStep, sweep.ModelCenteredError(sweep.ModelBestCenteredStep));
        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string name, double h, double err, double modelH, double modelErr) =>
        sb.Append("<tr><td style=\"padding:2px 8px\">").Append(name).Append("</td><td style=\"padding:2px 8px\">").Append(G(h)).Append("</td><td style=\"padding:2px 8px\">").Append(G(err))
          .Append("</td><td style=\"padding:2px 8px\">").Append(G(modelH)).Append("</td><td style=\"padding:2px 8px\">").Append(G(modelErr)).Append("</td></tr>");

    private static string G(double v) => Num.Show(v, 3);
}
