using ActivationCourse.Activations;

namespace ActivationCourse.Lib.Tests.Activations;

/// <summary>
/// One contract per activation: every constructor rejects a non-finite or out-of-range parameter with an
/// <see cref="ArgumentOutOfRangeException"/> naming it, in one message shape; and for random parameters the
/// constructor accepts, the span paths (vector body and scalar tail, float and double) agree with the scalar path.
/// </summary>
public class ActivationContractTests
{
    // The scalar/span tolerances of ScalarVectorAgreementTests, with two allowances random parameters need. A result that
    // is a difference of terms as large as the parameters (soft exponential's (e^(αx) − 1)/α + α, SReLU's t + a(x − t))
    // keeps only an absolute accuracy relative to those terms, so the bound is relative to max(|f|, 1 + max |parameter|).
    // Near a pole (soft exponential's 1 − α(x + α) → 0) rounding the input or a parameter by one ulp moves the result
    // far, so a span value also passes if it lies between the scalar results a few ulp either side of x.
    private const double DoubleTolerance = 2e-13;
    private const double FloatTolerance = 1.6e-5;
    private const int SpanLength = 67;
    private const int SettingsPerActivation = 25;

    /// <summary>Every registered activation with parameters.</summary>
    public static TheoryData<string> Parametric()
    {
        var data = new TheoryData<string>();
        foreach (string name in ParametricNames())
        {
            data.Add(name);
        }

        return data;
    }

    private static string[] ParametricNames() => [.. ActivationRegistry.Names.Where(n => ActivationSpec.Parameters(n).Count > 0)];

    [Fact]
    public void The_parametric_activations_include_those_the_explorer_has_sliders_for()
    {
        Assert.Superset(new HashSet<string> { "hard_tanh", "rrelu", "srelu", "apl", "hard_sigmoid", "softplus", "celu" }, new HashSet<string>(ParametricNames()));
    }

    [Theory]
    [MemberData(nameof(Parametric))]
    public void Every_parameter_rejects_NaN_and_infinity_by_name(string name)
    {
        var parameters = ActivationSpec.Parameters(name);
        for (int i = 0; i < parameters.Count; i++)
        {
            foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            {
                object[] arguments = [.. parameters.Select((p, j) => j == i ? WithValue(p, bad) : Default(p))];
                string spec = ActivationSpec.Format(name, arguments);
                var error = Assert.Throws<ArgumentOutOfRangeException>(() => ActivationSpec.Create(spec));

                string parameter = parameters[i].IsList ? $"{parameters[i].Name}[0]" : parameters[i].Name;
                Assert.Equal(parameter, error.ParamName);
                Assert.StartsWith($"{name}: {parameter} must be ", error.Message);
            }
        }
    }

