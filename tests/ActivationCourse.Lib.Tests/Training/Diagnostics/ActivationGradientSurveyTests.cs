using ActivationCourse.Activations;
using ActivationCourse.Gradients;
using ActivationCourse.Training.Diagnostics;

namespace ActivationCourse.Lib.Tests.Training.Diagnostics;

public class ActivationGradientSurveyTests
{
    [Fact]
    public void EveryRegisteredActivationPasses()
    {
        var survey = ActivationGradientSurvey.Run(ActivationRegistry.All, points: 100, seed: 3);
        Assert.Equal(ActivationRegistry.Names.Count, survey.Rows.Count);
        Assert.All(survey.Rows, r => Assert.True(r.WorstRelativeError < 1e-7, $"{r.Name}: {r.WorstRelativeError}"));
        Assert.Equal(GradientVerdict.Good, survey.Worst.Verdict);
    }

    [Fact]
    public void ProbesNearKinksAreLeftOut()
    {
        var survey = ActivationGradientSurvey.Run([new ReLU(), new Tanh()], points: 2000, range: 1, seed: 7, kinkMargin: 0.01);
        // About 1% of uniform probes in [−1, 1] fall within 0.01 of ReLU's kink at 0; tanh has no kink.
        Assert.InRange(survey.Rows[0].SkippedNearKinks, 5, 40);
        Assert.Equal(0, survey.Rows[1].SkippedNearKinks);
        Assert.All(survey.Rows[0].Report.Details, d => Assert.True(Math.Abs(d.Point) > 0.01));
        Assert.Empty(survey.Rows[0].Report.Warnings);
    }

    [Fact]
    public void MarginMustExceedTheStep() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivationGradientSurvey.Run([new ReLU()], kinkMargin: 1e-6, step: 1e-5));

    [Fact]
    public void RendersOneRowPerActivation()
    {
        var survey = ActivationGradientSurvey.Run([new ReLU(), new Sigmoid()], points: 10);
        Assert.Equal(2, survey.ToHtml().Split("<tr><td").Length - 1);
        Assert.Contains("Sigmoid", survey.ToString());
    }
}

public class CustomActivationCheckTests
{
    [Fact]
    public void TheCheckerCatchesAWrongDerivativeAndWarnsAtKinks()
    {
        static double S(double x) => 1 / (1 + Math.Exp(-x));
        double[] points = [-2, -0.5, 0.3, 1.7];
        var right = new CustomActivation("sigmoid", S, x => S(x) * (1 - S(x)));
        var wrong = new CustomActivation("sigmoid, sign slip", S, x => S(x) * (1 + S(x)));
        Assert.Equal(GradientVerdict.Good, GradientCheck.Activation(right, points).Verdict);
        Assert.Equal(GradientVerdict.Wrong, GradientCheck.Activation(wrong, points).Verdict);
        var abs = new CustomActivation("abs", Math.Abs, x => Math.Sign(x), 0.0);
        Assert.NotEmpty(GradientCheck.Activation(abs, [0.0]).Warnings);
    }
}
