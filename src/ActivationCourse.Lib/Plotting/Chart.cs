using System.Text;

namespace ActivationCourse.Plotting;

/// <summary>
/// Base class of every chart: a self-contained SVG picture (no script, no fonts, no network) with a title and
/// a size. Notebooks display charts as HTML through <see cref="ToHtml"/>; <see cref="ToString"/> describes them in
/// one line.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public abstract class Chart : IHtmlRenderable
{
    /// <summary>The title drawn above the chart (optional).</summary>
    public string? Title { get; set; }

    /// <summary>Width in pixels (the SVG has a viewBox, so it also scales).</summary>
    public virtual double Width { get; set; } = 640;

    /// <summary>Height in pixels.</summary>
    public virtual double Height { get; set; } = 400;

    /// <summary>The whole chart as a standalone SVG document.</summary>
    public string ToSvg()
    {
        var sb = new StringBuilder(4096);
        Svg.Open(sb, Width, Height, Title);
        Render(sb, Width, Height);
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Writes <see cref="ToSvg"/> to a file (UTF-8, no byte order mark).</summary>
    public void SaveSvg(string path) => File.WriteAllText(path, ToSvg(), new UTF8Encoding(false));

    /// <summary>The SVG, which is valid inline HTML.</summary>
    public virtual string ToHtml() => ToSvg();

    /// <summary>Draws the chart's content into a box of the given size at the origin.</summary>
    internal abstract void Render(StringBuilder sb, double width, double height);

    /// <summary>A short description used by <see cref="ToString"/>, such as "2 series".</summary>
    protected abstract string Describe();

    /// <summary>A one-line description, for example <c>LineChart 'Sigmoid' (2 series)</c>.</summary>
    public override string ToString() =>
        string.IsNullOrEmpty(Title) ? $"{GetType().Name} ({Describe()})" : $"{GetType().Name} '{Title}' ({Describe()})";

    /// <summary>Draws the title centered at the top; returns the height it used.</summary>
    internal double DrawTitle(StringBuilder sb, double width)
    {
        if (string.IsNullOrEmpty(Title))
        {
            return 8;
        }
        Svg.Text(sb, width / 2, 24, Title, 15, "middle", Svg.Ink, "font-weight=\"600\"");
        return 36;
    }

    /// <summary>Places charts side by side in one SVG, under an optional shared title.</summary>
    public static ChartGrid Row(params Chart[] charts) => new(charts.Length, charts);

    /// <summary>Places charts side by side in one SVG with a shared title.</summary>
    public static ChartGrid Row(string title, params Chart[] charts) => new(charts.Length, charts) { Title = title };

    /// <summary>Arranges charts in a grid with the given number of columns, filled row by row.</summary>
    public static ChartGrid Grid(int columns, params Chart[] charts) => new(columns, charts);
}
