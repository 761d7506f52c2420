using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// Hard tanh: f(x) = clamp(x, min, max), defaults min = −1, max = 1 (PyTorch <c>nn.Hardtanh</c>).
/// f′(x) = 1 for min &lt; x &lt; max, else 0; at the kinks ±1 it is 0 (PyTorch's backward). Range [min, max].
/// </summary>
/// <param name="min">Lower clamp value (PyTorch min_val), finite.</param>
/// <param name="max">Upper clamp value (PyTorch max_val), finite and &gt; min.</param>
public sealed class HardTanh(double min = -1.0, double max = 1.0) : ElementwiseActivation<HardTanh.Ops>
{
    /// <summary>Lower clamp value.</summary>
    public double Min { get; } = ActivationParameter.Finite(min, "hard_tanh", nameof(min));
    /// <summary>Upper clamp value.</summary>
    public double Max { get; } = ActivationParameter.Above(max, min, allowEqual: false, "hard_tanh", nameof(max), nameof(min));

    /// <inheritdoc/>
    public override string Name => "hard_tanh";
    /// <inheritdoc/>
    public override string DisplayName => "Hard tanh";
    /// <inheritdoc/>
    public override string Description => "tanh's piecewise-linear cousin: the identity, clipped to [−1, 1].";
    /// <inheritdoc/>
    public override string Formula => $"f(x) = clamp(x, {Printing.Num.Show(Min)}, {Printing.Num.Show(Max)})";
    /// <inheritdoc/>
    public override string Range => $"[{Printing.Num.Show(Min)}, {Printing.Num.Show(Max)}]";
    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [Min, Max];
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \operatorname{clamp}(x, \min, \max)";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.Hardtanh(min_val = −1, max_val = 1).";
    /// <inheritdoc/>
    public override SaturationRule Saturation => Min == -1 && Max == 1 ? SaturationRule.TanhLike : SaturationRule.None;
    /// <inheritdoc/>
    public override Training.Initialization DefaultInitialization => Training.Initialization.XavierUniform;
    /// <inheritdoc/>
    public override IReadOnlyList<ActivationSetting> Settings =>
    [
        new("min", "min", Min, -1.0, -3, 0, 0.1),
        new("max", "max", Max, 1.0, 0, 3, 0.1),
    ];

    internal override Activation Create(ActivationArguments arguments) =>
        new HardTanh(arguments["min"], arguments["max"]);

    /// <inheritdoc/>
    protected override Ops Kernel => new(Min, Max);

    /// <summary>Kernel: clamp and its 0/1 slope.</summary>
    public readonly struct Ops(double lo, double hi) : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T l = T.CreateTruncating(lo), h = T.CreateTruncating(hi);
            return x < l ? l : x > h ? h : x;
        }
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
            T.IsNaN(x) ? x : x > T.CreateTruncating(lo) && x < T.CreateTruncating(hi) ? T.One : T.Zero;
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> l = Simd.Const<T>(lo), h = Simd.Const<T>(hi);
            x = Vector.ConditionalSelect(Vector.LessThan(x, l), l, x);
            return Vector.ConditionalSelect(Vector.GreaterThan(x, h), h, x);
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> inside = Vector.BitwiseAnd(Vector.GreaterThan(x, Simd.Const<T>(lo)), Vector.LessThan(x, Simd.Const<T>(hi)));
            return Simd.KeepNaN(x, Vector.ConditionalSelect(inside, Vector<T>.One, Vector<T>.Zero));
        }
    }
}
