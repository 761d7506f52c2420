using ActivationCourse.Cli.Benchmarks;

namespace ActivationCourse.Cli.Tests;

/// <summary>Whether OpenBLAS loads on this machine, found once for every attribute below.</summary>
internal static class OpenBlasAvailability
{
    public static bool Loads { get; } = OpenBlas.TryLoad() is not null;

    public static string? SkipUnlessLoaded => Loads ? null : "Skipped: " + OpenBlas.MissingNote;

    public static string? SkipIfLoaded => Loads ? "Skipped: OpenBLAS is installed here; this checks the message shown without it." : null;
}

/// <summary>A fact that compares against OpenBLAS: skipped, with the install hint as its reason, where OpenBLAS is missing.</summary>
internal sealed class OpenBlasFactAttribute : FactAttribute
{
    public OpenBlasFactAttribute() => Skip = OpenBlasAvailability.SkipUnlessLoaded;
}

/// <summary>A theory that compares against OpenBLAS: skipped, with the install hint as its reason, where OpenBLAS is missing.</summary>
internal sealed class OpenBlasTheoryAttribute : TheoryAttribute
{
    public OpenBlasTheoryAttribute() => Skip = OpenBlasAvailability.SkipUnlessLoaded;
}

/// <summary>A fact about the behaviour without OpenBLAS: skipped where OpenBLAS is installed.</summary>
internal sealed class WithoutOpenBlasFactAttribute : FactAttribute
{
    public WithoutOpenBlasFactAttribute() => Skip = OpenBlasAvailability.SkipIfLoaded;
}
