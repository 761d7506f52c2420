using ActivationCourse.Activations;

namespace ActivationCourse.Lib.Tests.Activations;

/// <summary>
/// At least one value of f and f′ per activation and per non-default parameter setting, worked by hand from a closed
/// form (σ(ln 3) = 3/4, tanh(ln 2) = 3/5, …) or read from a published table, never from a formula the library or the
/// other tests share. Checked relatively: double within 32 ulp; float within 8 float ulp plus the effect of rounding x
/// to float (|f′|·|x − (float)x|), so a wrong sign, constant or branch fails even where the value is tiny.
/// </summary>
public class ClosedFormReferenceTests
{
    private static readonly double Ln2 = Math.Log(2), Ln3 = Math.Log(3);

    /// <summary>(activation, x, f(x), f′(x), how the value was worked out).</summary>
    public static TheoryData<string, double, double, double, string> Cases() => new()
    {
        { "identity", 2.5, 2.5, 1, "f(x) = x" },
        { "binary_step", -1, 0, 0, "H(x) = 1 for x ≥ 0, else 0" },
        { "binary_step", 2, 1, 0, "H(x) = 1 for x ≥ 0, else 0" },
        { "sigmoid", Ln3, 0.75, 3.0 / 16, "σ(ln 3) = 1/(1 + 1/3) = 3/4; σ′ = σ(1 − σ) = 3/16" },
        { "sigmoid", -Ln3, 0.25, 3.0 / 16, "σ(−ln 3) = 1/(1 + 3) = 1/4" },
        { "generalized_logistic", Ln3, 0.75, 3.0 / 16, "defaults L = 1, k = 1, x₀ = 0 are σ" },
        { "generalized_logistic 2 3 0.5", 0.5 + (Ln3 / 3), 1.5, 9.0 / 8, "L·σ(k(x − x₀)) with k(x − x₀) = ln 3: 2·3/4; f′ = L·k·σ(1 − σ) = 6·3/16" },
        { "tanh", Ln2, 0.6, 16.0 / 25, "tanh(ln 2) = (2 − 1/2)/(2 + 1/2) = 3/5; 1 − tanh² = 16/25" },
        { "tanh", -2 * Ln2, -15.0 / 17, 64.0 / 289, "tanh(−ln 4) = −(4 − 1/4)/(4 + 1/4) = −15/17; 1 − 225/289" },
        { "hard_sigmoid", 1.5, 0.75, 1.0 / 6, "PyTorch relu6(x + 3)/6 = 4.5/6" },
        { "hard_sigmoid", -4, 0, 0, "relu6(−1)/6 = 0" },
        { "hard_tanh", 0.5, 0.5, 1, "clamp(x, −1, 1)" },
        { "hard_tanh", -3, -1, 0, "clamp(x, −1, 1)" },
        { "arctan", 1, Math.PI / 4, 0.5, "atan 1 = π/4; 1/(1 + x²) = 1/2" },
        { "arctan", -Math.Sqrt(3), -Math.PI / 3, 0.25, "atan(−√3) = −π/3; 1/(1 + 3)" },
        { "softsign", 3, 0.75, 1.0 / 16, "x/(1 + |x|) = 3/4; 1/(1 + |x|)² = 1/16" },
        { "softsign", -1, -0.5, 0.25, "−1/2; 1/4" },
        { "relu", -2, 0, 0, "max(0, x)" },
        { "relu", 3, 3, 1, "max(0, x)" },
        { "relu6", 7, 6, 0, "min(max(0, x), 6)" },
        { "relu6", 2.5, 2.5, 1, "min(max(0, x), 6)" },
        { "leaky_relu", -2, -0.02, 0.01, "PyTorch default slope 0.01" },
        { "leaky_relu 0.2", -2, -0.4, 0.2, "slope 0.2 (Keras' default)" },
        { "prelu", -2, -0.5, 0.25, "PyTorch's initial slope 0.25" },
        { "rrelu", -4.8, -1.1, 11.0 / 48, "evaluation slope (1/8 + 1/3)/2 = 11/48; −4.8·11/48" },
        { "elu", -Ln2, -0.5, 0.5, "e^(−ln 2) − 1 = −1/2; e^x = 1/2" },
        { "elu 2", -Ln2, -1, 1, "α(eˣ − 1) = 2·(−1/2); αeˣ = 1" },
        { "elu 0.5", -Ln2, -0.25, 0.25, "0.5·(−1/2); 0.5·1/2" },
        { "selu", 1, 1.0507009873554805, 1.0507009873554805, "λ = 1.0507009873554804934 (Klambauer et al. 2017)" },
        { "selu", -Ln2, -0.5 * 1.0507009873554805 * 1.6732632423543772, 0.5 * 1.0507009873554805 * 1.6732632423543772, "λα(e^(−ln 2) − 1) = −λα/2, α = 1.6732632423543772848" },
        { "celu", -Ln2, -0.5, 0.5, "α = 1 is ELU" },
        { "celu 2", -2 * Ln2, -1, 0.5, "α(e^(x/α) − 1) = 2(1/2 − 1); e^(x/α) = 1/2" },
        { "celu 0.5", -0.5 * Ln2, -0.25, 0.5, "0.5(1/2 − 1); 1/2" },
        { "softplus", Ln3, 2 * Ln2, 0.75, "ln(1 + 3) = 2 ln 2; σ(ln 3) = 3/4" },
        { "softplus", 0, Ln2, 0.5, "ln 2; σ(0)" },
        { "softplus 2 20", Ln3 / 2, Ln2, 0.75, "ln(1 + e^(βx))/β = ln 4/2; σ(βx) = 3/4" },
        { "softplus 2 20", 15, 15, 1, "βx = 30 > threshold 20: linear (PyTorch)" },
        { "softplus 0.5 5", 2 * Ln3, 4 * Ln2, 0.75, "ln 4/0.5; σ(ln 3)" },
        { "softplus 0.5 5", 12, 12, 1, "βx = 6 > threshold 5: linear" },
        { "gelu", 1, 0.8413447460685429, 0.8413447460685429 + 0.24197072451914337, "Φ(1) = 0.841344746068543, φ(1) = 0.241970724519143 (normal table)" },
        { "gelu", -1, -0.15865525393145707, 0.15865525393145707 - 0.24197072451914337, "Φ(−1) = 0.158655253931457 (normal table); Φ + xφ" },
        { "gelu", -5, -5 * 2.8665157187919333e-7, 2.8665157187919333e-7 - (5 * 1.4867195147342977e-6), "Φ(−5) = 2.86651571879193e-7, φ(5) = 1.48671951473430e-6 (normal table)" },
        { "gelu_tanh", 0, 0, 0.5, "x·(1 + tanh 0)/2; f′(0) = 1/2" },
        { "silu", Ln3, 0.75 * Ln3, 0.75 * (1 + (Ln3 / 4)), "xσ(x) = (3/4) ln 3; σ(1 + x(1 − σ)) = (3/4)(1 + ln 3/4)" },
        { "silu 2", Ln3 / 2, 0.75 * Ln3 / 2, 0.75 * (1 + (Ln3 / 4)), "xσ(βx) with βx = ln 3; σ(βx)(1 + βx(1 − σ(βx)))" },
        { "silu -1", -Ln3, -0.75 * Ln3, 0.75 + (3.0 / 16 * Ln3), "βx = ln 3: x·3/4; σ(βx) + βx·σ(βx)σ(−βx)" },
        { "mish", Ln3, 15.0 / 17 * Ln3, (15.0 / 17) + (48.0 / 289 * Ln3), "softplus(ln 3) = ln 4, tanh(ln 4) = 15/17; f′ = 15/17 + ln 3·(64/289)·(3/4)" },
        { "hard_swish", 1.5, 1.125, 1, "x·relu6(x + 3)/6 = 1.5·4.5/6; (2x + 3)/6 = 1" },
        { "hard_swish", 4, 4, 1, "x·6/6" },
        { "bent_identity", 0.75, 0.875, 1.3, "(√(9/16 + 1) − 1)/2 + 3/4 = 1/8 + 3/4; x/(2√(x² + 1)) + 1 = 0.3 + 1" },
        { "sinusoid", Math.PI / 6, 0.5, Math.Sqrt(3) / 2, "sin(π/6) = 1/2; cos(π/6) = √3/2" },
        { "sinc", Math.PI / 2, 2 / Math.PI, -4 / (Math.PI * Math.PI), "sin(π/2)/(π/2); (x cos x − sin x)/x² = −1/(π²/4)" },
        { "sinc", 1.5 * Math.PI, -2 / (3 * Math.PI), 4 / (9 * Math.PI * Math.PI), "sin(3π/2)/(3π/2) = −2/(3π); (0 − (−1))/(9π²/4)" },
        { "gaussian", Math.Sqrt(Ln2), 0.5, -Math.Sqrt(Ln2), "e^(−ln 2) = 1/2; −2x·1/2" },
        { "soft_exponential", 2 * Ln2, 2.5, 2, "α = 0.5: (e^(αx) − 1)/α + α = 1/0.5 + 0.5; e^(αx) = 2" },
        { "soft_exponential 2", Ln2 / 2, 2.5, 2, "(2 − 1)/2 + 2; e^(αx) = 2" },
        { "soft_exponential 0", 3, 3, 1, "α = 0: identity" },
        { "soft_exponential -0.5", 2.5, 2 * Ln2, 0.5, "−ln(1 − α(x + α))/α with 1 − α(x + α) = 2: ln 2/0.5; 1/(1 − α(α + x)) = 1/2" },
        { "srelu", 3, 1.2, 0.1, "t_r = 1, a_r = 0.1: 1 + 0.1·(3 − 1)" },
        { "srelu", -3, -1.2, 0.1, "t_l = −1, a_l = 0.1: −1 + 0.1·(−3 + 1)" },
        { "srelu", 0.5, 0.5, 1, "identity between the thresholds" },
        { "apl", -2, 0, 0.2, "max(0, x) + 0.2·max(0, −x) − 0.4·max(0, −x − 1) = 0.4 − 0.4; f′ = −0.2 + 0.4" },
        { "apl", -0.5, 0.1, -0.2, "0.2·0.5; f′ = −0.2" },
        { "soft_shrink", 1.25, 0.75, 1, "PyTorch λ = 0.5: x − λ" },
        { "soft_shrink", -2, -1.5, 1, "x + λ" },
        { "soft_shrink", 0.3, 0, 0, "|x| ≤ λ: 0" },
        { "soft_shrink 1.5", -4, -2.5, 1, "x + λ with λ = 1.5" },
        { "soft_shrink 0", -0.75, -0.75, 1, "λ = 0: the identity away from 0" },
    };


