namespace ActivationCourse.Activations;

/// <summary>
/// An element-wise activation function f with its derivative f′, in scalar and vectorized form.
/// </summary>
/// <remarks>
/// <para>Every subclass writes its formula once (forward next to derivative) and lets the shared
/// vectorized driver walk the spans. Spans never allocate; <c>x</c> and the destination may be the same span.</para>
/// <para>Derivative conventions follow PyTorch: at a kink the one-sided value PyTorch's autograd returns
/// (ReLU′(0) = 0). <see cref="Kinks"/> lists those points so a gradient check can avoid or flag them.</para>
/// <para>NaN in gives NaN out. Spans of different lengths throw <see cref="ArgumentException"/> naming both lengths.</para>
/// </remarks>
public abstract class Activation
{
    /// <summary>Lookup name in snake_case, as in <c>ActivationRegistry.Get("leaky_relu")</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Human-readable name, e.g. "Leaky ReLU".</summary>
    public abstract string DisplayName { get; }

    /// <summary>One or two sentences: what it is and when it is used.</summary>
    public abstract string Description { get; }

    /// <summary>The defining formula in plain text, e.g. "f(x) = max(0, x)".</summary>
    public abstract string Formula { get; }

    /// <summary>The range of f, e.g. "[0, ∞)".</summary>
    public abstract string Range { get; }

    /// <summary>Points where f is not differentiable (empty for smooth functions).</summary>
    public virtual IReadOnlyList<double> Kinks => [];

    /// <summary>f(x) for one value, in double precision.</summary>
    public abstract double Forward(double x);

    /// <summary>f′(x) for one value, in double precision.</summary>
    public abstract double Derivative(double x);

    /// <summary>y[i] = f(x[i]).</summary>
    public abstract void Forward(ReadOnlySpan<float> x, Span<float> y);

    /// <inheritdoc cref="Forward(ReadOnlySpan{float}, Span{float})"/>
    public abstract void Forward(ReadOnlySpan<double> x, Span<double> y);

    /// <summary>dydx[i] = f′(x[i]).</summary>
    public abstract void Derivative(ReadOnlySpan<float> x, Span<float> dydx);

    /// <inheritdoc cref="Derivative(ReadOnlySpan{float}, Span{float})"/>
    public abstract void Derivative(ReadOnlySpan<double> x, Span<double> dydx);

    /// <summary>
    /// Backpropagation through f: dx[i] = upstream[i] · f′(x[i]), where x is the activation's input
    /// (the pre-activation). <paramref name="dx"/> may be the same span as <paramref name="upstream"/>.
    /// </summary>
    public abstract void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> dx);

    /// <inheritdoc cref="Backward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>
    public abstract void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> upstream, Span<double> dx);

    /// <inheritdoc/>
    public override string ToString() => $"{DisplayName}: {Formula}";
}
