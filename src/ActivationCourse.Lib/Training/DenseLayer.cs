using System.Numerics.Tensors;
using ActivationCourse.LinearAlgebra;

namespace ActivationCourse.Training;

/// <summary>
/// Fully connected layer: y = x·W + b, with W stored row-major as Inputs×Outputs (column j holds the weights
/// of output unit j) and b of length Outputs.
/// </summary>
public sealed class DenseLayer : Layer
{
    /// <summary>Creates a dense layer with zero weights (see <see cref="Initialize"/>).</summary>
    /// <param name="inputs">Input width.</param>
    /// <param name="outputs">Output width (units).</param>
    public DenseLayer(int inputs, int outputs)
        : base(inputs, outputs)
    {
        Weights = new Parameter("W", inputs, outputs);
        Bias = new Parameter("b", 1, outputs);
    }

    /// <summary>The weights, Inputs×Outputs.</summary>
    public Parameter Weights { get; }

    /// <summary>The bias, 1×Outputs.</summary>
    public Parameter Bias { get; }

    /// <inheritdoc/>
    public override string Description => $"Dense {Inputs}→{Outputs}";

    /// <inheritdoc/>
    public override IReadOnlyList<Parameter> Parameters => [Weights, Bias];

    /// <summary>Fills the weights with the scheme's distribution (bias zero).</summary>
    /// <param name="scheme">Initialization scheme.</param>
    /// <param name="random">Seeded source.</param>
    public void Initialize(Initialization scheme, Random random)
    {
        Initializers.Fill(Weights.Value, scheme, Inputs, Outputs, random);
        Array.Clear(Bias.Value);
    }

    internal override void Forward(ReadOnlySpan<float> x, Span<float> y, int rows, bool training)
    {
        // y = x·W, with b added to each row inside the product (while the rows are in cache).
        Gemm.Multiply(false, false, rows, Outputs, Inputs, 1f, x, Inputs, Weights.Value, Outputs, 0f, y, Outputs, Bias.Value);
    }

    internal override void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rows, bool needInputGradient)
    {
        // dW = xᵀ·dy, db = Σ rows of dy, dx = dy·Wᵀ.
        Gemm.Multiply(true, false, Inputs, Outputs, rows, 1f, x, Inputs, dy, Outputs, 0f, Weights.Gradient, Outputs);
        Span<float> db = Bias.Gradient;
        db.Clear();
        for (int r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(db, dy.Slice(r * Outputs, Outputs), db);
        }

        if (needInputGradient)
        {
            Gemm.Multiply(false, true, rows, Inputs, Outputs, 1f, dy, Outputs, Weights.Value, Outputs, 0f, dx, Inputs);
        }
    }

    internal override void BackwardWithSgd(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rows, bool needInputGradient, float learningRate)
    {
        // dx needs the weights before the step, so it goes first; then W += (−lr)·xᵀ·dy in one product.
        if (needInputGradient)
        {
            Gemm.Multiply(false, true, rows, Inputs, Outputs, 1f, dy, Outputs, Weights.Value, Outputs, 0f, dx, Inputs);
        }

        Gemm.Multiply(true, false, Inputs, Outputs, rows, -learningRate, x, Inputs, dy, Outputs, 1f, Weights.Value, Outputs);
        Span<float> db = Bias.Gradient;
        db.Clear();
        for (int r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(db, dy.Slice(r * Outputs, Outputs), db);
        }

        TensorPrimitives.MultiplyAdd(db, -learningRate, Bias.Value, Bias.Value);
    }

    internal override void ReferenceForward(double[] x, double[] y, int rows, double[][] parameters)
    {
        double[] w = parameters[0], b = parameters[1];
        for (int r = 0; r < rows; r++)
        {
            for (int o = 0; o < Outputs; o++)
            {
                double sum = b[o];
                for (int i = 0; i < Inputs; i++)
                {
                    sum += x[(r * Inputs) + i] * w[(i * Outputs) + o];
                }

                y[(r * Outputs) + o] = sum;
            }
        }
    }

    internal override void ReferenceBackward(double[] x, double[] y, double[] dy, double[] dx, int rows, double[][] parameters, double[][] gradients)
    {
        double[] w = parameters[0], dw = gradients[0], db = gradients[1];
        Array.Clear(dw);
        Array.Clear(db);
        for (int r = 0; r < rows; r++)
        {
            for (int o = 0; o < Outputs; o++)
            {
                double g = dy[(r * Outputs) + o];
                db[o] += g;
                for (int i = 0; i < Inputs; i++)
                {
                    dw[(i * Outputs) + o] += x[(r * Inputs) + i] * g;
                }
            }

            for (int i = 0; i < Inputs; i++)
            {
                double sum = 0;
                for (int o = 0; o < Outputs; o++)
                {
                    sum += dy[(r * Outputs) + o] * w[(i * Outputs) + o];
                }

                dx[(r * Inputs) + i] = sum;
            }
        }
    }

    internal override string Kind => "dense";

    internal override void WriteConfiguration(BinaryWriter writer)
    {
        writer.Write(Inputs);
        writer.Write(Outputs);
    }
}
