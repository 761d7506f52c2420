namespace ActivationCourse.Gradients;

/// <summary>How far to trust an analytic gradient, from the worst relative error (thresholds in <see cref="GradientCheck"/>).</summary>
public enum GradientVerdict
{
    /// <summary>Relative error below 1e-7.</summary>
    Good,

    /// <summary>1e-7 to 1e-4: probably fine; check kinks and float precision.</summary>
    ProbablyFine,

    /// <summary>1e-4 to 1e-2: suspicious.</summary>
    Suspicious,

    /// <summary>Above 1e-2 (or NaN): probably wrong.</summary>
    Wrong,
}
