using ActivationCourse.Activations;
using ActivationCourse.Gradients;

namespace ActivationCourse.Lib.Tests.Activations;

public class ActivationGradientTests
{
    public static TheoryData<string> Names => TestData.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void AnalyticDerivativeMatchesCenteredDifferences(string name)
    {
        Activation f = ActivationRegistry.Get(name);
        double[] points = TestData.Points(f, 200, seed: 42, lo: -4, hi: 4);
        GradientCheckReport report = GradientCheck.Activation(f, points);
        Assert.True(report.Passed(1e-7), report.ToString());
        Assert.Equal(GradientVerdict.Good, report.Verdict);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void BinaryStepHasZeroDerivativeAndChecksAsExactAgreement()
    {
        var step = new BinaryStep();
        GradientCheckReport report = GradientCheck.Activation(step, [-2.0, -0.5, 0.5, 3.0]);
        Assert.All(report.Details, d => Assert.Equal(0.0, d.Analytic));
        Assert.All(report.Details, d => Assert.Equal(0.0, d.Numeric));
        Assert.Equal(0.0, report.WorstRelativeError);
        Assert.Equal(GradientVerdict.Good, report.Verdict);

        // At the jump the numeric "derivative" is 1/(2h): the kink warning and the verdict say so.
        GradientCheckReport atJump = GradientCheck.Activation(step, [0.0]);
        Assert.Equal(GradientVerdict.Wrong, atJump.Verdict);
        Assert.Single(atJump.Warnings);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ForwardAndDerivativeMatchIndependentReferenceFormulas(string name)
    {
        Activation f = ActivationRegistry.Get(name);
        var (rf, rd) = ReferenceFormulas.All[name];
        foreach (double x in new[] { -3.7, -2.0, -1.25, -0.5, -1e-3, 0.0, 1e-3, 0.3, 1.0, 2.5, 4.2 })
        {
            TestData.Close(rf(x), f.Forward(x), 1e-12, $"{name}({x})");
            TestData.Close(rd(x), f.Derivative(x), 1e-10, $"{name}'({x})");
        }
    }
}
