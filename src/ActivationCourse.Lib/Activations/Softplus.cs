using System.Numerics;
using ActivationCourse.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Softplus, PyTorch <c>nn.Softplus(beta = 1, threshold = 20)</c>: f(x) = log(1 + e^(βx))/β, and f(x) = x where
/// βx &gt; threshold (PyTorch's switch to the linear asymptote). f′(x) = σ(βx) (1 above the threshold).
/// Range (0, ∞). softplus(1000) = 1000, softplus(−1000) = 0. Keras' <c>softplus</c> has no β or threshold (β = 1).
/// </summary>
/// <param name="beta">β &gt; 0, the sharpness.</param>
/// <param name="threshold">Where βx &gt; threshold the function returns x (finite, &gt; 0).</param>
public sealed class Softplus(double beta = 1.0, double threshold = 20.0) : ElementwiseActivation<Softplus.Ops>
{
    /// <summary>β.</summary>
    public double Beta { get; } = ActivationParameter.Positive(beta, "softplus", nameof(beta));
    /// <summary>The linear-switch threshold on βx.</summary>
    public double Threshold { get; } = ActivationParameter.Positive(threshold, "softplus", nameof(threshold));

    /// <inheritdoc/>
    public override string Name => "softplus";
    /// <inheritdoc/>
    public override string DisplayName => "Softplus";
    /// <inheritdoc/>
    public override string Description => "A smooth ReLU: log(1 + e^x). Its derivative is the sigmoid.";
    /// <inheritdoc/>
    public override string Formula => Beta == 1.0 ? "f(x) = ln(1 + e^x)" : $"f(x) = ln(1 + e^({Printing.Num.Show(Beta)}x)) / {Printing.Num.Show(Beta)}";
    /// <inheritdoc/>
    public override string Range => "(0, ∞)";
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \frac{1}{\beta} \log\!\left(1 + e^{\beta x}\right),\ f(x) = x \text{ where } \beta x > t";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.Softplus(beta = 1, threshold = 20); Keras softplus (β = 1, no threshold).";
    /// <inheritdoc/>
    public override IReadOnlyList<ActivationSetting> Settings =>
    [
        new("beta", "β", Beta, 1.0, 0.1, 10, 0.1),
        new("threshold", "t", Threshold, 20.0, 1, 40, 1),
    ];

    internal override Activation Create(ActivationArguments arguments) =>
        new Softplus(arguments["beta"], arguments["threshold"]);

    /// <inheritdoc/>
    protected override Ops Kernel => new(Beta, Threshold);

    /// <summary>Kernel: log1p(e^(βx))/β and σ(βx), linear above the threshold.</summary>
    public readonly struct Ops(double beta, double threshold) : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T b = T.CreateTruncating(beta), bx = b * x;
            return bx > T.CreateTruncating(threshold) ? x : SpecialFunctions.Softplus(bx) / b;
        }
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T bx = T.CreateTruncating(beta) * x;
            return bx > T.CreateTruncating(threshold) ? T.One : SpecialFunctions.Sigmoid(bx);
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> b = Simd.Const<T>(beta), bx = b * x;
            // max(βx, 0) as a select: Vector.Max's NaN and −0 handling costs four instructions here, and a NaN βx
            // comes through the log term anyway.
            Vector<T> positive = Vector.ConditionalSelect(Vector.GreaterThan(bx, Vector<T>.Zero), bx, Vector<T>.Zero);
            Vector<T> sp = positive + VectorMath.Log1PUnit(VectorMath.Exp(-Vector.Abs(bx)));
            // β = 1 (the default) skips the division: sp / 1 is sp, bit for bit.
            return Vector.ConditionalSelect(Vector.GreaterThan(bx, Simd.Const<T>(threshold)), x, beta == 1.0 ? sp : sp / b);
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> bx = Simd.Const<T>(beta) * x;
            return Vector.ConditionalSelect(Vector.GreaterThan(bx, Simd.Const<T>(threshold)), Vector<T>.One, VectorMath.Sigmoid(bx));
        }
    }
}
