namespace ActivationCourse.Reports;

/// <summary>
/// The inline styles the report tables share, so every table in the notebooks looks the same, and the one HTML escape
/// the reports use for text they put in a cell.
/// </summary>
internal static class HtmlTables
{
    /// <summary>Opening tag of a table.</summary>
    public const string Open = "<table style=\"border-collapse:collapse;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:13px;font-variant-numeric:tabular-nums;margin:4px 0\">";

    /// <summary>Style of a header cell.</summary>
    public const string Header = "padding:3px 10px;border-bottom:2px solid #444;text-align:right;font-weight:600";

    /// <summary>Style of a left-aligned header cell.</summary>
    public const string HeaderLeft = "padding:3px 10px;border-bottom:2px solid #444;text-align:left;font-weight:600";

    /// <summary>Style of a numeric cell.</summary>
    public const string Number = "padding:3px 10px;border-bottom:1px solid #e6e6e6;text-align:right;white-space:nowrap";

    /// <summary>Style of a text cell.</summary>
    public const string Text = "padding:3px 10px;border-bottom:1px solid #e6e6e6;text-align:left;white-space:nowrap";

    /// <summary>Escapes text for element content and double-quoted attribute values (&amp;, &lt;, &gt;, ").</summary>
    public static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
