namespace ActivationCourse.Activations;

/// <summary>One S-shaped curve, rescaled to the range (−1, 1) with slope 1 at the origin.</summary>
/// <param name="Name">Short name for legends.</param>
/// <param name="Formula">The rescaled formula in plain text.</param>
/// <param name="Function">The rescaled function.</param>
public sealed record SigmoidFamilyMember(string Name, string Formula, Func<double, double> Function);

/// <summary>
/// The sigmoid family on a common footing: each classic S-curve rescaled (in x and in y) so that it runs from −1 to 1
/// and has slope 1 at 0, so that only the shape of the tails differs. Rescaled to range (−1, 1) with unit slope, the
/// logistic function (generalized with L = 2, k = 2, shifted down by 1) is tanh itself.
/// </summary>
public static class SigmoidFamily
{
    /// <summary>The members, in the order the literature usually lists them.</summary>
    public static IReadOnlyList<SigmoidFamilyMember> Members { get; } =
    [
        new("tanh", "tanh(x)", Math.Tanh),
        new("logistic", "2/(1 + e^(−2x)) − 1", x => (2 / (1 + Math.Exp(-2 * x))) - 1),
        new("arctan", "(2/π)·arctan(πx/2)", x => 2 / Math.PI * Math.Atan(Math.PI * x / 2)),
        new("erf", "erf(√π·x/2)", x => MathNet.Numerics.SpecialFunctions.Erf(Math.Sqrt(Math.PI) * x / 2)),
        new("Gudermannian", "(2/π)·gd(πx/2), gd(t) = 2·arctan(tanh(t/2))", x => 2 / Math.PI * Gudermannian(Math.PI * x / 2)),
        new("softsign", "x/(1 + |x|)", x => x / (1 + Math.Abs(x))),
        new("algebraic", "x/√(1 + x²)", x => x / Math.Sqrt(1 + (x * x))),
    ];

    /// <summary>The Gudermannian function gd(t) = 2·arctan(tanh(t/2)), range (−π/2, π/2), gd′(0) = 1.</summary>
    public static double Gudermannian(double t) => 2 * Math.Atan(Math.Tanh(t / 2));
}
