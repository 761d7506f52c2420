using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Training;

/// <summary>
/// A learned tensor of a layer (weights, bias, slope) with the gradient of the last batch's loss.
/// Stored row-major as <see cref="Rows"/>×<see cref="Columns"/> floats.
/// </summary>
public sealed class Parameter
{
    /// <summary>Creates a zero parameter.</summary>
    /// <param name="name">Name shown in diagnostics, e.g. "W" or "b".</param>
    /// <param name="rows">Rows (1 for a vector).</param>
    /// <param name="columns">Columns.</param>
    public Parameter(string name, int rows, int columns)
    {
        Name = name;
        Rows = rows;
        Columns = columns;
        Value = new float[rows * columns];
        Gradient = new float[rows * columns];
    }

    /// <summary>Name within its layer.</summary>
    public string Name { get; }

    /// <summary>Rows of the row-major layout.</summary>
    public int Rows { get; }

    /// <summary>Columns of the row-major layout.</summary>
    public int Columns { get; }

    /// <summary>Number of values.</summary>
    public int Length => Value.Length;

    /// <summary>The values, row-major. Optimizers update them in place.</summary>
    public float[] Value { get; }

    /// <summary>d loss / d value for the last batch, same layout as <see cref="Value"/>.</summary>
    public float[] Gradient { get; }

    /// <summary>A copy of the values as a MathNet matrix (Rows×Columns).</summary>
    public Matrix<float> ToMatrix() => Matrix<float>.Build.Dense(Rows, Columns, (i, j) => Value[(i * Columns) + j]);

    /// <summary>A double-precision copy of the values as a MathNet matrix (Rows×Columns).</summary>
    public Matrix<double> ToDoubleMatrix() => Matrix<double>.Build.Dense(Rows, Columns, (i, j) => Value[(i * Columns) + j]);

    /// <summary>A copy of the gradient as a MathNet matrix (Rows×Columns).</summary>
    public Matrix<float> GradientToMatrix() => Matrix<float>.Build.Dense(Rows, Columns, (i, j) => Gradient[(i * Columns) + j]);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} [{Rows}×{Columns}]";
}
