using ActivationCourse.Activations;

namespace ActivationCourse.Explorer.Model;

/// <summary>One slider: a parameter of an activation, its symbol, range and the library's default.</summary>
public sealed record ParameterSlider(string Name, string Symbol, double Min, double Max, double Step, double Default);

/// <summary>An activation of the registry with the sliders its parameters get.</summary>
public sealed record CatalogEntry(string Name, string DisplayName, string Description, IReadOnlyList<ParameterSlider> Sliders);

/// <summary>
/// The registry's activations as the page lists them. Everything comes from the activation's members (its
/// <see cref="Activation.Settings"/> give the sliders, <see cref="Activation.Tex"/> and
/// <see cref="Activation.FrameworkNotes"/> the text), so a new activation or parameter appears without UI work.
/// </summary>
public static class ActivationCatalog
{
    /// <summary>Every activation of <see cref="ActivationRegistry"/>, in its teaching order.</summary>
    public static IReadOnlyList<CatalogEntry> All { get; } = ActivationRegistry.All.Select(Describe).ToArray();

    /// <summary>The entry for a registry name or alias, or null.</summary>
    public static CatalogEntry? Find(string name) =>
        ActivationRegistry.TryGet(name, out var activation) ? All.FirstOrDefault(e => e.Name == activation.Name) : null;

    /// <summary>
    /// A library instance with the given parameter values (missing values take the default). Values the activation
    /// rejects (RReLU with lower &gt; upper, say) fall back to the defaults.
    /// </summary>
    public static Activation Create(string name, IReadOnlyDictionary<string, double> values) =>
        TryCreate(name, values, out var activation, out _) ? activation : ActivationRegistry.Get(name);

    /// <summary>
    /// A library instance from <see cref="ActivationRegistry.Create"/>, or false and the library's reason when it
    /// rejects the values (the explorer then keeps the defaults and says why).
    /// </summary>
    public static bool TryCreate(string name, IReadOnlyDictionary<string, double> values, out Activation activation, out string? error)
    {
        try
        {
            activation = ActivationRegistry.Create(name, values);
            error = null;
            return true;
        }
        catch (ArgumentOutOfRangeException e)
        {
            activation = ActivationRegistry.Get(name);
            error = e.Message.Split('\n')[0].Split(" (Parameter '")[0];
            return false;
        }
    }

    private static CatalogEntry Describe(Activation activation) =>
        new(activation.Name, activation.DisplayName, activation.Description,
            [.. activation.Settings.Select(s => new ParameterSlider(s.Name, s.Symbol, s.SliderMin, s.SliderMax, s.SliderStep, s.Default))]);
}
