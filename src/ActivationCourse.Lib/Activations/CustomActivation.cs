using ActivationCourse.Activations;

namespace ActivationCourse.Activations;

/// <summary>
/// An <see cref="Activation"/> made from two delegates, f and a claimed f′, so that a hand-written derivative
/// (right or wrong) can go through everything that accepts an activation, the gradient checker first of all.
/// <code>
/// var buggy = new CustomActivation("sigmoid, sign slip", x => 1 / (1 + Math.Exp(-x)), x => s(x) * (1 + s(x)));
/// GradientCheck.Activation(buggy, points);
/// </code>
/// The span methods are plain loops over the delegates (float spans go through double).
/// </summary>
public sealed class CustomActivation : Activation
{
    private readonly Func<double, double> _f;
    private readonly Func<double, double> _derivative;
    private readonly double[] _kinks;

    /// <summary>Wraps f and f′.</summary>
    /// <param name="name">Display name; the lookup name is derived from it.</param>
    /// <param name="f">The function.</param>
    /// <param name="derivative">The derivative to be checked.</param>
    /// <param name="kinks">Points where f is not differentiable (the checker warns about probes near them).</param>
    public CustomActivation(string name, Func<double, double> f, Func<double, double> derivative, params double[] kinks)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _f = f ?? throw new ArgumentNullException(nameof(f));
        _derivative = derivative ?? throw new ArgumentNullException(nameof(derivative));
        _kinks = kinks ?? [];
        DisplayName = name;
        Name = string.Join("_", name.ToLowerInvariant().Split([' ', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override string DisplayName { get; }

    /// <inheritdoc/>
    public override string Description => "A function and a hand-written derivative supplied as delegates.";

    /// <inheritdoc/>
    public override string Formula => "user-supplied";

    /// <inheritdoc/>
    public override string Range => "unknown";

    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => _kinks;

    /// <inheritdoc/>
    public override double Forward(double x) => _f(x);

    /// <inheritdoc/>
    public override double Derivative(double x) => _derivative(x);

    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<float> x, Span<float> y) => Map(x, y, _f);

    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<double> x, Span<double> y) => Map(x, y, _f);

    /// <inheritdoc/>
    public override void Derivative(ReadOnlySpan<float> x, Span<float> dydx) => Map(x, dydx, _derivative);

    /// <inheritdoc/>
    public override void Derivative(ReadOnlySpan<double> x, Span<double> dydx) => Map(x, dydx, _derivative);

    /// <inheritdoc/>
    public override void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> dx)
    {
        SameLength(x.Length, upstream.Length, nameof(upstream));
        SameLength(x.Length, dx.Length, nameof(dx));
        for (int i = 0; i < x.Length; i++)
        {
            dx[i] = (float)(upstream[i] * _derivative(x[i]));
        }
    }

    /// <inheritdoc/>
    public override void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> upstream, Span<double> dx)
    {
        SameLength(x.Length, upstream.Length, nameof(upstream));
        SameLength(x.Length, dx.Length, nameof(dx));
        for (int i = 0; i < x.Length; i++)
        {
            dx[i] = upstream[i] * _derivative(x[i]);
        }
    }

    private static void Map(ReadOnlySpan<float> x, Span<float> y, Func<double, double> g)
    {
        SameLength(x.Length, y.Length, nameof(y));
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = (float)g(x[i]);
        }
    }

    private static void Map(ReadOnlySpan<double> x, Span<double> y, Func<double, double> g)
    {
        SameLength(x.Length, y.Length, nameof(y));
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = g(x[i]);
        }
    }

    private static void SameLength(int expected, int actual, string name)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"x has length {expected} but {name} has length {actual}.", name);
        }
    }
}
