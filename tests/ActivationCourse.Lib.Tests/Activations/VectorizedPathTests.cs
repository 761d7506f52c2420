using ActivationCourse.Activations;

namespace ActivationCourse.Lib.Tests.Activations;

public class VectorizedPathTests
{
    public static TheoryData<string> Names => TestData.Names();

    private static float[] Inputs(int n, int seed)
    {
        var rng = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (i % 7) switch
            {
                0 => 0f,
                1 => -3f,
                2 => 3f,
                _ => (float)(12 * rng.NextDouble() - 6),
            };
        }
        return x;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void SpanPathsEqualScalarFormulaForEveryLength(string name)
    {
        Activation f = ActivationRegistry.Get(name);
        for (int n = 0; n <= 70; n++)
        {
            float[] xf = Inputs(n, n);
            double[] xd = Array.ConvertAll(xf, v => (double)v);
            float[] up = Array.ConvertAll(Inputs(n, 1000 + n), v => v / 3);

            double[] yd = new double[n], dd = new double[n], bd = new double[n];
            f.Forward(xd, yd);
            f.Derivative(xd, dd);
            double[] upd = Array.ConvertAll(up, v => (double)v);
            f.Backward(xd, upd, bd);

            float[] yf = new float[n], df = new float[n], bf = (float[])up.Clone();
            f.Forward(xf, yf);
            f.Derivative(xf, df);
            f.Backward(xf, bf, bf); // dx aliases upstream

            for (int i = 0; i < n; i++)
            {
                double x = xd[i];
                string at = $"{name} n={n} i={i} x={x:R}";
                TestData.Close(f.Forward(x), yd[i], 1e-14, "double forward " + at);
                TestData.Close(f.Derivative(x), dd[i], 1e-14, "double derivative " + at);
                TestData.Close(upd[i] * f.Derivative(x), bd[i], 1e-14, "double backward " + at);
                // Float: relative, as in ScalarVectorAgreementTests (an absolute 3e-6 let GELU's tail be 0 or of the wrong sign).
                // Where a formula subtracts terms of size ~1 (APL past its hinge, mish′ and SiLU′ near their roots) float keeps
                // only an absolute accuracy of about one ulp of 1, hence the floor of 2.4e-7 (two float ulp at 1).
                TestData.CloseRelative(f.Forward(x), yf[i], 1.6e-5, "float forward " + at, 2.4e-7);
                TestData.CloseRelative(f.Derivative(x), df[i], 1.6e-5, "float derivative " + at, 2.4e-7);
                TestData.CloseRelative(upd[i] * f.Derivative(x), bf[i], 1.6e-5, "float backward " + at, 2.4e-7);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void MismatchedLengthsThrowNamingBothLengths(string name)
    {
        Activation f = ActivationRegistry.Get(name);
        var ex = Assert.Throws<ArgumentException>(() => f.Forward(new float[5], new float[4]));
        Assert.Contains("5", ex.Message);
        Assert.Contains("4", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => f.Derivative(new double[3], new double[7]));
        Assert.Contains("3", ex.Message);
        Assert.Contains("7", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => f.Backward(new double[6], new double[6], new double[2]));
        Assert.Contains("6", ex.Message);
        Assert.Contains("2", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => f.Backward(new float[6], new float[9], new float[6]));
        Assert.Contains("9", ex.Message);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void InPlaceSpanPathsEqualSeparateOutput(string name)
    {
        // y may be the same span as x (the doc comments promise it); 3000 crosses the blocks of the blocked paths.
        Activation f = ActivationRegistry.Get(name);
        float[] x = Inputs(3000, 7);
        float[] y = new float[x.Length], d = new float[x.Length];
        f.Forward(x, y);
        f.Derivative(x, d);
        float[] inPlace = (float[])x.Clone(), derivativeInPlace = (float[])x.Clone();
        f.Forward(inPlace, inPlace);
        f.Derivative(derivativeInPlace, derivativeInPlace);
        Assert.Equal(y, inPlace);
        Assert.Equal(d, derivativeInPlace);
    }

    [Fact]
    public void FloatTanhAndSigmoidStayAccurateWhereFastFormulasFail()
    {
        // Tiny |x| (tanh(x) ≈ x: an e^(−2|x|) − 1 by subtraction loses every digit there) and far-negative x
        // (σ(x) ≈ eˣ is subnormal below −87): both ranges take special branches in the 16-lane paths.
        var rng = new Random(11);
        float[] tiny = new float[1000], negative = new float[1000];
        for (int i = 0; i < tiny.Length; i++)
        {
            tiny[i] = (float)((rng.Next(2) * 2 - 1) * Math.Pow(10, -7 + 6 * rng.NextDouble()));
            negative[i] = (float)(-80 - 20 * rng.NextDouble());
        }

        float[] t = new float[tiny.Length], s = new float[negative.Length];
        new Tanh().Forward(tiny, t);
        new Sigmoid().Forward(negative, s);
        for (int i = 0; i < tiny.Length; i++)
        {
            TestData.CloseRelative(Math.Tanh(tiny[i]), t[i], 1e-6, $"tanh({tiny[i]:R})");
            double sigma = 1 / (1 + Math.Exp(-(double)negative[i]));
            Assert.True(Math.Abs(s[i] - sigma) <= 1e-6 * sigma + 1.5e-45, $"sigmoid({negative[i]:R}) = {s[i]:R}, expected {sigma:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void NaNInGivesNaNOut(string name)
    {
        Activation f = ActivationRegistry.Get(name);
        Assert.True(double.IsNaN(f.Forward(double.NaN)), "scalar forward");
        Assert.True(double.IsNaN(f.Derivative(double.NaN)), "scalar derivative");
        float[] x = new float[40];
        x[3] = float.NaN;
        x[37] = float.NaN;
        float[] y = new float[40], d = new float[40];
        f.Forward(x, y);
        f.Derivative(x, d);
        Assert.True(float.IsNaN(y[3]) && float.IsNaN(y[37]), "span forward");
        Assert.True(float.IsNaN(d[3]) && float.IsNaN(d[37]), "span derivative");
        Assert.False(float.IsNaN(y[4]));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ExtremeInputsGiveNoSpuriousNaN(string name)
    {
        Activation f = ActivationRegistry.Get(name);
        double[] xs = [-1000, 1000, double.NegativeInfinity, double.PositiveInfinity];
        foreach (double x in xs)
        {
            bool periodic = name == "sinusoid" && double.IsInfinity(x);
            bool outsideDomain = false;
            if (periodic || outsideDomain)
            {
                continue;
            }
            Assert.False(double.IsNaN(f.Forward(x)), $"{name}({x})");
            Assert.False(double.IsNaN(f.Derivative(x)), $"{name}'({x})");
        }
        float[] xf = [-1000f, 1000f, float.NegativeInfinity, float.PositiveInfinity, -1000f, 1000f, -1e30f, 1e30f, 0f, 1f];
        float[] yf = new float[xf.Length], df = new float[xf.Length];
        f.Forward(xf, yf);
        f.Derivative(xf, df);
        for (int i = 0; i < xf.Length; i++)
        {
            if (name == "sinusoid" && float.IsInfinity(xf[i]))
            {
                continue;
            }
            Assert.False(float.IsNaN(yf[i]), $"float {name}({xf[i]})");
            Assert.False(float.IsNaN(df[i]), $"float {name}'({xf[i]})");
        }
    }
}
