using System.Globalization;

namespace ActivationCourse.Printing;

/// <summary>
/// Numbers printed for people, one convention for every lesson: a few significant digits and no float noise
/// (1.45, not 1.4499999999999993), plain decimals between 0.001 and a million, otherwise the short scientific form
/// 4.3e-14 (lowercase e, no plus sign, no padded exponent), and expressions with their signs folded ("x − 1", not
/// "x − -1"). Negative numbers use the ASCII minus so they can be pasted into code; the minus between the terms of an
/// expression is the typographic "−" the lessons' formulas use.
/// </summary>
public static class Num
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// <paramref name="x"/> rounded to <paramref name="significant"/> significant digits, trailing zeros dropped:
    /// 1.45, 0.0625, 12350, 4.26e-14, 1.8e308, ∞, NaN. Negative zero prints as 0.
    /// </summary>
    public static string Show(double x, int significant = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(significant, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(significant, 17);
        if (double.IsNaN(x))
        {
            return "NaN";
        }

        if (double.IsInfinity(x))
        {
            return x > 0 ? "∞" : "-∞";
        }

        if (x == 0)
        {
            return "0";
        }

        // Round first, then choose the form from the rounded value (999.96 at 4 digits is 1000, not 999.96).
        double rounded = double.Parse(x.ToString("G" + significant, Invariant), Invariant);
        double size = Math.Abs(rounded);
        if (size >= 1e-3 && size < 1e6)
        {
            return rounded.ToString("R", Invariant);
        }

        string[] parts = x.ToString("E" + (significant - 1), Invariant).Split('E');
        string mantissa = parts[0].Contains('.') ? parts[0].TrimEnd('0').TrimEnd('.') : parts[0];
        int exponent = int.Parse(parts[1], Invariant);
        return $"{mantissa}e{exponent.ToString(Invariant)}";
    }

    /// <summary><paramref name="x"/> with exactly <paramref name="decimals"/> decimals; a rounded negative zero prints without its sign.</summary>
    public static string Fixed(double x, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        string text = x.ToString("F" + decimals, Invariant);
        return text.StartsWith('-') && text.Skip(1).All(c => c is '0' or '.') ? text[1..] : text;
    }

    /// <summary>A fraction as a percentage with <paramref name="decimals"/> decimals: 0.98391 → "98.4%".</summary>
    public static string Percent(double fraction, int decimals = 1) => Fixed(100 * fraction, decimals) + "%";

    /// <summary>A ratio with two significant digits and a times sign: 4.137 → "4.1×".</summary>
    public static string Times(double ratio, int significant = 2) => Show(ratio, significant) + "×";

    /// <summary>A count with thousands separators: 60000 → "60,000".</summary>
    public static string Count(long n) => n.ToString("N0", Invariant);

    /// <summary>
    /// A sum of terms with folded signs: <c>Terms((1, "x"), (-1, ""))</c> is "x − 1",
    /// <c>Terms((-0.4, "max(0, −x − 1)"))</c> is "−0.4·max(0, −x − 1)". A coefficient of ±1 is left out before a term, zero
    /// terms are skipped, and an empty sum is "0".
    /// </summary>
    public static string Terms(params (double Coefficient, string Term)[] terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var text = new System.Text.StringBuilder();
        foreach (var (coefficient, term) in terms)
        {
            if (coefficient == 0)
            {
                continue;
            }

            bool negative = coefficient < 0;
            text.Append(text.Length == 0 ? (negative ? "−" : "") : (negative ? " − " : " + "));
            double size = Math.Abs(coefficient);
            text.Append(string.IsNullOrEmpty(term) ? Show(size) : size == 1 ? term : $"{Show(size)}·{term}");
        }

        return text.Length == 0 ? "0" : text.ToString();
    }
}
