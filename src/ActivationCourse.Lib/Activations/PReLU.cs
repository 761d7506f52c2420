using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Parametric ReLU (He et al. 2015): f(x) = x if x &gt; 0 else a·x with one learnable slope a shared by all units
/// (PyTorch <c>nn.PReLU()</c>: num_parameters = 1, init = 0.25). f′(x) = 1 if x &gt; 0 else a (f′(0) = a);
/// ∂f/∂a = min(x, 0). Keras' <c>PReLU</c> layer instead learns one slope per unit, initialized to 0.
/// </summary>
/// <param name="slope">Initial slope a (default 0.25), finite.</param>
public sealed class PReLU(double slope = 0.25) : ElementwiseActivation<LeakyReLU.Ops>
{
    /// <summary>The learnable slope a for x &lt; 0.</summary>
    public double Slope { get; set; } = ActivationParameter.Finite(slope, "prelu", nameof(slope));

    /// <inheritdoc/>
    public override string Name => "prelu";
    /// <inheritdoc/>
    public override string DisplayName => "PReLU";
    /// <inheritdoc/>
    public override string Description => "Leaky ReLU whose negative slope is learned by gradient descent.";
    /// <inheritdoc/>
    public override string Formula => $"f(x) = x if x > 0 else a·x  (a = {Printing.Num.Show(Slope)}, learned)";
    /// <inheritdoc/>
    public override string Range => "(−∞, ∞)";
    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [0.0];
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases},\ a \text{ learned}";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.PReLU(init = 0.25), one slope; Keras PReLU: one slope per unit, initialized to 0.";
    /// <inheritdoc/>
    public override IReadOnlyList<ActivationSetting> Settings =>
    [
        new("slope", "a", Slope, 0.25, 0, 1, 0.01),
    ];

    internal override Activation Create(ActivationArguments arguments) =>
        new PReLU(arguments["slope"]);

    /// <inheritdoc/>
    protected override LeakyReLU.Ops Kernel => new(Slope);

    /// <summary>∂L/∂a = Σᵢ upstream[i]·min(x[i], 0), accumulated in double.</summary>
    public double SlopeGradient(ReadOnlySpan<float> x, ReadOnlySpan<float> upstream)
    {
        Check.SameLength(x.Length, upstream.Length, nameof(x), nameof(upstream));
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] < 0)
            {
                sum += (double)upstream[i] * x[i];
            }
        }
        return sum;
    }

    /// <inheritdoc cref="SlopeGradient(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
    public double SlopeGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> upstream)
    {
        Check.SameLength(x.Length, upstream.Length, nameof(x), nameof(upstream));
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] < 0)
            {
                sum += upstream[i] * x[i];
            }
        }
        return sum;
    }
}
