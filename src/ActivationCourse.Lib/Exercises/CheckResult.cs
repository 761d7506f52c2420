using ActivationCourse.Plotting;

namespace ActivationCourse.Exercises;

/// <summary>How an exercise check turned out.</summary>
public enum CheckOutcome
{
    /// <summary>The answer is right.</summary>
    Correct,

    /// <summary>An answer was given but is not right (or has the wrong shape).</summary>
    NotYet,

    /// <summary>The answer still holds its placeholder (NaN, null, an empty array).</summary>
    NoAnswer,
}

/// <summary>
/// The result of one exercise check: "✔ Exercise 1.1: correct" or "✘ Exercise 1.1: not yet — hint". Renders as a
/// small colored box in notebooks. It never contains the expected value.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class CheckResult : IHtmlRenderable
{
    internal CheckResult(string exercise, CheckOutcome outcome, string? reason)
    {
        Exercise = exercise ?? "";
        Outcome = outcome;
        Reason = reason;
    }

    /// <summary>The exercise id, e.g. "1.1".</summary>
    public string Exercise { get; }

    /// <summary>Correct, not yet, or no answer.</summary>
    public CheckOutcome Outcome { get; }

    /// <summary>True when the answer is right.</summary>
    public bool Passed => Outcome == CheckOutcome.Correct;

    /// <summary>Why the answer is not accepted yet (a hint or a shape problem); null when correct.</summary>
    public string? Reason { get; }

    /// <summary>The one-line verdict.</summary>
    public string Message => Passed
        ? $"Exercise {Exercise}: correct"
        : $"Exercise {Exercise}: not yet — {(string.IsNullOrWhiteSpace(Reason) ? "keep trying" : Reason)}";

    /// <summary>"✔ Exercise 1.1: correct" or "✘ Exercise 1.1: not yet — …".</summary>
    public override string ToString() => (Passed ? "✔ " : "✘ ") + Message;

    /// <summary>A colored box: green when correct, amber otherwise.</summary>
    public string ToHtml()
    {
        var (border, bg, ink, mark) = Passed ? ("#009E73", "#e8f6f1", "#00573f", "✔") : ("#E69F00", "#fdf4e3", "#6b4700", "✘");
        return $"<div class=\"exercise-check\" style=\"border-left:4px solid {border};background:{bg};color:{ink};padding:6px 12px;" +
               $"margin:4px 0;border-radius:3px;font-family:{Svg.FontFamily.Replace("'", "&#39;")}\">" +
               $"<strong>{mark} Exercise {Svg.Escape(Exercise)}:</strong> " +
               (Passed ? "correct" : $"not yet — {Svg.Escape(string.IsNullOrWhiteSpace(Reason) ? "keep trying" : Reason)}") +
               "</div>";
    }
}
