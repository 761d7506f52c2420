using System.Globalization;
using System.Reflection;
using ActivationCourse.Activations;

namespace ActivationCourse.Lib.Tests.Activations;

/// <summary>
/// Activations named as "name" (the registry's default) or "name p1 p2 ..." (its constructor's parameters in order),
/// the form the activation tests list their cases in. Any activation with a parameter constructor can be built this
/// way: a list parameter (APL's slopes and hinges) is written with commas, "apl 0.2,-0.4 0,-1" ("-" for an empty list).
/// </summary>
internal static class ActivationSpec
{
    public static Activation Create(string spec)
    {
        string[] p = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (p.Length == 1)
        {
            return ActivationRegistry.Get(spec);
        }

        var constructor = Constructor(p[0]) ?? throw new ArgumentException($"'{p[0]}' has no parameters: '{spec}'.", nameof(spec));
        var parameters = constructor.GetParameters();
        if (parameters.Length != p.Length - 1)
        {
            throw new ArgumentException($"'{p[0]}' takes {parameters.Length} parameters, '{spec}' gives {p.Length - 1}.", nameof(spec));
        }

        object[] arguments = [.. parameters.Select((parameter, i) => Argument(parameter.ParameterType, p[i + 1]))];
        try
        {
            return (Activation)constructor.Invoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>The public constructor with the most parameters, if the activation has one with any (all doubles or lists of doubles).</summary>
    public static ConstructorInfo? Constructor(string name) =>
        ActivationRegistry.Get(name).GetType().GetConstructors()
            .Where(c => c.GetParameters().Length > 0)
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault();

    /// <summary>A spec string for <paramref name="name"/> with these arguments (doubles or lists of doubles).</summary>
    public static string Format(string name, IEnumerable<object> arguments) =>
        string.Join(' ', arguments.Select(a => a switch
        {
            double v => Show(v),
            IReadOnlyList<double> { Count: 0 } => "-",
            IReadOnlyList<double> list => string.Join(',', list.Select(Show)),
            _ => throw new ArgumentException($"Unsupported argument {a}.", nameof(arguments)),
        }).Prepend(name));

    private static object Argument(Type type, string text)
    {
        if (type == typeof(double))
        {
            return Parse(text);
        }

        if (type.IsAssignableFrom(typeof(double[])))
        {
            return text == "-" ? Array.Empty<double>() : text.Split(',').Select(Parse).ToArray();
        }

        throw new ArgumentException($"Parameter type {type} is not supported by the test specs.", nameof(type));
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
