using System.Globalization;
using ActivationCourse.Activations;

namespace ActivationCourse.Lib.Tests.Activations;

/// <summary>
/// Activations named as "name" (the registry's default) or "name p1 p2 ..." (its parameters in the order of its
/// <see cref="Activation.Settings"/>), the form the activation tests list their cases in, built by
/// <see cref="ActivationRegistry.Create"/>. A list parameter (APL's slopes and hinges) is written with commas,
/// "apl 0.2,-0.4 0,-1".
/// </summary>
internal static class ActivationSpec
{
    /// <summary>One positional parameter: a setting, or a list of settings "name[0]", "name[1]", … written as one.</summary>
    public sealed record Parameter(string Name, bool IsList, double Default);

    public static Activation Create(string spec)
    {
        string[] p = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var parameters = Parameters(p[0]);
        if (p.Length == 1)
        {
            return ActivationRegistry.Get(spec);
        }

        if (parameters.Count != p.Length - 1)
        {
            throw new ArgumentException($"'{p[0]}' takes {parameters.Count} parameters, '{spec}' gives {p.Length - 1}.", nameof(spec));
        }

        var values = new Dictionary<string, double>();
        for (int i = 0; i < parameters.Count; i++)
        {
            if (!parameters[i].IsList)
            {
                values[parameters[i].Name] = Parse(p[i + 1]);
                continue;
            }

            string[] items = p[i + 1].Split(',');
            for (int j = 0; j < items.Length; j++)
            {
                values[$"{parameters[i].Name}[{j}]"] = Parse(items[j]);
            }
        }

        return ActivationRegistry.Create(p[0], values);
    }

    /// <summary>The positional parameters of <paramref name="name"/> (empty when it has none).</summary>
    public static IReadOnlyList<Parameter> Parameters(string name)
    {
        var result = new List<Parameter>();
        foreach (var setting in ActivationRegistry.Get(name).Settings)
        {
            int bracket = setting.Name.IndexOf('[', StringComparison.Ordinal);
            string baseName = bracket < 0 ? setting.Name : setting.Name[..bracket];
            if (!result.Any(r => r.Name == baseName))
            {
                result.Add(new Parameter(baseName, bracket >= 0, setting.Default));
            }
        }

        return result;
    }

    /// <summary>A spec string for <paramref name="name"/> with these arguments (doubles or non-empty lists of doubles).</summary>
    public static string Format(string name, IEnumerable<object> arguments) =>
        string.Join(' ', arguments.Select(a => a switch
        {
            double v => Show(v),
            IReadOnlyList<double> { Count: > 0 } list => string.Join(',', list.Select(Show)),
            _ => throw new ArgumentException($"Unsupported argument {a}.", nameof(arguments)),
        }).Prepend(name));

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
