using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// Formats values as the .NET Interactive kernel does (the same Formatting package version as the pinned
/// <c>dotnet-interactive</c> 1.0.712001), so an executed notebook holds what VS Code would save: each value in its
/// preferred MIME types only, which are text/plain for strings and text/html for everything else (numbers,
/// collections and library values alike). Library values implementing
/// <c>ActivationCourse.Plotting.IHtmlRenderable</c> without a registered formatter show their own HTML.
/// </summary>
public static class ValueFormatter
{
    private const string HtmlRenderable = "ActivationCourse.Plotting.IHtmlRenderable";

    /// <summary>The value per MIME type, keys in ordinal order; by default the kernel's preferred MIME types for the value.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Format(object? value, params string[] mimeTypes)
    {
        var wanted = mimeTypes is { Length: > 0 } ? mimeTypes : PreferredMimeTypes(value);
        return wanted.Distinct().Order(StringComparer.Ordinal)
            .Select(mime => new KeyValuePair<string, string>(mime, FormatAs(value, mime)))
            .ToList();
    }

    /// <summary>What the kernel shows a value as when the cell names no MIME type.</summary>
    public static IReadOnlyList<string> PreferredMimeTypes(object? value) =>
        value is null ? [HtmlFormatter.MimeType]
        : value.GetType() is var type && FindToHtml(type) is not null && !HasFormatterSource(type) ? [HtmlFormatter.MimeType]
        : [.. Formatter.GetPreferredMimeTypesFor(type)];

    private static string FormatAs(object? value, string mimeType)
    {
        if (value is not null && FindToHtml(value.GetType()) is { } toHtml && !HasFormatterSource(value.GetType()))
        {
            // IHtmlRenderable's contract: HTML front ends use ToHtml(), plain-text ones ToString().
            if (mimeType == HtmlFormatter.MimeType)
                return (string?)toHtml.Invoke(value, null) ?? "";
            if (mimeType == PlainTextFormatter.MimeType)
                return value.ToString() ?? "";
        }
        if (value is string s && mimeType == PlainTextFormatter.MimeType)
            return s;
        return Formatter.ToDisplayString(value, mimeType);
    }

    private static MethodInfo? FindToHtml(Type type) =>
        type.GetInterfaces().FirstOrDefault(i => i.FullName == HtmlRenderable)?.GetMethod("ToHtml", Type.EmptyTypes);

    /// <summary>True when the type (or a base type or interface) names a formatter the Formatting package discovers by convention.</summary>
    private static bool HasFormatterSource(Type type) =>
        type.GetCustomAttributes(inherit: true).Concat(type.GetInterfaces().SelectMany(i => i.GetCustomAttributes(false)))
            .Any(a => a.GetType().Name == "TypeFormatterSourceAttribute");
}
