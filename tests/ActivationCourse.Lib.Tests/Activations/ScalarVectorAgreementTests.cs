using ActivationCourse.Activations;

namespace ActivationCourse.Lib.Tests.Activations;

/// <summary>
/// Property: an element's result does not depend on where it sits in a span. Each input fills a span whose first
/// elements go through the vector kernels (every width the machine has) and whose last three go through the scalar
/// tail; every element must agree with the scalar <see cref="Activation.Forward(double)"/> and
/// <see cref="Activation.Derivative(double)"/>, for every registered activation (and the non-default parameter
/// settings), forward and derivative, float and double, at random and extreme inputs.
/// </summary>
public class ScalarVectorAgreementTests
{
    // 64 elements of vector body for 4, 8 and 16 lanes, then a 3-element scalar tail.
    private const int SpanLength = 67;

    // Relative tolerances. The vector exp/log/erf/atan/sin approximations are within a few ulp, but a function of an
    // exponential inherits the rounding of its argument times the argument's size: e^u with |u| up to 745 (double) or
    // 104 (float) turns one ulp of u into |u| ulp of the result. Double: 745 × 1.1e-16 ≈ 8e-14, so 2e-13. Float: the
    // reference is the double formula rounded once, and 104 × 6e-8 ≈ 6e-6 plus the approximations' few ulp, so 1.6e-5
    // (134 float ulp). Both are far below what a wrong branch, sign or constant would show.
    private const double DoubleTolerance = 2e-13;
    private const double FloatTolerance = 1.6e-5;

    // Where f′ crosses zero it is a difference of terms near 0.2 (σ(βx) and βx·σ(βx)σ(−βx) for SiLU; Φ(x) and x·φ(x)
    // for GELU), so any float evaluation keeps only an absolute accuracy of a few ulp of those terms: within 0.01 of
    // these roots the float derivative is held to an absolute 1e-7 (four float ulp of 0.2) instead of a relative bound.
    private static readonly Dictionary<string, double[]> FloatDerivativeRoots = new()
    {
        ["silu"] = [-1.2785],
        ["silu 2"] = [-0.6392],
        ["silu -1"] = [1.2785],
        ["gelu"] = [-0.7518],
        ["gelu_tanh"] = [-0.7517],
        ["mish"] = [-1.1924],
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string name in ActivationRegistry.Names)
        {
            data.Add(name);
        }

        foreach (string spec in ParametricSpecs)
        {
            data.Add(spec);
        }

        return data;
    }

    private static readonly string[] ParametricSpecs =
    [
        "soft_exponential -0.5", "soft_exponential 0", "soft_exponential 2", "celu 2", "celu 0.5", "elu 0.5", "elu 2",
        "softplus 2 20", "softplus 0.5 5", "silu 2", "silu -1", "generalized_logistic 2 3 0.5",
        "hard_tanh -2 0.5", "rrelu 0.05 0.4", "hard_sigmoid 2.5", "leaky_relu 0.3", "soft_shrink 1.5",
    ];


    /// <summary>The extremes of double, then seeded random values over every binade and a dense band around 0.</summary>
    private static double[] DoubleInputs()
    {
        var inputs = new List<double>
        {
            double.MaxValue, -double.MaxValue, double.Epsilon, -double.Epsilon, 1e-310, -1e-310, 2.2250738585072014e-308, -2.2250738585072014e-308,
            0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1, -1, 3, -3, 6, 20, -20, 709.8, -745.2, 1e300, -1e300,
        };
        var rng = new Random(20261205);
        for (int i = 0; i < 300; i++)
        {
            inputs.Add((rng.Next(2) * 2 - 1) * Math.Pow(10, -320 + 628 * rng.NextDouble()));
            inputs.Add(-40 + 80 * rng.NextDouble());
        }

        return [.. inputs];
    }

    /// <summary>The extremes of float, then seeded random values over every binade and a dense band around 0.</summary>
    private static float[] FloatInputs()
    {
        var inputs = new List<float>
        {
            float.MaxValue, -float.MaxValue, float.Epsilon, -float.Epsilon, 1e-40f, -1e-40f, 1.17549435e-38f, -1.17549435e-38f,
            0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, 1, -1, 3, -3, 6, 20, -20, 88.7f, -103.9f, 1e30f, -1e30f,
        };
        var rng = new Random(20261206);
        for (int i = 0; i < 300; i++)
        {
            inputs.Add((float)((rng.Next(2) * 2 - 1) * Math.Pow(10, -45 + 83 * rng.NextDouble())));
            inputs.Add((float)(-40 + 80 * rng.NextDouble()));
        }

        return [.. inputs];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DoubleSpansAgreeWithTheScalarPathAtEveryPosition(string spec)
    {
        Activation f = ActivationSpec.Create(spec);
        var x = new double[SpanLength];
        var y = new double[SpanLength];
        var failures = new List<string>();
        foreach (double input in DoubleInputs())
        {
            Array.Fill(x, input);
            f.Forward(x, y);
            Compare(failures, "forward", input, f.Forward(input), y, DoubleTolerance, 1e-300);
            f.Derivative(x, y);
            Compare(failures, "derivative", input, f.Derivative(input), y, DoubleTolerance, 1e-300);
        }

        Assert.True(failures.Count == 0, $"{spec} (double), {failures.Count} disagreements:\n{string.Join('\n', failures.Take(12))}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FloatSpansAgreeWithTheScalarPathAtEveryPosition(string spec)
    {
        Activation f = ActivationSpec.Create(spec);
        var x = new float[SpanLength];
        var y = new float[SpanLength];
        var failures = new List<string>();
        foreach (float input in FloatInputs())
        {
            Array.Fill(x, input);
            f.Forward(x, y);
            Compare(failures, "forward", input, (float)f.Forward(input), y, FloatTolerance, 1e-37);
            f.Derivative(x, y);
            bool nearRoot = FloatDerivativeRoots.TryGetValue(spec, out double[]? roots) && roots.Any(r => Math.Abs(input - r) < 0.01);
            Compare(failures, "derivative", input, (float)f.Derivative(input), y, nearRoot ? 0 : FloatTolerance, nearRoot ? 1e-7 : 1e-37);
        }

        Assert.True(failures.Count == 0, $"{spec} (float), {failures.Count} disagreements:\n{string.Join('\n', failures.Take(12))}");
    }

    /// <summary>
    /// Every element must match: both NaN, the same infinity, or within the relative tolerance (results below
    /// <paramref name="tiny"/> in magnitude may differ by that much, so ±0 against a subnormal passes).
    /// </summary>
    private static void Compare<T>(List<string> failures, string what, T input, double expected, T[] actual, double tolerance, double tiny)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        for (int i = 0; i < actual.Length; i++)
        {
            double got = double.CreateTruncating(actual[i]);
            bool ok = double.IsNaN(expected) ? double.IsNaN(got)
                : double.IsInfinity(expected) ? got == expected
                : Math.Abs(got - expected) <= Math.Max(tolerance * Math.Abs(expected), tiny);
            if (!ok)
            {
                failures.Add($"{what}({input:R}) at position {i} of {actual.Length}: span {got:R}, scalar {expected:R}");
                return;
            }
        }
    }
}
