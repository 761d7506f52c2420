namespace ActivationCourse.Plotting;

/// <summary>
/// A library value that knows how to show itself as self-contained HTML (no script, no network):
/// charts, gradient-check reports, exercise results. Notebook front ends and the course site render
/// these through <see cref="ToHtml"/>; plain-text front ends use <see cref="object.ToString"/>.
/// </summary>
public interface IHtmlRenderable
{
    /// <summary>A self-contained HTML fragment (inline SVG is fine).</summary>
    string ToHtml();
}
