using ActivationCourse.Activations;
using ActivationCourse.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Lib.Tests.Activations;

public class PublishedValuesAndDefaultsTests
{
    [Fact]
    public void PublishedValues()
    {
        Assert.Equal(0.7615941559557649, new Tanh().Forward(1.0), 15);
        Assert.Equal(0.2689414213699951, new Sigmoid().Forward(-1.0), 15);
        Assert.Equal(0.8413447460685429, new GELU().Forward(1.0), 15);
        // Φ(−3) = 0.0013498980316300946 → GELU(−3) = −3Φ(−3), relative accuracy ~1e-14.
        TestData.Close(-3 * 0.0013498980316300946, new GELU().Forward(-3.0), 1e-14, "GELU(-3)");
        Assert.Equal(0.8411919906082768, new GELUTanh().Forward(1.0), 14);
        Assert.Equal(1.6732632423543772848170429916717, SELU.Alpha);
        Assert.Equal(1.0507009873554804934193349852946, SELU.Scale);
        Assert.Equal(Math.Log(2), new Softplus().Forward(0.0), 15);
        Assert.Equal(1.0, new Sinc().Forward(0.0));
        Assert.Equal(0.0, new Sinc().Derivative(0.0));
    }

    [Fact]
    public void ErfMatchesKnownValues()
    {
        TestData.Close(0.8427007929497149, SpecialFunctions.Erf(1.0), 1e-15, "erf(1)");
        TestData.Close(0.9953222650189527, SpecialFunctions.Erf(2.0), 1e-15, "erf(2)");
        TestData.Close(-0.5204998778130465, SpecialFunctions.Erf(-0.5), 1e-15, "erf(-0.5)");
        Assert.True(Math.Abs(SpecialFunctions.Erfc(5.0) / 1.5374597944280349e-12 - 1) < 1e-13, "erfc(5)");
        Assert.True(Math.Abs(SpecialFunctions.Erfc(10.0) / 2.088487583762545e-45 - 1) < 1e-13, "erfc(10)");
        Assert.Equal(2.0, SpecialFunctions.Erfc(double.NegativeInfinity));
        Assert.Equal(1.0, SpecialFunctions.Erf(double.PositiveInfinity));
    }

    [Fact]
    public void SmallArgumentsStayAccurate()
    {
        // ELU(−1e-10) = expm1(−1e-10) ≈ −1e-10 + 5e-21, and softplus(x) − log 2 etc. need expm1/log1p.
        double elu = new ELU().Forward(-1e-10);
        Assert.True(Math.Abs(elu / (-1e-10 + 5e-21) - 1) < 1e-15, $"ELU(-1e-10) = {elu:R}");
        Assert.Equal(1e-300, SpecialFunctions.Log1P(1e-300));
        TestData.Close(-1e-4 / 3, new Sinc().Derivative(1e-4), 1e-12, "sinc'(1e-4)");
        double bent = new BentIdentity().Forward(1e-4) - 1e-4; // (√(1 + 1e-8) − 1)/2 ≈ 2.5e-9 − 3.1e-18
        Assert.True(Math.Abs(bent / (2.5e-9 - 3.125e-18) - 1) < 1e-7, $"bent identity near 0: {bent:R}");
        float[] small = [1e-5f, -3e-3f, 0f, 0.2f];
        float[] ts = new float[4];
        new Tanh().Forward(small, ts);
        for (int i = 0; i < small.Length; i++)
        {
            Assert.True(Math.Abs(ts[i] - Math.Tanh(small[i])) <= 1.2e-7 * Math.Abs(Math.Tanh(small[i])), $"float tanh({small[i]}) = {ts[i]}");
        }
    }

    [Fact]
    public void HardSigmoidForms()
    {
        var torch = new HardSigmoid();
        Assert.Equal(0.5, torch.Forward(0));
        Assert.Equal(1.0 / 6 + 0.5, torch.Forward(1), 15);
        Assert.Equal(1.0, torch.Forward(3));
        Assert.Equal(0.0, torch.Forward(-3));
        Assert.Equal(0.0, torch.Derivative(3));
        Assert.Equal(1.0 / 6, torch.Derivative(2.9), 15);
        var keras2 = HardSigmoid.Keras2;
        Assert.Equal(0.7, keras2.Forward(1), 15);
        Assert.Equal(1.0, keras2.Forward(2.5));
        Assert.Equal(0.2, keras2.Derivative(0), 15);
        Assert.Equal(0.0, keras2.Derivative(2.5));
    }

    [Fact]
    public void LeakySlopeDefaults()
    {
        Assert.Equal(0.01, new LeakyReLU().NegativeSlope);
        Assert.Equal(-0.01, new LeakyReLU().Forward(-1), 15);
        Assert.Equal(0.01, new LeakyReLU().Derivative(0)); // PyTorch: x > 0 ? 1 : slope
        Assert.Equal(-0.3, LeakyReLU.KerasLayer.Forward(-1), 15);
        Assert.Equal(-0.2, LeakyReLU.KerasFunction.Forward(-1), 15);
        Assert.Equal(0.25, new PReLU().Slope);
        Assert.Equal((1.0 / 8 + 1.0 / 3) / 2, new RReLU().EvaluationSlope, 15);
    }

