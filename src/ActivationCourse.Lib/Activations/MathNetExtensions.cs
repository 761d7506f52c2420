using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Activations;

/// <summary>
/// Apply an activation to MathNet.Numerics vectors and matrices element by element, returning new ones:
/// <c>activation.Forward(v)</c>, <c>activation.Derivative(m)</c>.
/// </summary>
public static class MathNetExtensions
{
    /// <summary>A new vector with f applied to every element.</summary>
    public static Vector<double> Forward(this Activation activation, Vector<double> x) => Map(activation, x, derivative: false);

    /// <summary>A new vector with f′ applied to every element.</summary>
    public static Vector<double> Derivative(this Activation activation, Vector<double> x) => Map(activation, x, derivative: true);

    /// <summary>A new vector with f applied to every element.</summary>
    public static Vector<float> Forward(this Activation activation, Vector<float> x) => Map(activation, x, derivative: false);

    /// <summary>A new vector with f′ applied to every element.</summary>
    public static Vector<float> Derivative(this Activation activation, Vector<float> x) => Map(activation, x, derivative: true);

    /// <summary>A new matrix with f applied to every element.</summary>
    public static Matrix<double> Forward(this Activation activation, Matrix<double> x) => Map(activation, x, derivative: false);

    /// <summary>A new matrix with f′ applied to every element.</summary>
    public static Matrix<double> Derivative(this Activation activation, Matrix<double> x) => Map(activation, x, derivative: true);

    /// <summary>A new matrix with f applied to every element.</summary>
    public static Matrix<float> Forward(this Activation activation, Matrix<float> x) => Map(activation, x, derivative: false);

    /// <summary>A new matrix with f′ applied to every element.</summary>
    public static Matrix<float> Derivative(this Activation activation, Matrix<float> x) => Map(activation, x, derivative: true);

    // One generic body for both element types, so float and double cannot drift apart; the activation's span method is
    // chosen by the array type.
    private static Vector<T> Map<T>(Activation f, Vector<T> x, bool derivative)
        where T : struct, IEquatable<T>, IFormattable
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        T[] source = x.ToArray();
        T[] result = new T[source.Length];
        Apply(f, source, result, derivative);
        return Vector<T>.Build.Dense(result);
    }

    private static Matrix<T> Map<T>(Activation f, Matrix<T> x, bool derivative)
        where T : struct, IEquatable<T>, IFormattable
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        T[] source = x.ToColumnMajorArray();
        T[] result = new T[source.Length];
        Apply(f, source, result, derivative);
        return Matrix<T>.Build.Dense(x.RowCount, x.ColumnCount, result);
    }

    private static void Apply<T>(Activation f, T[] x, T[] y, bool derivative)
    {
        switch (x, y, derivative)
        {
            case (float[] xs, float[] ys, false):
                f.Forward(xs, ys);
                break;
            case (float[] xs, float[] ys, true):
                f.Derivative(xs, ys);
                break;
            case (double[] xs, double[] ys, false):
                f.Forward(xs, ys);
                break;
            case (double[] xs, double[] ys, true):
                f.Derivative(xs, ys);
                break;
            default:
                throw new NotSupportedException($"Activations apply to float and double elements, not {typeof(T).Name}.");
        }
    }
}
