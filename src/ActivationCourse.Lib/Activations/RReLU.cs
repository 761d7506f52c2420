using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Randomized leaky ReLU (Xu et al. 2015), PyTorch <c>nn.RReLU(lower = 1/8, upper = 1/3)</c>.
/// Training: each element with x &lt; 0 gets its own slope a ~ U(lower, upper) (<see cref="ForwardTraining"/>).
/// Evaluation (the <see cref="Activation"/> members): the fixed slope (lower + upper)/2, i.e. a leaky ReLU;
/// f′(x) = 1 if x &gt; 0 else that slope.
/// </summary>
/// <param name="lower">Lower bound of the slope distribution (default 1/8), finite.</param>
/// <param name="upper">Upper bound of the slope distribution (default 1/3), finite and ≥ lower.</param>
public sealed class RReLU(double lower = 1.0 / 8, double upper = 1.0 / 3) : ElementwiseActivation<LeakyReLU.Ops>
{
    /// <summary>Lower bound of the slope distribution.</summary>
    public double Lower { get; } = ActivationParameter.Finite(lower, "rrelu", nameof(lower));
    /// <summary>Upper bound of the slope distribution.</summary>
    public double Upper { get; } = ActivationParameter.Above(upper, lower, allowEqual: true, "rrelu", nameof(upper), nameof(lower));
    /// <summary>The evaluation-mode slope (lower + upper)/2.</summary>
    public double EvaluationSlope => (Lower + Upper) / 2;

    /// <inheritdoc/>
    public override string Name => "rrelu";
    /// <inheritdoc/>
    public override string DisplayName => "RReLU";
    /// <inheritdoc/>
    public override string Description => "Leaky ReLU with a random negative slope during training (a regularizer) and the mean slope at evaluation.";
    /// <inheritdoc/>
    public override string Formula => $"f(x) = x if x ≥ 0 else a·x, a ~ U({Printing.Num.Show(Lower)}, {Printing.Num.Show(Upper)}) in training, a = {Printing.Num.Show(EvaluationSlope)} in evaluation";
    /// <inheritdoc/>
    public override string Range => "(−∞, ∞)";
    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [0.0];
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \begin{cases} x & x \ge 0 \\ a x & x < 0 \end{cases},\ a \sim U(l, u) \text{ in training, } a = \tfrac{l + u}{2} \text{ in evaluation}";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.RReLU(lower = 1/8, upper = 1/3). No Keras layer.";
    /// <inheritdoc/>
    public override IReadOnlyList<ActivationSetting> Settings =>
    [
        new("lower", "l", Lower, 1.0 / 8, 0, 1, 0.01),
        new("upper", "u", Upper, 1.0 / 3, 0, 1, 0.01),
    ];

    internal override Activation Create(ActivationArguments arguments) =>
        new RReLU(arguments["lower"], arguments["upper"]);

    /// <inheritdoc/>
    protected override LeakyReLU.Ops Kernel => new(EvaluationSlope);

    /// <summary>
    /// Training-mode forward: y[i] = x[i] if x[i] ≥ 0, else slopes[i]·x[i] with slopes[i] ~ U(lower, upper)
    /// drawn from <paramref name="rng"/>. slopes[i] = 1 where x[i] ≥ 0, so the backward pass is upstream·slopes.
    /// </summary>
    public void ForwardTraining(ReadOnlySpan<float> x, Span<float> y, Span<float> slopes, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Check.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        Check.SameLength(x.Length, slopes.Length, nameof(x), nameof(slopes));
        for (int i = 0; i < x.Length; i++)
        {
            float xi = x[i];
            float a = xi >= 0 ? 1f : (float)(Lower + (Upper - Lower) * rng.NextDouble());
            slopes[i] = a;
            y[i] = xi >= 0 ? xi : a * xi;
        }
    }

    /// <summary>Training-mode backward: dx[i] = upstream[i]·(x[i] ≥ 0 ? 1 : slopes[i]). dx may alias upstream.</summary>
    public static void BackwardTraining(ReadOnlySpan<float> x, ReadOnlySpan<float> slopes, ReadOnlySpan<float> upstream, Span<float> dx)
    {
        Check.SameLength(x.Length, slopes.Length, nameof(x), nameof(slopes));
        Check.SameLength(x.Length, upstream.Length, nameof(x), nameof(upstream));
        Check.SameLength(x.Length, dx.Length, nameof(x), nameof(dx));
        for (int i = 0; i < x.Length; i++)
        {
            dx[i] = upstream[i] * (x[i] >= 0 ? 1f : slopes[i]);
        }
    }
}
