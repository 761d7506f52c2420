using ActivationCourse.Activations;

namespace ActivationCourse.Lib.Tests.Training;

/// <summary>A minimal element-wise activation for the engine's tests: f and f′ given as scalar functions.</summary>
internal sealed class ScalarActivation(string name, Func<double, double> f, Func<double, double> df) : Activation
{
    public static readonly ScalarActivation Relu = new("relu", x => x > 0 ? x : 0, x => x > 0 ? 1 : 0);

    public static readonly ScalarActivation Tanh = new("tanh", Math.Tanh, x => 1 - (Math.Tanh(x) * Math.Tanh(x)));

    public static readonly ScalarActivation Sigmoid = new("sigmoid", x => 1 / (1 + Math.Exp(-x)), x => Math.Exp(-x) / Math.Pow(1 + Math.Exp(-x), 2));

    public override string Name => name;

    public override string DisplayName => name;

    public override string Description => "test activation";

    public override string Formula => name;

    public override string Range => "ℝ";

    public override double Forward(double x) => f(x);

    public override double Derivative(double x) => df(x);

    public override void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = (float)f(x[i]);
        }
    }

    public override void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = f(x[i]);
        }
    }

    public override void Derivative(ReadOnlySpan<float> x, Span<float> dydx)
    {
        for (int i = 0; i < x.Length; i++)
        {
            dydx[i] = (float)df(x[i]);
        }
    }

    public override void Derivative(ReadOnlySpan<double> x, Span<double> dydx)
    {
        for (int i = 0; i < x.Length; i++)
        {
            dydx[i] = df(x[i]);
        }
    }

    public override void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> dx)
    {
        for (int i = 0; i < x.Length; i++)
        {
            dx[i] = upstream[i] * (float)df(x[i]);
        }
    }

    public override void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> upstream, Span<double> dx)
    {
        for (int i = 0; i < x.Length; i++)
        {
            dx[i] = upstream[i] * df(x[i]);
        }
    }

    public static Activation Resolve(string name) => name switch
    {
        "relu" => Relu,
        "tanh" => Tanh,
        "sigmoid" => Sigmoid,
        _ => throw new ArgumentException($"Unknown activation \"{name}\"."),
    };
}
