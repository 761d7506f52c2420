using System.Numerics;
using ActivationCourse.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Generalized logistic curve: f(x) = L / (1 + e^(−k(x − x₀))), f′(x) = k·f(x)·(1 − f(x)/L).
/// Range (0, L) for L &gt; 0. Defaults L = 1, k = 1, x₀ = 0 give the standard sigmoid.
/// </summary>
/// <param name="maximum">L, the curve's supremum (finite, as are k and x₀).</param>
/// <param name="steepness">k, the logistic growth rate.</param>
/// <param name="midpoint">x₀, where f = L/2.</param>
public sealed class GeneralizedLogistic(double maximum = 1.0, double steepness = 1.0, double midpoint = 0.0)
    : ElementwiseActivation<GeneralizedLogistic.Ops>
{
    /// <summary>L.</summary>
    public double Maximum { get; } = ActivationParameter.Finite(maximum, "generalized_logistic", nameof(maximum));
    /// <summary>k.</summary>
    public double Steepness { get; } = ActivationParameter.Finite(steepness, "generalized_logistic", nameof(steepness));
    /// <summary>x₀.</summary>
    public double Midpoint { get; } = ActivationParameter.Finite(midpoint, "generalized_logistic", nameof(midpoint));

    /// <inheritdoc/>
    public override string Name => "generalized_logistic";
    /// <inheritdoc/>
    public override string DisplayName => "Generalized logistic";
    /// <inheritdoc/>
    public override string Description => "The sigmoid with a height L, a steepness k and a midpoint x₀.";
    /// <inheritdoc/>
    public override string Formula => $"f(x) = {Printing.Num.Show(Maximum)} / (1 + e^(−{Printing.Num.Show(Steepness)}(x − {Printing.Num.Show(Midpoint)})))";
    /// <inheritdoc/>
    public override string Range => $"(0, {Printing.Num.Show(Maximum)})";
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \frac{L}{1 + e^{-k (x - x_0)}}";
    /// <inheritdoc/>
    public override string FrameworkNotes => "Not a framework layer; L = 1, k = 1, x₀ = 0 is the sigmoid.";
    /// <inheritdoc/>
    public override IReadOnlyList<ActivationSetting> Settings =>
    [
        new("maximum", "L", Maximum, 1.0, 0.1, 3, 0.1),
        new("steepness", "k", Steepness, 1.0, 0.1, 10, 0.1),
        new("midpoint", "x₀", Midpoint, 0.0, -3, 3, 0.1),
    ];

    internal override Activation Create(ActivationArguments arguments) =>
        new GeneralizedLogistic(arguments["maximum"], arguments["steepness"], arguments["midpoint"]);

    /// <inheritdoc/>
    protected override Ops Kernel => new(Maximum, Steepness, Midpoint);

    /// <summary>Kernel: L·σ(k(x − x₀)) and L·k·σ(1 − σ).</summary>
    public readonly struct Ops(double l, double k, double x0) : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
            T.CreateTruncating(l) * SpecialFunctions.Sigmoid(T.CreateTruncating(k) * (x - T.CreateTruncating(x0)));
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            // σ′(z) = e/(1 + e)² with e = e^(−|z|): no cancellation in 1 − σ.
            T e = T.Exp(-T.Abs(T.CreateTruncating(k) * (x - T.CreateTruncating(x0))));
            T onePlus = T.One + e;
            return T.CreateTruncating(l * k) * (e / (onePlus * onePlus));
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
            Simd.Const<T>(l) * VectorMath.Sigmoid(Simd.Const<T>(k) * (x - Simd.Const<T>(x0)));
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> e = VectorMath.Exp(-Vector.Abs(Simd.Const<T>(k) * (x - Simd.Const<T>(x0))));
            Vector<T> onePlus = Vector<T>.One + e;
            return Simd.Const<T>(l * k) * (e / (onePlus * onePlus));
        }
    }
}
