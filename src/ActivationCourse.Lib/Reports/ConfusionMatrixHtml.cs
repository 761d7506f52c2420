using System.Globalization;
using System.Text;

namespace ActivationCourse.Reports;

/// <summary>Renders a <see cref="ConfusionMatrix"/> as an HTML table: the counts, row totals and recall.</summary>
internal static class ConfusionMatrixHtml
{
    /// <summary>The table: one row per true class, one column per prediction, then total and recall.</summary>
    /// <param name="matrix">The counts to show.</param>
    public static string Render(ConfusionMatrix matrix)
    {
        var inv = CultureInfo.InvariantCulture;
        int classes = matrix.Classes;
        var sb = new StringBuilder(HtmlTables.Open).Append(inv, $"<thead><tr><th style=\"{HtmlTables.HeaderLeft}\">true \\ predicted</th>");
        for (int p = 0; p < classes; p++)
        {
            sb.Append(inv, $"<th style=\"{HtmlTables.Header}\">{p}</th>");
        }

        sb.Append(inv, $"<th style=\"{HtmlTables.Header}\">total</th><th style=\"{HtmlTables.Header}\">recall</th></tr></thead><tbody>");
        var support = matrix.Support;
        var recall = matrix.Recall;
        for (int t = 0; t < classes; t++)
        {
            sb.Append(inv, $"<tr><th style=\"{HtmlTables.Text}\">{t}</th>");
            for (int p = 0; p < classes; p++)
            {
                string weight = t == p ? ";font-weight:600" : "";
                sb.Append(inv, $"<td style=\"{HtmlTables.Number}{weight}\">{matrix[t, p]}</td>");
            }

            sb.Append(inv, $"<td style=\"{HtmlTables.Number}\">{support[t]}</td><td style=\"{HtmlTables.Number}\">{recall[t]:0.0000}</td></tr>");
        }

        return sb.Append("</tbody></table>").ToString();
    }
}