    [Theory]
    [InlineData("hard_tanh 2 -2", "max", "hard_tanh: max must be > min (2), got -2.")]
    [InlineData("hard_tanh 1 1", "max", "hard_tanh: max must be > min (1), got 1.")]
    [InlineData("rrelu 0.5 0.1", "upper", "rrelu: upper must be ≥ lower (0.5), got 0.1.")]
    [InlineData("srelu 1 0.1 -1 0.1", "rightThreshold", "srelu: rightThreshold must be ≥ leftThreshold (1), got -1.")]
    [InlineData("hard_sigmoid 0", "halfWidth", "hard_sigmoid: halfWidth must be a finite number > 0, got 0.")]
    [InlineData("hard_sigmoid -1", "halfWidth", "hard_sigmoid: halfWidth must be a finite number > 0, got -1.")]
    [InlineData("softplus 0 20", "beta", "softplus: beta must be a finite number > 0, got 0.")]
    [InlineData("softplus 1 0", "threshold", "softplus: threshold must be a finite number > 0, got 0.")]
    [InlineData("celu 0", "alpha", "celu: alpha must be a finite number other than 0, got 0.")]
    [InlineData("soft_shrink -0.1", "lambda", "soft_shrink: lambda must be a finite number ≥ 0, got -0.1.")]
    [InlineData("apl 0.2,NaN 0,-1", "slopes[1]", "apl: slopes[1] must be a finite number, got NaN.")]
    [InlineData("apl 0.2,-0.4,0.1 0,-1", "hinges", "apl: hinges must have as many values as slopes (3), got 2.")]
    public void Out_of_range_parameters_are_rejected_with_one_message_shape(string spec, string parameter, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ActivationSpec.Create(spec));

        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith(message, error.Message);
    }

    [Theory]
    [InlineData("hard_tanh -2 0.5")]
    [InlineData("rrelu 0.2 0.2")]
    [InlineData("srelu 0.5 2 0.5 -1")]
    [InlineData("apl 1,-2,0.5 -1,0,3")]
    public void Edge_settings_inside_the_range_are_accepted(string spec) => Assert.NotNull(ActivationSpec.Create(spec));

    [Fact]
    public void An_APL_without_hinges_is_ReLU() => Assert.Equal(new ReLU().Forward(-2.5), new APL([], []).Forward(-2.5));

    [Theory]
    [MemberData(nameof(Parametric))]
    public void Span_paths_agree_with_the_scalar_path_for_random_accepted_parameters(string name)
    {
        var rng = new Random(20261207 + name.Length);
        var parameters = ActivationSpec.Parameters(name);
        var failures = new List<string>();
        int accepted = 0, tries = 0;
        while (accepted < SettingsPerActivation && tries++ < 100 * SettingsPerActivation)
        {
            int hinges = rng.Next(1, 4);
            string spec = ActivationSpec.Format(name, parameters.Select(p => RandomValue(p, hinges, rng)));
            Activation f;
            try
            {
                f = ActivationSpec.Create(spec);
            }
            catch (ArgumentOutOfRangeException)
            {
                continue;
            }

            accepted++;
            Agree(f, spec, Scale(spec), Inputs(rng), failures);
        }

        Assert.Equal(SettingsPerActivation, accepted);
        Assert.True(failures.Count == 0, $"{failures.Count} disagreements:\n{string.Join('\n', failures.Take(12))}");
    }

    private static void Agree(Activation f, string spec, double scale, double[] inputs, List<string> failures)
    {
        var xd = new double[SpanLength];
        var yd = new double[SpanLength];
        var xf = new float[SpanLength];
        var yf = new float[SpanLength];
        foreach (double input in inputs)
        {
            Array.Fill(xd, input);
            Array.Fill(xf, (float)input);
            double x32 = (float)input;
            f.Forward(xd, yd);
            Compare(failures, $"{spec}: double forward", input, f.Forward, yd, DoubleTolerance, scale, 4e-16);
            f.Derivative(xd, yd);
            Compare(failures, $"{spec}: double derivative", input, f.Derivative, yd, DoubleTolerance, scale, 4e-16);
            f.Forward(xf, yf);
            Compare(failures, $"{spec}: float forward", x32, v => (float)f.Forward(v), yf, FloatTolerance, scale, 4e-7);
            f.Derivative(xf, yf);
            Compare(failures, $"{spec}: float derivative", x32, v => (float)f.Derivative(v), yf, FloatTolerance, scale, 4e-7);
        }
    }

    private static void Compare<T>(List<string> failures, string what, double input, Func<double, double> scalar, T[] actual,
        double tolerance, double scale, double nudge)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        double expected = scalar(input);
        double below = scalar(input * (1 - nudge)), above = scalar(input * (1 + nudge));
        double lo = Math.Min(expected, Math.Min(below, above)), hi = Math.Max(expected, Math.Max(below, above));
        double slack = tolerance * Math.Max(Math.Max(Math.Abs(lo), Math.Abs(hi)), scale);
        for (int i = 0; i < actual.Length; i++)
        {
            double got = double.CreateTruncating(actual[i]);
            bool ok = double.IsNaN(expected) ? double.IsNaN(got)
                : double.IsInfinity(expected) ? got == expected
                : got >= lo - slack && got <= hi + slack;
            if (!ok)
            {
                failures.Add($"{what}({input:R}) at position {i}: span {got:R}, scalar {expected:R}");
                return;
            }
        }
    }

    /// <summary>1 + the largest parameter magnitude of <paramref name="spec"/>.</summary>
    private static double Scale(string spec) =>
        1 + spec.Split(' ', ',').Skip(1).Where(t => t != "-")
            .Select(t => Math.Abs(double.Parse(t, System.Globalization.CultureInfo.InvariantCulture))).DefaultIfEmpty(0).Max();

    /// <summary>Extremes, a grid over [−10, 10] and random points there.</summary>
    private static double[] Inputs(Random rng) =>
    [
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, -0.0, 1e30, -1e30, 1000, -1000,
        .. Enumerable.Range(0, 81).Select(i => -10 + 0.25 * i),
        .. Enumerable.Range(0, 40).Select(_ => -10 + 20 * rng.NextDouble()),
    ];

    /// <summary>
    /// A random parameter value: mostly in [−3, 3], sometimes 0 or a power of ten (the constructor decides what it
    /// accepts); a list parameter gets <paramref name="count"/> of them.
    /// </summary>
    private static object RandomValue(ActivationSpec.Parameter parameter, int count, Random rng)
    {
        double Draw() => rng.Next(10) switch
        {
            0 => 0,
            1 => Math.Pow(10, rng.Next(-2, 3)) * (rng.Next(2) * 2 - 1),
            _ => Math.Round(-3 + 6 * rng.NextDouble(), 3),
        };
        return parameter.IsList ? Enumerable.Range(0, count).Select(_ => Draw()).ToArray() : (object)Draw();
    }

    private static object WithValue(ActivationSpec.Parameter parameter, double value) =>
        parameter.IsList ? new[] { value } : (object)value;

    // A list parameter (APL's) gets one element, as long as the list the bad value goes into.
    private static object Default(ActivationSpec.Parameter parameter) =>
        parameter.IsList ? new[] { 0.0 } : (object)parameter.Default;
}
