using System.Globalization;
using System.Text;

namespace ActivationCourse.Plotting;

/// <summary>Small helpers that write SVG text: fixed invariant number formatting and XML escaping.</summary>
internal static class Svg
{
    /// <summary>The font stack every chart uses (system fonts only, nothing downloaded).</summary>
    public const string FontFamily = "system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif";

    /// <summary>Text color for titles and labels.</summary>
    public const string Ink = "#222";

    /// <summary>Muted text color for tick labels.</summary>
    public const string MutedInk = "#555";

    /// <summary>Grid line color.</summary>
    public const string GridColor = "#e6e6e6";

    /// <summary>Formats a coordinate with at most two decimals, invariant culture, never "-0", never NaN.</summary>
    public static string F(double v)
    {
        if (!double.IsFinite(v))
        {
            v = 0;
        }
        v = Math.Clamp(v, -1e6, 1e6);
        var s = Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);
        return s == "-0" ? "0" : s;
    }

    /// <summary>A value for display: invariant culture, a typographic minus, and no "-0.0".</summary>
    public static string Number(double v, string format)
    {
        var s = v.ToString(format, CultureInfo.InvariantCulture);
        if (s.StartsWith('-'))
        {
            s = s[1..].All(c => c is '0' or '.') ? s[1..] : "−" + s[1..];
        }
        return s;
    }

    /// <summary>Escapes text for element content and attribute values.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                default:
                    // Control characters other than tab/newline are not allowed in XML 1.0.
                    if (c < ' ' && c != '\t' && c != '\n' && c != '\r')
                    {
                        break;
                    }
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Opens the root element of a standalone chart, with a white background.</summary>
    public static void Open(StringBuilder sb, double width, double height, string? title, string? description = null)
    {
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(F(width)).Append("\" height=\"").Append(F(height))
          .Append("\" viewBox=\"0 0 ").Append(F(width)).Append(' ').Append(F(height))
          .Append("\" font-family=\"").Append(FontFamily).Append("\" style=\"max-width:100%;height:auto\" role=\"img\">");
        if (!string.IsNullOrEmpty(title))
        {
            sb.Append("<title>").Append(Escape(title)).Append("</title>");
        }
        if (!string.IsNullOrEmpty(description))
        {
            sb.Append("<desc>").Append(Escape(description)).Append("</desc>");
        }
        sb.Append("<rect width=\"").Append(F(width)).Append("\" height=\"").Append(F(height)).Append("\" fill=\"#fff\"/>");
    }

    /// <summary>Writes a text element.</summary>
    public static void Text(StringBuilder sb, double x, double y, string? text, double size = 12, string anchor = "start",
        string fill = Ink, string? extra = null)
    {
        sb.Append("<text x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" font-size=\"").Append(F(size)).Append('"');
        if (anchor != "start")
        {
            sb.Append(" text-anchor=\"").Append(anchor).Append('"');
        }
        sb.Append(" fill=\"").Append(fill).Append('"');
        if (extra is not null)
        {
            sb.Append(' ').Append(extra);
        }
        sb.Append('>').Append(Escape(text)).Append("</text>");
    }

    /// <summary>Writes a line element.</summary>
    public static void Line(StringBuilder sb, double x1, double y1, double x2, double y2, string stroke, double width = 1, string? extra = null)
    {
        sb.Append("<line x1=\"").Append(F(x1)).Append("\" y1=\"").Append(F(y1)).Append("\" x2=\"").Append(F(x2)).Append("\" y2=\"").Append(F(y2))
          .Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(F(width)).Append('"');
        if (extra is not null)
        {
            sb.Append(' ').Append(extra);
        }
        sb.Append("/>");
    }

    /// <summary>Writes a rect element.</summary>
    public static void Rect(StringBuilder sb, double x, double y, double w, double h, string fill, string? extra = null)
    {
        sb.Append("<rect x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" width=\"").Append(F(Math.Max(0, w))).Append("\" height=\"")
          .Append(F(Math.Max(0, h))).Append("\" fill=\"").Append(fill).Append('"');
        if (extra is not null)
        {
            sb.Append(' ').Append(extra);
        }
        sb.Append("/>");
    }

    /// <summary>A rough width estimate of a text at a font size (no font metrics available).</summary>
    public static double TextWidth(string? text, double size) => (text?.Length ?? 0) * size * 0.58;

    /// <summary>Formats an integer with superscript digits, for "10⁻³" style labels.</summary>
    public static string Superscript(int n)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var s = n.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            sb.Append(c == '-' ? '⁻' : digits[c - '0']);
        }
        return sb.ToString();
    }
}
