using ActivationCourse.Plotting;

namespace ActivationCourse.Exercises;

/// <summary>The results of the exercises checked in a session: "3 of 4 exercises correct" and one line each.</summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class CheckSummary : IHtmlRenderable
{
    internal CheckSummary(IReadOnlyList<CheckResult> results) => Results = results;

    /// <summary>The latest result per exercise.</summary>
    public IReadOnlyList<CheckResult> Results { get; }

    /// <summary>How many are correct.</summary>
    public int Correct => Results.Count(r => r.Passed);

    /// <summary>A headline and one line per exercise.</summary>
    public override string ToString() =>
        $"{Correct} of {Results.Count} exercises correct" + string.Concat(Results.Select(r => Environment.NewLine + r));

    /// <summary>The headline and the result boxes.</summary>
    public string ToHtml() =>
        $"<div class=\"exercise-summary\"><p style=\"font-family:system-ui,sans-serif;font-weight:600\">{Correct} of {Results.Count} exercises correct</p>" +
        string.Concat(Results.Select(r => r.ToHtml())) + "</div>";
}
