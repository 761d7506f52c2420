namespace ActivationCourse.Training;

/// <summary>
/// One stage of a <see cref="Network"/>: maps a batch of <see cref="Inputs"/>-wide rows to
/// <see cref="Outputs"/>-wide rows, and backpropagates.
/// </summary>
/// <remarks>
/// <para>Every layer has two implementations of the same math. The fast one works in float on preallocated
/// buffers (GEMM, TensorPrimitives) and is what training runs. The reference one works in double with plain
/// loops on double copies of the parameters; the tests' whole-network gradient check runs it, and a test
/// shows both agree, so the check covers the fast path too.</para>
/// <para>Batches are row-major: <c>rows</c> samples, one after the other.</para>
/// </remarks>
public abstract class Layer
{
    /// <summary>Sets the layer's input and output widths.</summary>
    /// <param name="inputs">Values per input row.</param>
    /// <param name="outputs">Values per output row.</param>
    protected Layer(int inputs, int outputs)
    {
        if (inputs <= 0 || outputs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), $"Layer sizes must be positive (got {inputs}→{outputs}).");
        }

        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>Values per input row.</summary>
    public int Inputs { get; }

    /// <summary>Values per output row.</summary>
    public int Outputs { get; }

    /// <summary>Short description, e.g. "Dense 784→256".</summary>
    public abstract string Description { get; }

    /// <summary>The learned parameters (empty for a fixed function).</summary>
    public virtual IReadOnlyList<Parameter> Parameters => [];

    /// <summary>
    /// The element-wise activation this layer applies, for diagnostics (dead and saturated units); null for
    /// layers that are not activations.
    /// </summary>
    public virtual string? ActivationName => null;

    /// <summary>How diagnostics count this layer's saturated outputs (the activation's <see cref="Activations.Activation.Saturation"/>).</summary>
    internal virtual Activations.SaturationRule Saturation => Activations.SaturationRule.None;

    /// <inheritdoc/>
    public override string ToString() => Description;

    /// <summary>Allocates per-batch buffers for batches of up to <paramref name="maxRows"/> rows (once).</summary>
    internal virtual void Prepare(int maxRows)
    {
    }

    /// <summary>y = layer(x) for <paramref name="rows"/> rows. Training mode may draw randomness.</summary>
    internal abstract void Forward(ReadOnlySpan<float> x, Span<float> y, int rows, bool training);

    /// <summary>
    /// Given dL/dy, sets every parameter's gradient for this batch and, when <paramref name="needInputGradient"/>,
    /// writes dL/dx. <paramref name="x"/> and <paramref name="y"/> are the spans of the last <see cref="Forward"/>.
    /// </summary>
    internal abstract void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rows, bool needInputGradient);

    /// <summary>
    /// Backward fused with a plain SGD step (θ −= lr·∂L/∂θ), used by the trainer when the optimizer is plain SGD.
    /// The default runs <see cref="Backward"/> and then updates each parameter; layers may do better (Dense folds
    /// the update into its weight-gradient product and leaves <see cref="Parameter.Gradient"/> of W unwritten).
    /// </summary>
    internal virtual void BackwardWithSgd(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rows, bool needInputGradient, float learningRate)
    {
        Backward(x, y, dy, dx, rows, needInputGradient);
        foreach (var p in Parameters)
        {
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(p.Gradient, -learningRate, p.Value, p.Value);
        }
    }

    /// <summary>Reference forward in double (evaluation mode) with the given parameter values.</summary>
    internal abstract void ReferenceForward(double[] x, double[] y, int rows, double[][] parameters);

    /// <summary>Reference backward in double: sets <paramref name="gradients"/> and writes dL/dx.</summary>
    internal abstract void ReferenceBackward(double[] x, double[] y, double[] dy, double[] dx, int rows, double[][] parameters, double[][] gradients);

    /// <summary>
    /// For activation layers: writes f′ at each value of the last forward pass (x input, y output) and returns true;
    /// other layers return false. Diagnostics use it to find dead units.
    /// </summary>
    internal virtual bool Derivative(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> derivative) => false;

    /// <summary>Tag of the layer type in model files.</summary>
    internal abstract string Kind { get; }

    /// <summary>Writes the layer's configuration (not its parameters) for <see cref="ModelFile"/>.</summary>
    internal abstract void WriteConfiguration(BinaryWriter writer);
}