    [Fact]
    public void KinkDerivativesFollowPyTorch()
    {
        Assert.Equal(0.0, new ReLU().Derivative(0));
        Assert.Equal(0.0, new ReLU6().Derivative(0));
        Assert.Equal(0.0, new ReLU6().Derivative(6));
        Assert.Equal(0.0, new HardTanh().Derivative(1));
        Assert.Equal(0.0, new HardTanh().Derivative(-1));
        Assert.Equal(0.0, new BinaryStep().Derivative(0));
        Assert.Equal(-0.5, new HardSwish().Derivative(-3), 15);
        Assert.Equal(1.5, new HardSwish().Derivative(3), 15);
        Assert.Equal(1.0, new ELU().Derivative(0));
        Assert.Equal(SELU.Scale * SELU.Alpha, new SELU().Derivative(0), 15);
        Assert.Equal(0.0, new SoftShrink().Derivative(0.5)); // PyTorch: 0 on the closed band [−λ, λ]
        Assert.Equal(0.0, new SoftShrink().Derivative(-0.5));
    }

    [Fact]
    public void ExtremeValues()
    {
        Assert.Equal(0.0, new Sigmoid().Forward(-1000));
        Assert.Equal(1.0, new Sigmoid().Forward(1000));
        Assert.Equal(1000.0, new Softplus().Forward(1000));
        Assert.Equal(0.0, new Softplus().Forward(-1000));
        Assert.Equal(1.0, new Tanh().Forward(double.PositiveInfinity));
        Assert.Equal(-1.0, new Tanh().Forward(double.NegativeInfinity));
        Assert.Equal(1.0, new Softsign().Forward(double.PositiveInfinity));
        Assert.Equal(0.0, new SiLU().Forward(double.NegativeInfinity));
        Assert.Equal(0.0, new Sinc().Forward(double.PositiveInfinity));
        float[] x = [-1000f, 1000f, float.NegativeInfinity, float.PositiveInfinity, 0f, 1f, -1f, 3f];
        float[] y = new float[x.Length];
        new Sigmoid().Forward(x, y);
        Assert.Equal([0f, 1f, 0f, 1f, 0.5f], y[..5]);
        new Tanh().Forward(x, y);
        Assert.Equal([-1f, 1f, -1f, 1f, 0f], y[..5]);
    }

    [Fact]
    public void Identities()
    {
        var sigmoid = new Sigmoid();
        var tanh = new Tanh();
        var softplus = new Softplus();
        foreach (double x in TestData.Points(tanh, 50, seed: 7, lo: -8, hi: 8))
        {
            TestData.Close(2 * sigmoid.Forward(2 * x) - 1, tanh.Forward(x), 1e-15, $"tanh({x})");
            TestData.Close(sigmoid.Forward(x), softplus.Derivative(x), 1e-15, $"softplus'({x})");
            double[] p = new double[2];
            Softmax.Forward([x, 0.5], 2, p);
            TestData.Close(sigmoid.Forward(x - 0.5), p[0], 1e-15, $"softmax2({x})");
        }
    }

    [Fact]
    public void MathNetOverloadsApplyElementwise()
    {
        var relu = new ReLU();
        Vector<double> v = Vector<double>.Build.DenseOfArray([-1, 2, -3]);
        Assert.Equal([0.0, 2, 0], relu.Forward(v).ToArray());
        Assert.Equal([0.0, 1, 0], relu.Derivative(v).ToArray());
        Matrix<float> m = Matrix<float>.Build.DenseOfArray(new float[,] { { -1, 2 }, { 3, -4 } });
        Matrix<float> r = relu.Forward(m);
        Assert.Equal(new float[,] { { 0, 2 }, { 3, 0 } }, r.ToArray());
        Assert.Equal(-1f, m[0, 0]); // input untouched
        Matrix<double> md = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1 } });
        Assert.Equal(0.25, new Sigmoid().Derivative(md)[0, 0], 15);
        Vector<float> vf = Vector<float>.Build.DenseOfArray([0f]);
        Assert.Equal(1f, new Tanh().Derivative(vf)[0]);
    }

    [Fact]
    public void RegistryLooksUpNamesAndAliases()
    {
        Assert.Equal(ActivationRegistry.Names.Count, ActivationRegistry.Names.Distinct().Count());
        Assert.Equal(ActivationRegistry.Names, ActivationRegistry.All.Select(a => a.Name));
        Assert.IsType<SiLU>(ActivationRegistry.Get("swish"));
        Assert.IsType<LeakyReLU>(ActivationRegistry.Get("Leaky_ReLU"));
        Assert.NotSame(ActivationRegistry.Get("prelu"), ActivationRegistry.Get("prelu"));
        var ex = Assert.Throws<ArgumentException>(() => ActivationRegistry.Get("nope"));
        Assert.Contains("nope", ex.Message);
        Assert.Contains("leaky_relu", ex.Message);
        Assert.False(ActivationRegistry.TryGet("nope", out _));
        foreach (Activation a in ActivationRegistry.All)
        {
            // Each text on its own: a check of their concatenation passes when all but one are empty.
            Assert.False(string.IsNullOrWhiteSpace(a.DisplayName), $"{a.Name}: DisplayName");
            Assert.False(string.IsNullOrWhiteSpace(a.Description), $"{a.Name}: Description");
            Assert.False(string.IsNullOrWhiteSpace(a.Formula), $"{a.Name}: Formula");
            Assert.False(string.IsNullOrWhiteSpace(a.Range), $"{a.Name}: Range");
        }
    }
}
