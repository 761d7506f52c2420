using ActivationCourse.Activations;

namespace ActivationCourse.Lib.Tests.Activations;

/// <summary>
/// The vector kernels with non-default parameters (every branch of soft exponential, other α, β, L, k, x₀) against the
/// scalar formula, with the tolerances of <see cref="VectorizedPathTests"/>, on a grid and at the extremes.
/// </summary>
public class ParametricVectorPathTests
{
    public static TheoryData<string> Cases => new()
    {
        "soft_exponential -0.5", "soft_exponential 0", "soft_exponential 2", "celu 2", "celu 0.5", "elu 0.5",
        "softplus 2 20", "softplus 0.5 5", "silu 2", "silu -1", "generalized_logistic 2 3 0.5",
        "hard_tanh -2 0.5", "rrelu 0.05 0.4", "srelu -0.5 0.2 2 -0.3", "apl 1,-2,0.5 -1,0,3", "hard_sigmoid 2.5", "leaky_relu 0.3",
    };


    [Theory]
    [MemberData(nameof(Cases))]
    public void SpanPathsEqualScalarFormula(string spec)
    {
        Activation f = ActivationSpec.Create(spec);
        var points = Enumerable.Range(0, 281).Select(i => (double)(float)(-7 + 0.05 * i)).ToList();
        points.AddRange([-1000, 1000, double.NegativeInfinity, double.PositiveInfinity, double.NaN, 0, 1e-30, -1e-30]);
        double[] xd = [.. points];
        float[] xf = Array.ConvertAll(xd, v => (float)v);
        double[] yd = new double[xd.Length], dd = new double[xd.Length];
        float[] yf = new float[xf.Length], df = new float[xf.Length];
        f.Forward(xd, yd);
        f.Derivative(xd, dd);
        f.Forward(xf, yf);
        f.Derivative(xf, df);
        for (int i = 0; i < xd.Length; i++)
        {
            string at = $"{spec} x={xd[i]:R}";
            TestData.Close(f.Forward(xd[i]), yd[i], 1e-14, "double forward " + at);
            TestData.Close(f.Derivative(xd[i]), dd[i], 1e-14, "double derivative " + at);
            TestData.CloseRelative((float)f.Forward(xd[i]), yf[i], 1.6e-5, "float forward " + at, 2.4e-7);
            TestData.CloseRelative((float)f.Derivative(xd[i]), df[i], 1.6e-5, "float derivative " + at, 2.4e-7);
        }
    }
}
