using ActivationCourse.Activations;

namespace ActivationCourse.Lib.Tests.Experiments;

/// <summary>
/// A test double: an activation given by two delegates, so the experiment tests depend only on the
/// <see cref="Activation"/> contract and on formulas written out in the test.
/// </summary>
internal sealed class DelegateActivation(string name, Func<double, double> f, Func<double, double> derivative) : Activation
{
    public static DelegateActivation Sigmoid { get; } = new("sigmoid", x => 1 / (1 + Math.Exp(-x)), x =>
    {
        double s = 1 / (1 + Math.Exp(-x));
        return s * (1 - s);
    });

    public static DelegateActivation Tanh { get; } = new("tanh", Math.Tanh, x => 1 - (Math.Tanh(x) * Math.Tanh(x)));

    public static DelegateActivation Relu { get; } = new("relu", x => Math.Max(x, 0), x => x > 0 ? 1 : 0);

    public override string Name => name;
    public override string DisplayName => name;
    public override string Description => "test double";
    public override string Formula => name;
    public override string Range => "ℝ";
    public override double Forward(double x) => f(x);
    public override double Derivative(double x) => derivative(x);

    public override void Forward(ReadOnlySpan<float> x, Span<float> y) => Map(x, y, f);
    public override void Forward(ReadOnlySpan<double> x, Span<double> y) => Map(x, y, f);
    public override void Derivative(ReadOnlySpan<float> x, Span<float> dydx) => Map(x, dydx, derivative);
    public override void Derivative(ReadOnlySpan<double> x, Span<double> dydx) => Map(x, dydx, derivative);

    public override void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> dx)
    {
        for (int i = 0; i < x.Length; i++)
        {
            dx[i] = upstream[i] * (float)derivative(x[i]);
        }
    }

    public override void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> upstream, Span<double> dx)
    {
        for (int i = 0; i < x.Length; i++)
        {
            dx[i] = upstream[i] * derivative(x[i]);
        }
    }

    private static void Map(ReadOnlySpan<float> x, Span<float> y, Func<double, double> g)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = (float)g(x[i]);
        }
    }

    private static void Map(ReadOnlySpan<double> x, Span<double> y, Func<double, double> g)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = g(x[i]);
        }
    }
}
