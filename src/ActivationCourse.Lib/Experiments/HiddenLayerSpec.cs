using ActivationCourse.Activations;

namespace ActivationCourse.Experiments;

/// <summary>The unit type of a <see cref="ToyNetwork"/> hidden layer.</summary>
public enum HiddenUnitKind
{
    /// <summary>h = z for z &gt; 0, a·z otherwise: ReLU (a = 0), Leaky ReLU (fixed a), PReLU (learned a).</summary>
    Rectifier,

    /// <summary>h = max over k pieces of (w_jᵀx + b_j).</summary>
    Maxout,

    /// <summary>h = f(z) for any element-wise library <see cref="Activations.Activation"/> (GELU, SELU, tanh, ...).</summary>
    Elementwise,
}

/// <summary>
/// One hidden layer of a <see cref="ToyNetwork"/>: how many units, which kind, and the negative slope or number of pieces.
/// </summary>
/// <param name="Kind">Rectifier or maxout.</param>
/// <param name="Width">Number of units (outputs) of the layer.</param>
/// <param name="NegativeSlope">Rectifier slope for z ≤ 0 (initial value when learned).</param>
/// <param name="LearnSlope">Whether the slope is a trained parameter (PReLU: one slope shared by the layer, as PyTorch's
/// <c>nn.PReLU()</c> with its default <c>num_parameters = 1</c>).</param>
/// <param name="Pieces">Linear pieces per maxout unit (k).</param>
/// <param name="Function">The activation of an <see cref="HiddenUnitKind.Elementwise"/> layer.</param>
public sealed record HiddenLayerSpec(HiddenUnitKind Kind, int Width, double NegativeSlope = 0, bool LearnSlope = false, int Pieces = 1,
    Activation? Function = null)
{
    /// <summary>ReLU units: max(0, z).</summary>
    /// <param name="width">Number of units.</param>
    public static HiddenLayerSpec Relu(int width) => new(HiddenUnitKind.Rectifier, width);

    /// <summary>Leaky ReLU units with a fixed slope (PyTorch default 0.01).</summary>
    /// <param name="width">Number of units.</param>
    /// <param name="slope">Slope for z ≤ 0.</param>
    public static HiddenLayerSpec LeakyRelu(int width, double slope = 0.01) => new(HiddenUnitKind.Rectifier, width, slope);

    /// <summary>PReLU units: one learned slope for the layer, initialized to 0.25 (PyTorch default).</summary>
    /// <param name="width">Number of units.</param>
    /// <param name="initialSlope">Starting value of the learned slope.</param>
    public static HiddenLayerSpec PRelu(int width, double initialSlope = 0.25) => new(HiddenUnitKind.Rectifier, width, initialSlope, true);

    /// <summary>Maxout units with <paramref name="pieces"/> linear pieces each.</summary>
    /// <param name="width">Number of units.</param>
    /// <param name="pieces">Pieces per unit (k ≥ 1).</param>
    public static HiddenLayerSpec Maxout(int width, int pieces) => new(HiddenUnitKind.Maxout, width, Pieces: pieces);

    /// <summary>Units applying any element-wise library activation (its scalar forward and derivative).</summary>
    /// <param name="function">The activation.</param>
    /// <param name="width">Number of units.</param>
    public static HiddenLayerSpec Of(Activation function, int width) => new(HiddenUnitKind.Elementwise, width, Function: function);

    /// <summary>Rows of the layer's weight matrix: <see cref="Width"/> · <see cref="Pieces"/> for maxout, <see cref="Width"/> otherwise.</summary>
    public int Rows => Kind == HiddenUnitKind.Maxout ? Width * Pieces : Width;

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        HiddenUnitKind.Maxout => $"maxout({Width}, k = {Pieces})",
        HiddenUnitKind.Elementwise => $"{Function?.DisplayName}({Width})",
        _ when LearnSlope => $"PReLU({Width})",
        _ when NegativeSlope == 0 => $"ReLU({Width})",
        _ => $"Leaky ReLU({Width}, {NegativeSlope})",
    };
}
