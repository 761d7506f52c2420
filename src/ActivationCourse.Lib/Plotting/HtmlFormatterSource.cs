namespace ActivationCourse.Plotting;

/// <summary>
/// Marks a type for .NET Interactive's convention-based formatter discovery. The Formatting package looks for an
/// attribute whose class is named <c>TypeFormatterSourceAttribute</c> (in any namespace), reads its
/// <c>FormatterSourceType</c> and <c>PreferredMimeTypes</c> properties, creates the source type and calls its
/// <c>CreateTypeFormatters()</c>. This keeps the library free of any .NET Interactive dependency.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The type whose <c>CreateTypeFormatters()</c> supplies the formatters.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The MIME types the notebook should prefer for the marked type.</summary>
    public string[] PreferredMimeTypes { get; set; } = [HtmlFormatterSource.Html];
}

/// <summary>Formatter source for every <see cref="IHtmlRenderable"/>: HTML through ToHtml, plain text through ToString.</summary>
internal sealed class HtmlFormatterSource
{
    public const string Html = "text/html";

    public const string PlainText = "text/plain";

    /// <summary>Called by .NET Interactive (by name) to obtain the formatters.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new ConventionFormatter(Html, (o, w) => w.Write(((IHtmlRenderable)o).ToHtml())),
        new ConventionFormatter(PlainText, (o, w) => w.Write(o.ToString())),
    ];

    /// <summary>A formatter in the shape .NET Interactive expects: Type, MimeType and bool Format(object, TextWriter).</summary>
    internal sealed class ConventionFormatter(string mimeType, Action<object, TextWriter> write)
    {
        public Type Type => typeof(IHtmlRenderable);

        public string MimeType { get; } = mimeType;

        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not IHtmlRenderable || writer is null)
            {
                return false;
            }
            write(instance, writer);
            return true;
        }
    }
}