    [Fact]
    public void EveryRegisteredActivationHasAReferenceValue()
    {
        var covered = Cases().Select(row => ((string)row[0]).Split(' ')[0]).ToHashSet();
        Assert.All(ActivationRegistry.Names, name => Assert.Contains(name, covered));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DoubleScalarAndSpanMatchTheWorkedValue(string spec, double x, double f, double df, string source)
    {
        Activation a = ActivationSpec.Create(spec);
        double[] xs = [.. Enumerable.Repeat(x, 19)]; // vector body and scalar tail
        double[] ys = new double[xs.Length], ds = new double[xs.Length];
        a.Forward(xs, ys);
        a.Derivative(xs, ds);

        AssertUlps(f, a.Forward(x), 32, $"{spec}({x:R}) [{source}]");
        AssertUlps(df, a.Derivative(x), 32, $"{spec}′({x:R}) [{source}]");
        Assert.All(ys, y => AssertUlps(f, y, 32, $"{spec}({x:R}) span [{source}]"));
        Assert.All(ds, d => AssertUlps(df, d, 32, $"{spec}′({x:R}) span [{source}]"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FloatSpanMatchesTheWorkedValue(string spec, double x, double f, double df, string source)
    {
        Activation a = ActivationSpec.Create(spec);
        float xf = (float)x;
        float[] xs = [.. Enumerable.Repeat(xf, 37)]; // vector body and scalar tail
        float[] ys = new float[xs.Length];
        a.Forward(xs, ys);

        // Rounding x to float moves f by about f′·Δx.
        double allowed = (8 * FloatUlp(f)) + (Math.Abs(df) * Math.Abs(xf - x));
        Assert.All(ys, y => Assert.True(Math.Abs(y - f) <= allowed, $"float {spec}({xf:R}) = {y:R}, expected {f:R} ± {allowed:E2} [{source}]"));
        Assert.All(ys, y => Assert.True(Math.Sign(y) == Math.Sign(f), $"float {spec}({xf:R}) = {y:R} has the wrong sign [{source}]"));
    }

    [Fact]
    public void MishDerivativeAtMinusMaxValueIsZeroInEveryPosition()
    {
        var mish = new Mish();
        double[] xs = [.. Enumerable.Repeat(-double.MaxValue, 11)];
        float[] xf = [.. Enumerable.Repeat(-float.MaxValue, 19)];
        double[] d = new double[xs.Length];
        float[] df = new float[xf.Length];
        mish.Derivative(xs, d);
        mish.Derivative(xf, df);

        Assert.Equal(0.0, mish.Derivative(-double.MaxValue));
        Assert.All(d, v => Assert.Equal(0.0, Math.Abs(v)));
        Assert.All(df, v => Assert.Equal(0f, Math.Abs(v)));
    }

    [Theory]
    [InlineData(1e-320)]
    [InlineData(1e-31)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void SoftmaxRejectsTemperaturesThatWouldGiveNaN(double temperature)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.Forward(new double[] { 1, 2, 3 }, 3, new double[3], temperature));
        Assert.Contains("1E-30", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.Forward(new float[] { 1, 2, 3 }, 3, new float[3], temperature));
    }

    [Fact]
    public void SoftmaxAtTheSmallestTemperatureIsAnArgMaxWithoutNaN()
    {
        double[] pd = new double[4];
        float[] pf = new float[4];
        Softmax.Forward(new double[] { 1, 3, 2, 3 - 1e-9 }, 4, pd, Softmax.MinTemperature);
        Softmax.Forward(new float[] { 1, 3, 2, 2.5f }, 4, pf, Softmax.MinTemperature);

        Assert.Equal([0.0, 1.0, 0.0, 0.0], pd);
        Assert.Equal([0f, 1f, 0f, 0f], pf);
    }

    private static void AssertUlps(double expected, double actual, int ulps, string what)
    {
        double allowed = ulps * Math.Max(Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected), double.Epsilon);
        Assert.True(Math.Abs(actual - expected) <= allowed, $"{what}: got {actual:R}, expected {expected:R} (± {ulps} ulp = {allowed:E2})");
    }

    private static double FloatUlp(double value)
    {
        float v = Math.Abs((float)value);
        return Math.Max(MathF.BitIncrement(v) - v, float.Epsilon);
    }
}
