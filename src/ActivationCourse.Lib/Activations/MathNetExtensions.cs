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

    private static Vector<double> Map(Activation f, Vector<double> x, bool derivative)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        double[] source = x.ToArray();
        double[] result = new double[source.Length];
        Apply(f, source, result, derivative);
        return Vector<double>.Build.Dense(result);
    }

    private static Vector<float> Map(Activation f, Vector<float> x, bool derivative)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        float[] source = x.ToArray();
        float[] result = new float[source.Length];
        Apply(f, source, result, derivative);
        return Vector<float>.Build.Dense(result);
    }

    private static Matrix<double> Map(Activation f, Matrix<double> x, bool derivative)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        double[] source = x.ToColumnMajorArray();
        double[] result = new double[source.Length];
        Apply(f, source, result, derivative);
        return Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, result);
    }

    private static Matrix<float> Map(Activation f, Matrix<float> x, bool derivative)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        float[] source = x.ToColumnMajorArray();
        float[] result = new float[source.Length];
        Apply(f, source, result, derivative);
        return Matrix<float>.Build.Dense(x.RowCount, x.ColumnCount, result);
    }

    private static void Apply(Activation f, double[] x, double[] y, bool derivative)
    {
        if (derivative)
        {
            f.Derivative(x, y);
        }
        else
        {
            f.Forward(x, y);
        }
    }

    private static void Apply(Activation f, float[] x, float[] y, bool derivative)
    {
        if (derivative)
        {
            f.Derivative(x, y);
        }
        else
        {
            f.Forward(x, y);
        }
    }
}
