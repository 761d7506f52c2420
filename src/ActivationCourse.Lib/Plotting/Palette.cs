using System.Globalization;

namespace ActivationCourse.Plotting;

/// <summary>
/// The course's colors: the Okabe–Ito palette (safe for the common forms of color blindness), in an order
/// that keeps the first few series far apart, plus the sequential color maps used by heatmaps.
/// </summary>
public static class Palette
{
    /// <summary>Series colors, in the order series receive them.</summary>
    public static IReadOnlyList<string> Colors { get; } =
    [
        "#0072B2", // blue
        "#E69F00", // orange
        "#009E73", // bluish green
        "#D55E00", // vermillion
        "#CC79A7", // reddish purple
        "#56B4E9", // sky blue
        "#8C6D1F", // dark yellow (the palette's yellow is too light on white)
        "#000000", // black
    ];

    /// <summary>The color of the series with index <paramref name="i"/> (wraps around).</summary>
    public static string Color(int i) => Colors[((i % Colors.Count) + Colors.Count) % Colors.Count];

    internal static (double R, double G, double B) Parse(string hex)
    {
        var h = hex.TrimStart('#');
        return (int.Parse(h[..2], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                int.Parse(h[2..4], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                int.Parse(h[4..6], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    internal static string Hex(double r, double g, double b) =>
        string.Create(CultureInfo.InvariantCulture,
            $"#{(int)Math.Round(Math.Clamp(r, 0, 255)):x2}{(int)Math.Round(Math.Clamp(g, 0, 255)):x2}{(int)Math.Round(Math.Clamp(b, 0, 255)):x2}");

    /// <summary>Linear mix of two hex colors; t = 0 gives <paramref name="a"/>, t = 1 gives <paramref name="b"/>.</summary>
    internal static string Mix(string a, string b, double t)
    {
        var (r1, g1, b1) = Parse(a);
        var (r2, g2, b2) = Parse(b);
        t = Math.Clamp(t, 0, 1);
        return Hex(r1 + ((r2 - r1) * t), g1 + ((g2 - g1) * t), b1 + ((b2 - b1) * t));
    }

    /// <summary>Relative luminance in [0, 1], to pick black or white text on a colored cell.</summary>
    internal static double Luminance(string hex)
    {
        var (r, g, b) = Parse(hex);
        return ((0.2126 * r) + (0.7152 * g) + (0.0722 * b)) / 255.0;
    }
}

/// <summary>Sequential color maps for heatmaps: value 0 maps to the first stop, 1 to the last.</summary>
public enum ColorMap
{
    /// <summary>White to near-black: digit images look like ink on paper.</summary>
    Grays,

    /// <summary>White to dark blue: counts, confusion matrices.</summary>
    Blues,

    /// <summary>Blue–white–vermillion, for signed values centered on zero (weights, gradients).</summary>
    Diverging,
}

internal static class ColorMaps
{
    public static string At(ColorMap map, double t)
    {
        if (!double.IsFinite(t))
        {
            return "#f0f0f0";
        }
        t = Math.Clamp(t, 0, 1);
        return map switch
        {
            ColorMap.Grays => Palette.Mix("#ffffff", "#111111", t),
            ColorMap.Blues => t < 0.5 ? Palette.Mix("#f7fbff", "#6baed6", t * 2) : Palette.Mix("#6baed6", "#08306b", (t - 0.5) * 2),
            _ => t < 0.5 ? Palette.Mix("#0072B2", "#f7f7f7", t * 2) : Palette.Mix("#f7f7f7", "#D55E00", (t - 0.5) * 2),
        };
    }
}
