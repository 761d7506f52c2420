using System.Numerics;
using ActivationCourse.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// SiLU / Swish (Elfwing et al. 2017; Ramachandran et al. 2017): f(x) = x·σ(βx), default β = 1
/// (PyTorch <c>nn.SiLU</c>, Keras <c>silu</c>/<c>swish</c>, which have no β). f′(x) = σ(βx) + βx·σ(βx)(1 − σ(βx)).
/// Range ≈ [−0.278, ∞) for β = 1. f(−∞) = 0.
/// </summary>
/// <param name="beta">β (Swish's optional, possibly learned, parameter), finite.</param>
public sealed class SiLU(double beta = 1.0) : ElementwiseActivation<SiLU.Ops>
{
    /// <summary>β.</summary>
    public double Beta { get; } = ActivationParameter.Finite(beta, "silu", nameof(beta));

    /// <inheritdoc/>
    public override string Name => "silu";
    /// <inheritdoc/>
    public override string DisplayName => Beta == 1.0 ? "SiLU (Swish)" : $"Swish (β = {Printing.Num.Show(Beta)})";
    /// <inheritdoc/>
    public override string Description => "x gated by its own sigmoid: smooth, non-monotonic, found by automated search as 'Swish'.";
    /// <inheritdoc/>
    public override string Formula => Beta == 1.0 ? "f(x) = x·σ(x)" : $"f(x) = x·σ({Printing.Num.Show(Beta)}x)";
    /// <inheritdoc/>
    public override string Range => "≈ [−0.278, ∞)";
    /// <inheritdoc/>
    public override string Tex => @"f(x) = x\,\sigma(\beta x)";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.SiLU and Keras silu/swish have β = 1 (no parameter).";
    /// <inheritdoc/>
    public override IReadOnlyList<ActivationSetting> Settings =>
    [
        new("beta", "β", Beta, 1.0, 0.1, 10, 0.1),
    ];

    internal override Activation Create(ActivationArguments arguments) =>
        new SiLU(arguments["beta"]);

    /// <inheritdoc/>
    protected override Ops Kernel => new(Beta);

    /// <summary>Kernel: x·σ(βx) and σ + βxσ(1 − σ).</summary>
    public readonly struct Ops(double beta) : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T bx = T.CreateTruncating(beta) * x;
            return T.IsNegativeInfinity(bx) ? T.Zero : x * SpecialFunctions.Sigmoid(bx);
        }
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T bx = T.CreateTruncating(beta) * x;
            if (T.IsInfinity(bx))
            {
                return bx > T.Zero ? T.One : T.Zero;
            }
            T s = SpecialFunctions.Sigmoid(bx);
            return s + bx * s * (T.One - s);
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> bx = Simd.Const<T>(beta) * x;
            Vector<T> y = x * VectorMath.Sigmoid(bx);
            return Vector.ConditionalSelect(Vector.Equals(bx, Simd.Const<T>(double.NegativeInfinity)), Vector<T>.Zero, y);
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> bx = Simd.Const<T>(beta) * x;
            Vector<T> s = VectorMath.Sigmoid(bx);
            Vector<T> d = s + bx * s * (Vector<T>.One - s);
            Vector<T> limit = Vector.ConditionalSelect(Vector.GreaterThan(bx, Vector<T>.Zero), Vector<T>.One, Vector<T>.Zero);
            return Vector.ConditionalSelect(Simd.IsInfinity(bx), limit, d);
        }
    }
}
