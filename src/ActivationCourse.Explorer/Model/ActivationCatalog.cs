using System.Globalization;
using System.Reflection;
using ActivationCourse.Activations;

namespace ActivationCourse.Explorer.Model;

/// <summary>One slider: a constructor parameter of an activation, its symbol, range and the library's default.</summary>
public sealed record ParameterSlider(string Name, string Symbol, double Min, double Max, double Step, double Default);

/// <summary>An activation of the registry with the sliders its constructor allows.</summary>
public sealed record CatalogEntry(string Name, string DisplayName, string Description, IReadOnlyList<ParameterSlider> Sliders);

/// <summary>
/// The registry's activations as the page lists them. Parameters come from each class's public constructor
/// (names and defaults as the library declares them), so a new activation or parameter appears without UI work;
/// only the slider ranges and symbols are chosen here.
/// </summary>
public static class ActivationCatalog
{
    // Keyed "activation.parameter" first, then "parameter".
    private static readonly Dictionary<string, (string Symbol, double Min, double Max, double Step)> Ranges = new()
    {
        ["alpha"] = ("α", 0.05, 3, 0.05),
        ["soft_exponential.alpha"] = ("α", -1, 1, 0.05),
        ["beta"] = ("β", 0.1, 10, 0.1),
        ["threshold"] = ("t", 1, 40, 1),
        ["negativeSlope"] = ("a", 0, 1, 0.01),
        ["slope"] = ("a", 0, 1, 0.01),
        ["lower"] = ("l", 0, 1, 0.01),
        ["upper"] = ("u", 0, 1, 0.01),
        ["maximum"] = ("L", 0.1, 3, 0.1),
        ["steepness"] = ("k", 0.1, 10, 0.1),
        ["midpoint"] = ("x₀", -3, 3, 0.1),
        ["halfWidth"] = ("c", 0.5, 6, 0.1),
        ["min"] = ("min", -3, 0, 0.1),
        ["max"] = ("max", 0, 3, 0.1),
        ["leftThreshold"] = ("t_l", -3, 0, 0.1),
        ["leftSlope"] = ("a_l", -1, 1, 0.05),
        ["rightThreshold"] = ("t_r", 0, 3, 0.1),
        ["rightSlope"] = ("a_r", -1, 1, 0.05),
    };

    /// <summary>Every activation of <see cref="ActivationRegistry"/>, in its teaching order.</summary>
    public static IReadOnlyList<CatalogEntry> All { get; } = ActivationRegistry.All.Select(Describe).ToArray();

    /// <summary>The entry for a registry name or alias, or null.</summary>
    public static CatalogEntry? Find(string name) =>
        ActivationRegistry.TryGet(name, out var activation) ? All.FirstOrDefault(e => e.Name == activation.Name) : null;

    /// <summary>
    /// A library instance with the given parameter values (missing values take the default). Values outside a
    /// constructor's domain (RReLU with lower &gt; upper, say) fall back to the defaults.
    /// </summary>
    public static Activation Create(string name, IReadOnlyDictionary<string, double> values) =>
        TryCreate(name, values, out var activation, out _) ? activation : ActivationRegistry.Get(name);

    /// <summary>
    /// A library instance with the given parameter values, or false and the constructor's reason when it
    /// rejects them (the explorer then keeps the defaults and says why).
    /// </summary>
    public static bool TryCreate(string name, IReadOnlyDictionary<string, double> values, out Activation activation, out string? error)
    {
        activation = ActivationRegistry.Get(name);
        error = null;
        var constructor = ParameterConstructor(activation.GetType());
        if (constructor is null)
        {
            return true;
        }
        var arguments = constructor.GetParameters()
            .Select(p => (object)(values.TryGetValue(p.Name!, out double v) ? v : Convert.ToDouble(p.DefaultValue, CultureInfo.InvariantCulture)))
            .ToArray();
        try
        {
            activation = (Activation)constructor.Invoke(arguments);
            return true;
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentException inner)
        {
            error = inner.Message.Split('\n')[0];
            return false;
        }
    }

    private static CatalogEntry Describe(Activation activation)
    {
        var constructor = ParameterConstructor(activation.GetType());
        var sliders = constructor?.GetParameters().Select(p => Slider(activation.Name, p)).ToArray() ?? [];
        return new CatalogEntry(activation.Name, activation.DisplayName, activation.Description, sliders);
    }

    private static ParameterSlider Slider(string activation, ParameterInfo parameter)
    {
        string name = parameter.Name!;
        double initial = Convert.ToDouble(parameter.DefaultValue, CultureInfo.InvariantCulture);
        if (!Ranges.TryGetValue($"{activation}.{name}", out var range) && !Ranges.TryGetValue(name, out range))
        {
            // A parameter this page has not met yet: a symmetric range around its default.
            double span = Math.Max(1, Math.Abs(initial) * 2);
            range = (name, initial - span, initial + span, span / 50);
        }
        return new ParameterSlider(name, range.Symbol, Math.Min(range.Min, initial), Math.Max(range.Max, initial), range.Step, initial);
    }

    // The public constructor whose parameters are all optional doubles (the activation's constants), if any.
    private static ConstructorInfo? ParameterConstructor(Type type) =>
        type.GetConstructors()
            .Where(c => c.GetParameters() is { Length: > 0 } ps && ps.All(p => p.ParameterType == typeof(double) && p.HasDefaultValue))
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault();
}
