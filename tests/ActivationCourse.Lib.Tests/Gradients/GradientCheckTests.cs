using ActivationCourse.Activations;
using ActivationCourse.Gradients;

namespace ActivationCourse.Lib.Tests.Gradients;

public class GradientCheckTests
{
    private sealed class WrongSigmoid : Activation
    {
        private readonly Sigmoid _s = new();
        public override string Name => "wrong";
        public override string DisplayName => "Wrong sigmoid";
        public override string Description => "σ with the derivative σ(1 + σ) (a typo).";
        public override string Formula => "f(x) = σ(x)";
        public override string Range => "(0, 1)";
        public override double Forward(double x) => _s.Forward(x);
        public override double Derivative(double x) => _s.Forward(x) * (1 + _s.Forward(x));
        public override void Forward(ReadOnlySpan<float> x, Span<float> y) => _s.Forward(x, y);
        public override void Forward(ReadOnlySpan<double> x, Span<double> y) => _s.Forward(x, y);
        public override void Derivative(ReadOnlySpan<float> x, Span<float> dydx) => throw new NotSupportedException();
        public override void Derivative(ReadOnlySpan<double> x, Span<double> dydx) => throw new NotSupportedException();
        public override void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> dx) => throw new NotSupportedException();
        public override void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> upstream, Span<double> dx) => throw new NotSupportedException();
    }

    [Fact]
    public void CatchesAWrongDerivative()
    {
        GradientCheckReport report = GradientCheck.Activation(new WrongSigmoid(), [-1.0, 0.0, 2.0]);
        Assert.Equal(GradientVerdict.Wrong, report.Verdict);
        Assert.False(report.Passed());
        Assert.Contains("Wrong", report.ToString());
        Assert.NotNull(report.Worst);
    }

    [Fact]
    public void WarnsOnAProbeAtAKink()
    {
        GradientCheckReport report = GradientCheck.Activation(new ReLU(), [-1.0, 1e-6, 2.0]);
        Assert.Single(report.Warnings);
        Assert.Contains("kink", report.Warnings[0]);
        Assert.Equal(1, report.WorstIndex);
        Assert.NotEqual(GradientVerdict.Good, report.Verdict);
    }

    [Fact]
    public void VerdictThresholds()
    {
        Assert.Equal(GradientVerdict.Good, GradientCheck.Judge(5e-8));
        Assert.Equal(GradientVerdict.ProbablyFine, GradientCheck.Judge(5e-6));
        Assert.Equal(GradientVerdict.Suspicious, GradientCheck.Judge(5e-3));
        Assert.Equal(GradientVerdict.Wrong, GradientCheck.Judge(0.5));
        Assert.Equal(0.0, GradientCheck.RelativeError(1e-14, -1e-14));
        Assert.Equal(0.5, GradientCheck.RelativeError(1.0, 0.5));
    }

    [Fact]
    public void FunctionCheckRestoresParametersAndRendersHtml()
    {
        double[] p = [1.0, -2.0, 0.5];
        GradientCheckReport report = GradientCheck.Function(
            w => w[0] * w[0] + Math.Sin(w[1]) * w[2],
            w => [2 * w[0], Math.Cos(w[1]) * w[2], Math.Sin(w[1])],
            p,
            name: "quadratic");
        Assert.Equal([1.0, -2.0, 0.5], p);
        Assert.True(report.Passed(), report.ToString());
        string html = report.ToHtml();
        Assert.StartsWith("<div", html);
        Assert.Contains("<table", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("quadratic", html);
        var ex = Assert.Throws<ArgumentException>(() => GradientCheck.Function(w => 0, new double[3], new double[2]));
        Assert.Contains("3", ex.Message);
        Assert.Contains("2", ex.Message);
    }
}
