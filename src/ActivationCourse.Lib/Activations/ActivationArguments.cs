namespace ActivationCourse.Activations;

/// <summary>
/// The parameter values <see cref="ActivationRegistry.Create"/> hands to an activation's factory: a value given by
/// name, else the default from the activation's <see cref="Activation.Settings"/>. Records which names were read, so
/// a name the activation does not have is reported instead of ignored.
/// </summary>
internal sealed class ActivationArguments(string activation, IReadOnlyList<ActivationSetting> defaults, IReadOnlyDictionary<string, double> given)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>The value of the parameter <paramref name="name"/>.</summary>
    public double this[string name]
    {
        get
        {
            _read.Add(name);
            return given.TryGetValue(name, out double value) ? value : Default(name);
        }
    }

    /// <summary>
    /// A list parameter: elements <c>name[0]</c>, <c>name[1]</c>, … as long as the defaults' list or up to the highest
    /// element given; an element not given takes its default, or 0 beyond the defaults' list.
    /// </summary>
    public double[] List(string name)
    {
        string prefix = name + "[";
        int Index(string key) => key.StartsWith(prefix, StringComparison.Ordinal) && key.EndsWith(']')
            && int.TryParse(key[prefix.Length..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int i) && i < 1024 ? i : -1;
        int count = Math.Max(defaults.Select(s => Index(s.Name)).DefaultIfEmpty(-1).Max(), given.Keys.Select(Index).DefaultIfEmpty(-1).Max()) + 1;
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            string key = $"{name}[{i}]";
            _read.Add(key);
            values[i] = given.TryGetValue(key, out double value) ? value : defaults.FirstOrDefault(s => s.Name == key)?.Default ?? 0;
        }

        return values;
    }

    /// <summary>Throws the parameter error for the first given name the factory did not read.</summary>
    public void ThrowOnUnread()
    {
        foreach (string name in given.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (!_read.Contains(name))
            {
                throw ActivationParameter.Unknown(activation, name, defaults.Select(s => s.Name));
            }
        }
    }

    private double Default(string name) =>
        defaults.FirstOrDefault(s => s.Name == name)?.Default ?? throw ActivationParameter.Unknown(activation, name, defaults.Select(s => s.Name));
}
