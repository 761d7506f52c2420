using System.Globalization;

namespace ActivationCourse.Activations;

/// <summary>
/// The one contract every activation constructor follows: each parameter is finite and within its documented range
/// (and a lower bound below its upper bound), else an <see cref="ArgumentOutOfRangeException"/> whose
/// <see cref="ArgumentException.ParamName"/> is the parameter and whose message has one shape:
/// "<c>hard_tanh: max must be &gt; min (2), got -2.</c>".
/// </summary>
internal static class ActivationParameter
{
    /// <summary><paramref name="value"/> if it is finite.</summary>
    public static double Finite(double value, string activation, string name) =>
        double.IsFinite(value) ? value : throw Invalid(activation, name, "a finite number", value);

    /// <summary><paramref name="value"/> if it is finite and &gt; 0.</summary>
    public static double Positive(double value, string activation, string name) =>
        double.IsFinite(value) && value > 0 ? value : throw Invalid(activation, name, "a finite number > 0", value);

    /// <summary><paramref name="value"/> if it is finite and not 0.</summary>
    public static double NonZero(double value, string activation, string name) =>
        double.IsFinite(value) && value != 0 ? value : throw Invalid(activation, name, "a finite number other than 0", value);

    /// <summary><paramref name="value"/> if it is finite and ≥ 0.</summary>
    public static double NonNegative(double value, string activation, string name) =>
        double.IsFinite(value) && value >= 0 ? value : throw Invalid(activation, name, "a finite number ≥ 0", value);

    /// <summary>
    /// <paramref name="upper"/> if it is finite and above <paramref name="lower"/> (or equal, when
    /// <paramref name="allowEqual"/>); <paramref name="lower"/> must have been checked first.
    /// </summary>
    public static double Above(double upper, double lower, bool allowEqual, string activation, string name, string lowerName)
    {
        Finite(upper, activation, name);
        bool ordered = allowEqual ? upper >= lower : upper > lower;
        string relation = allowEqual ? "≥" : ">";
        return ordered ? upper : throw Invalid(activation, name, $"{relation} {lowerName} ({Show(lower)})", upper);
    }

    /// <summary>Throws unless the list <paramref name="name"/> has as many values as <paramref name="otherName"/>.</summary>
    public static void SameCount(int count, int otherCount, string activation, string name, string otherName)
    {
        if (count != otherCount)
            throw new ArgumentOutOfRangeException(name, count, $"{activation}: {name} must have as many values as {otherName} ({otherCount}), got {count}.");
    }

    /// <summary>The error for a parameter name the activation does not have (it lists the names it has).</summary>
    public static ArgumentOutOfRangeException Unknown(string activation, string name, IEnumerable<string> names)
    {
        string known = string.Join(", ", names);
        string has = known.Length == 0 ? "it has no parameters" : $"its parameters are {known}";
        return new(name, $"{activation}: {name} must be a parameter of {activation} ({has}).");
    }

    private static ArgumentOutOfRangeException Invalid(string activation, string name, string requirement, double value) =>
        new(name, value, $"{activation}: {name} must be {requirement}, got {Show(value)}.");

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
