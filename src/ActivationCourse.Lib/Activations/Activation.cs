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

    /// <summary>
    /// The formula as TeX (KaTeX), with the parameters as symbols (<see cref="Settings"/> gives their values),
    /// e.g. <c>f(x) = \max(0, x)</c>. Every registered activation has one (the tests check it).
    /// </summary>
    public virtual string Tex => "";

    /// <summary>
    /// One line on the frameworks: the PyTorch and Keras names and defaults, or that they have no such layer.
    /// Every registered activation has one (the tests check it).
    /// </summary>
    public virtual string FrameworkNotes => "";

    /// <summary>How diagnostics count saturated outputs of this activation (default: none counted).</summary>
    public virtual SaturationRule Saturation => SaturationRule.None;

    /// <summary>
    /// The weight initialization a layer feeding this activation gets by default (<see cref="Training.Initialization.Auto"/>):
    /// He normal unless overridden (Xavier for the squashing functions, LeCun for SELU).
    /// </summary>
    public virtual Training.Initialization DefaultInitialization => Training.Initialization.HeNormal;

    /// <summary>
    /// The parameters of this instance, in constructor order, with their defaults and slider ranges (empty when the
    /// activation has none). <see cref="ActivationRegistry.Create"/> takes values by these names.
    /// </summary>
    public virtual IReadOnlyList<ActivationSetting> Settings => [];

    /// <summary>
    /// A new instance of this activation with the parameter values of <paramref name="arguments"/> (its constructor
    /// validates them); null for an activation without parameters. Read every parameter through
    /// <paramref name="arguments"/>: a given name that is never read is reported as unknown.
    /// </summary>
    internal virtual Activation? Create(ActivationArguments arguments) => null;

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
