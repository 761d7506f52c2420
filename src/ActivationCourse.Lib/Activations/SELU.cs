namespace ActivationCourse.Activations;

/// <summary>
/// Scaled ELU (Klambauer et al. 2017): f(x) = λ·(x if x &gt; 0 else α(eˣ − 1)), with the self-normalizing constants
/// α = 1.6732632423543772848170429916717 and λ = 1.0507009873554804934193349852946 (PyTorch, Keras).
/// f′(x) = λ if x &gt; 0 else λα·eˣ (at 0: λα, the negative branch, as PyTorch). Range (−λα, ∞) ≈ (−1.7581, ∞).
/// </summary>
public sealed class SELU : ElementwiseActivation<ELU.Ops>
{
    /// <summary>α = 1.6732632423543772848170429916717.</summary>
    public const double Alpha = 1.6732632423543772848170429916717;

    /// <summary>λ = 1.0507009873554804934193349852946.</summary>
    public const double Scale = 1.0507009873554804934193349852946;

    /// <inheritdoc/>
    public override string Name => "selu";
    /// <inheritdoc/>
    public override string DisplayName => "SELU";
    /// <inheritdoc/>
    public override string Description => "ELU scaled so that, with LeCun-normal weights, activations keep zero mean and unit variance layer after layer.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = λ·(x if x > 0 else α(e^x − 1)), α ≈ 1.6733, λ ≈ 1.0507";
    /// <inheritdoc/>
    public override string Range => "(−λα, ∞) ≈ (−1.7581, ∞)";
    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [0.0];
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \lambda \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases},\ \alpha \approx 1.6733,\ \lambda \approx 1.0507";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.SELU; Keras selu (fixed constants).";
    /// <inheritdoc/>
    public override Training.Initialization DefaultInitialization => Training.Initialization.LeCunNormal;
    /// <inheritdoc/>
    protected override ELU.Ops Kernel => new(Alpha, Scale);

}
