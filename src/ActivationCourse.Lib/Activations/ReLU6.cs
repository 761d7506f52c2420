using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// ReLU6: f(x) = min(max(0, x), 6) (PyTorch <c>nn.ReLU6</c>, Keras <c>relu6</c>). Range [0, 6].
/// f′(x) = 1 for 0 &lt; x &lt; 6, else 0; at the kinks 0 and 6 it is 0 (PyTorch computes it as hardtanh(x, 0, 6)).
/// </summary>
public sealed class ReLU6 : ElementwiseActivation<HardTanh.Ops>
{
    /// <inheritdoc/>
    public override string Name => "relu6";
    /// <inheritdoc/>
    public override string DisplayName => "ReLU6";
    /// <inheritdoc/>
    public override string Description => "ReLU capped at 6, which keeps activations in a range that low-precision (mobile) arithmetic handles well.";
    /// <inheritdoc/>
    public override string Formula => "f(x) = min(max(0, x), 6)";
    /// <inheritdoc/>
    public override string Range => "[0, 6]";
    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [0.0, 6.0];
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \min(\max(0, x), 6)";
    /// <inheritdoc/>
    public override string FrameworkNotes => "PyTorch nn.ReLU6; Keras relu6.";
    /// <inheritdoc/>
    protected override HardTanh.Ops Kernel => new(0.0, 6.0);
}
