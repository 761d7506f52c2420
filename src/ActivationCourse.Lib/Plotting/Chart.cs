using System.Text;

namespace ActivationCourse.Plotting;

/// <summary>
/// Base class of every chart: a self-contained SVG picture (no script, no fonts, no network) with a title and
/// a size. Notebooks display charts as HTML through <see cref="ToHtml"/>: an <c>&lt;img&gt;</c> holding the SVG as a
/// data URI, with <see cref="AltText"/> as its text alternative. <see cref="ToString"/> describes them in one line.
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
        Svg.Open(sb, Width, Height, Title, Summarize());
        Render(sb, Width, Height);
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Writes <see cref="ToSvg"/> to a file (UTF-8, no byte order mark).</summary>
    public void SaveSvg(string path) => File.WriteAllText(path, ToSvg(), new UTF8Encoding(false));

    /// <summary>
    /// The chart as an <c>&lt;img&gt;</c> whose source is the SVG as a base64 data URI, sized like the SVG (which keeps
    /// it vector-sharp at any zoom) and shrinking to narrow windows, with <see cref="AltText"/> as its <c>alt</c> text.
    /// </summary>
    /// <remarks>
    /// Not inline SVG: HTML sanitizers drop it (classic Jupyter Notebook for an untrusted notebook, GitHub's notebook
    /// preview), while an image with a data URI survives them. The same markup shows in VS Code, JupyterLab and the
    /// course site.
    /// </remarks>
    public virtual string ToHtml()
    {
        var data = Convert.ToBase64String(Encoding.UTF8.GetBytes(ToSvg()));
        return $"<img src=\"data:image/svg+xml;base64,{data}\" width=\"{Svg.F(Width)}\" height=\"{Svg.F(Height)}\" alt=\"{Svg.Escape(AltText)}\" style=\"max-width:100%;height:auto\">";
    }

    /// <summary>
    /// The chart's text alternative, for readers who cannot see it: its title and a one-line summary of its data,
    /// for example <c>Sigmoid: 2 series (σ(x), σ′(x)); x from −6 to 6, y from 0 to 1</c>.
    /// </summary>
    public string AltText => string.IsNullOrEmpty(Title) ? Summarize() : $"{Title}: {Summarize()}";

    /// <summary>A one-line summary of the data (what is drawn and over which ranges); by default <see cref="Describe"/>.</summary>
    internal virtual string Summarize() => Describe();

    /// <summary>"from a to b" over the finite values, or null when there are none.</summary>
    internal static string? Span(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        return finite.Count == 0 ? null : $"from {Svg.Number(finite.Min(), "G3")} to {Svg.Number(finite.Max(), "G3")}";
    }

    /// <summary>The names, comma-separated in parentheses, or empty when there are none.</summary>
    internal static string Names(IEnumerable<string?> names)
    {
        var given = names.Where(n => !string.IsNullOrEmpty(n)).ToList();
        return given.Count == 0 ? "" : $" ({string.Join(", ", given)})";
    }

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
