using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Experiments;

/// <summary>One affine layer x ↦ W·x + b, with x a column vector (W is outputs × inputs).</summary>
/// <param name="Weights">W, outputs × inputs.</param>
/// <param name="Bias">b, one entry per output.</param>
public sealed record AffineLayer(Matrix<double> Weights, Vector<double> Bias)
{
    /// <summary>Number of inputs (columns of W).</summary>
    public int Inputs => Weights.ColumnCount;

    /// <summary>Number of outputs (rows of W).</summary>
    public int Outputs => Weights.RowCount;

    /// <summary>W·x + b.</summary>
    public Vector<double> Apply(Vector<double> x) => (Weights * x) + Bias;

    /// <summary>W·X + b for every column of X (one sample per column).</summary>
    public Matrix<double> Apply(Matrix<double> x)
    {
        Matrix<double> y = Weights * x;
        for (int j = 0; j < y.ColumnCount; j++)
        {
            y.SetColumn(j, y.Column(j) + Bias);
        }

        return y;
    }
}

/// <summary>
/// A chain of affine layers with no activation in between: the network of lesson 01 that "forgets" it is deep.
/// <see cref="Collapse"/> computes the one affine layer that does exactly the same: W = W_L⋯W_2·W_1 and
/// b = W_L(⋯(W_2·b_1 + b_2)⋯) + b_L.
/// </summary>
public sealed class AffineStack
{
    /// <summary>Chains <paramref name="layers"/>, input side first; each must take the previous one's outputs.</summary>
    /// <exception cref="ArgumentException">No layers, or widths that do not chain.</exception>
    public AffineStack(IEnumerable<AffineLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        Layers = layers.ToArray();
        if (Layers.Count == 0)
        {
            throw new ArgumentException("A stack needs at least one layer.", nameof(layers));
        }

        for (int i = 1; i < Layers.Count; i++)
        {
            if (Layers[i].Inputs != Layers[i - 1].Outputs)
            {
                throw new ArgumentException(
                    $"Layer {i} takes {Layers[i].Inputs} inputs but layer {i - 1} gives {Layers[i - 1].Outputs}.", nameof(layers));
            }
        }
    }

    /// <summary>The layers, input side first.</summary>
    public IReadOnlyList<AffineLayer> Layers { get; }

    /// <summary>Input width.</summary>
    public int Inputs => Layers[0].Inputs;

    /// <summary>Output width.</summary>
    public int Outputs => Layers[^1].Outputs;

    /// <summary>
    /// A stack of layers with the given widths (<c>[3, 5, 4, 2]</c>: 3 inputs, layers 3→5, 5→4, 4→2) whose weights
    /// and biases are drawn from N(0, 1), seeded.
    /// </summary>
    /// <param name="widths">Input width followed by each layer's output width (at least two numbers).</param>
    /// <param name="seed">Seed of the draws.</param>
    public static AffineStack Random(IReadOnlyList<int> widths, int seed)
    {
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count < 2 || widths.Any(w => w < 1))
        {
            throw new ArgumentException("Give the input width and at least one layer width, all positive.", nameof(widths));
        }

        var normal = new Normal(0, 1, new Random(seed));
        var layers = new List<AffineLayer>();
        for (int i = 1; i < widths.Count; i++)
        {
            layers.Add(new AffineLayer(
                Matrix<double>.Build.Random(widths[i], widths[i - 1], normal),
                Vector<double>.Build.Random(widths[i], normal)));
        }

        return new AffineStack(layers);
    }

    /// <summary>Runs x through every layer in turn.</summary>
    public Vector<double> Apply(Vector<double> x) => Layers.Aggregate(x, (h, layer) => layer.Apply(h));

    /// <summary>Runs every column of X through every layer in turn.</summary>
    public Matrix<double> Apply(Matrix<double> x) => Layers.Aggregate(x, (h, layer) => layer.Apply(h));

    /// <summary>The single affine layer equal to the whole stack.</summary>
    public AffineLayer Collapse()
    {
        Matrix<double> w = Layers[0].Weights.Clone();
        Vector<double> b = Layers[0].Bias.Clone();
        foreach (AffineLayer layer in Layers.Skip(1))
        {
            // layer(W·x + b) = (Wₗ·W)·x + (Wₗ·b + bₗ)
            b = (layer.Weights * b) + layer.Bias;
            w = layer.Weights * w;
        }

        return new AffineLayer(w, b);
    }

    /// <summary>
    /// The largest absolute difference, over <paramref name="samples"/> random inputs drawn from N(0, 1) (seeded), between
    /// the stack's outputs and those of <see cref="Collapse"/>: rounding error only.
    /// </summary>
    public double MaxDifferenceFromCollapsed(int samples, int seed)
    {
        var x = Matrix<double>.Build.Random(Inputs, samples, new Normal(0, 1, new Random(seed)));
        return (Apply(x) - Collapse().Apply(x)).Enumerate().Max(Math.Abs);
    }
}
