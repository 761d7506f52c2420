using ActivationCourse.Printing;

namespace ActivationCourse.Claims;

/// <summary>
/// A sentence of a lesson's prose, checked by the cell that computes its evidence. A claim that holds prints one
/// discreet line, "✓ the sentence"; a claim that does not throws <see cref="ClaimFailedException"/>, so a change to the
/// library or the data that makes the prose false stops the notebook run.
/// <code>
/// Claim.Below(ratio, 1e-3, "the sigmoid stack's first layer gets less than a thousandth of the last layer's gradient");
/// Claim.That(deadShare == 0, "no unit is dead at this learning rate");
/// </code>
/// </summary>
public static class Claim
{
    /// <summary>The mark printed before a claim that holds.</summary>
    public const string Mark = "✓";

    /// <summary>A claim whose truth is <paramref name="holds"/>.</summary>
    public static void That(bool holds, string sentence) => Report(holds, sentence, null);

    /// <summary>The claim that <paramref name="value"/> is strictly below <paramref name="limit"/>.</summary>
    public static void Below(double value, double limit, string sentence) =>
        Report(value < limit, sentence, $"{Num.Show(value)} is not below {Num.Show(limit)}");

    /// <summary>The claim that <paramref name="value"/> is strictly above <paramref name="limit"/>.</summary>
    public static void Above(double value, double limit, string sentence) =>
        Report(value > limit, sentence, $"{Num.Show(value)} is not above {Num.Show(limit)}");

    /// <summary>The claim that <paramref name="value"/> lies in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static void Between(double value, double low, double high, string sentence) =>
        Report(value >= low && value <= high, sentence, $"{Num.Show(value)} is outside [{Num.Show(low)}, {Num.Show(high)}]");

    /// <summary>The claim that <paramref name="value"/> is within <paramref name="tolerance"/> of <paramref name="target"/>.</summary>
    public static void Near(double value, double target, double tolerance, string sentence) =>
        Report(Math.Abs(value - target) <= tolerance, sentence,
            $"{Num.Show(value)} is farther than {Num.Show(tolerance)} from {Num.Show(target)}");

    private static void Report(bool holds, string sentence, string? evidence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sentence);
        if (!holds)
        {
            throw new ClaimFailedException(sentence, evidence);
        }

        Console.WriteLine($"{Mark} {sentence}");
    }
}
