using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// Formats values as .NET Interactive does (its Formatting package), so an executed notebook shows what VS Code
/// would: strings as text/plain, other values as text/html and text/plain. Library values implementing
/// <c>ActivationCourse.Plotting.IHtmlRenderable</c> without a registered formatter show their own HTML.
/// </summary>
public static class ValueFormatter
{
    private const string HtmlRenderable = "ActivationCourse.Plotting.IHtmlRenderable";

    /// <summary>The value per MIME type, keys in ordinal order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Format(object? value, params string[] mimeTypes)
    {
        var wanted = mimeTypes is { Length: > 0 } ? mimeTypes : value is string ? ["text/plain"] : ["text/html", "text/plain"];
        return wanted.Distinct().Order(StringComparer.Ordinal)
            .Select(mime => new KeyValuePair<string, string>(mime, FormatAs(value, mime)))
            .ToList();
    }

    private static string FormatAs(object? value, string mimeType)
    {
        if (value is not null && FindToHtml(value.GetType()) is { } toHtml && !HasFormatterSource(value.GetType()))
        {
            // IHtmlRenderable's contract: HTML front ends use ToHtml(), plain-text ones ToString().
            if (mimeType == "text/html")
                return (string?)toHtml.Invoke(value, null) ?? "";
            if (mimeType == "text/plain")
                return value.ToString() ?? "";
        }
        if (value is string s && mimeType == "text/plain")
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
