using ActivationCourse.Gradients;


namespace ActivationCourse.Lib.Tests.Gradients;

public class StepSizeSweepTests
{
    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static float SigmoidF(float x) => 1f / (1f + MathF.Exp(-x));

    private static double SigmoidPrime(double x) => Sigmoid(x) * (1 - Sigmoid(x));

    private static StepSizeSweep Sweep(Precision p) => StepSizeSweep.Run("σ", Sigmoid, SigmoidF, SigmoidPrime, 1.0,
        DifferenceQuotients.LogSpacedSteps(1e-1, 1e-12, 4), p);

    [Fact]
    public void TruncationErrorIsFirstOrderOneSidedAndSecondOrderCentered()
    {
        var s = Sweep(Precision.Double);
        // From h = 1e-1 to 1e-2 (truncation dominates): one-sided error shrinks ~10×, centered ~100×.
        var a = s.At(1e-1);
        var b = s.At(1e-2);
        Assert.InRange(a.ForwardError / b.ForwardError, 8, 12);
        Assert.InRange(a.CenteredError / b.CenteredError, 80, 120);
    }

    [Fact]
    public void RoundOffDominatesBelowTheBestStep()
    {
        var s = Sweep(Precision.Double);
        // The best centered step in double is near ∛ε (1e-6 … 1e-4) and reaches ~1e-11 absolute error.
        Assert.InRange(s.BestCentered.Step, 1e-6, 1e-4);
        Assert.True(s.BestCentered.CenteredError < 1e-10);
        // Tiny steps are worse than the best: round-off grows like ε/h.
        Assert.True(s.At(1e-12).CenteredError > 100 * s.BestCentered.CenteredError);
        // The model's optimum is within a factor of 10 of the measured one.
        Assert.InRange(s.ModelBestCenteredStep / s.BestCentered.Step, 0.1, 10);
    }

    [Fact]
    public void SinglePrecisionIsFarLessAccurate()
    {
        var d = Sweep(Precision.Double);
        var f = Sweep(Precision.Single);
        Assert.True(f.BestCentered.CenteredError > 1000 * d.BestCentered.CenteredError);
        Assert.InRange(f.BestCentered.Step, 1e-3, 1e-1);
        // The double-precision habit h = 1e-5 costs several digits in float.
        Assert.True(f.At(1e-5).CenteredError > 1e-4);
    }

    [Fact]
    public void ModelUsesTheHigherDerivatives()
    {
        var s = Sweep(Precision.Double);
        double sg = Sigmoid(1), sp = SigmoidPrime(1);
        Assert.Equal(sp * (1 - (2 * sg)), s.SecondDerivative, 7);
        Assert.Equal(sp * (1 - (6 * sg) + (6 * sg * sg)), s.ThirdDerivative, 5);
        Assert.Equal(sg, s.Value, 15);
        Assert.Equal(sp, s.Exact, 15);
        Assert.Contains("<table", s.ToHtml());
        Assert.Contains("centered", s.ToHtml());
    }
}
