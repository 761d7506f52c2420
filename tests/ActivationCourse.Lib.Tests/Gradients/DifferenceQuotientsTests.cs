using ActivationCourse.Gradients;


namespace ActivationCourse.Lib.Tests.Gradients;

public class DifferenceQuotientsTests
{
    [Fact]
    public void MachineEpsilonIsTheGapAboveOne()
    {
        Assert.Equal(Math.Pow(2, -52), DifferenceQuotients.MachineEpsilon(Precision.Double));
        Assert.Equal(Math.Pow(2, -23), DifferenceQuotients.MachineEpsilon(Precision.Single));
    }

    [Fact]
    public void RuleOfThumbStepsAreRootsOfEpsilon()
    {
        Assert.Equal(Math.Cbrt(Math.Pow(2, -52)), DifferenceQuotients.RuleOfThumbStep(Precision.Double, centered: true), 15);
        Assert.Equal(Math.Sqrt(Math.Pow(2, -23)), DifferenceQuotients.RuleOfThumbStep(Precision.Single, centered: false), 15);
        Assert.InRange(DifferenceQuotients.RuleOfThumbStep(Precision.Double, centered: true), 6e-6, 6.1e-6);
    }

    [Fact]
    public void CenteredDifferenceIsExactForQuadratics()
    {
        // (f(x+h) − f(x−h)) / 2h has no truncation error for a polynomial of degree ≤ 2.
        static double F(double x) => (3 * x * x) - (2 * x) + 1;
        Assert.Equal(6 * 0.75 - 2, DifferenceQuotients.Centered(F, 0.75, 0.5), 12);
        // The one-sided difference is off by f″h/2 = 3h.
        Assert.Equal(6 * 0.75 - 2 + (3 * 0.5), DifferenceQuotients.Forward(F, 0.75, 0.5), 12);
    }

    [Fact]
    public void SinglePrecisionQuotientsComputeInFloat()
    {
        // In float, 1 + 1e-8 rounds to 1, so the one-sided difference is exactly 0.
        Assert.Equal(0f, DifferenceQuotients.Forward(v => v * v, 1f, 1e-8f));
        Assert.Equal(2f, DifferenceQuotients.Centered(v => v * v, 1f, 0.25f));
    }

    [Fact]
    public void LogSpacedStepsCoverBothEnds()
    {
        var steps = DifferenceQuotients.LogSpacedSteps(1e-1, 1e-3, 2);
        Assert.Equal(5, steps.Length);
        Assert.Equal(1e-1, steps[0], 15);
        Assert.Equal(Math.Pow(10, -1.5), steps[1], 15);
        Assert.Equal(1e-3, steps[^1], 15);
        Assert.Throws<ArgumentException>(() => DifferenceQuotients.LogSpacedSteps(1e-3, 1e-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => DifferenceQuotients.LogSpacedSteps(1, 1e-3, 0));
    }
}
