namespace ActivationCourse.Gradients;

/// <summary>The floating-point type a numerical experiment computes in.</summary>
public enum Precision
{
    /// <summary>IEEE 754 binary64 (<see cref="double"/>): machine epsilon 2⁻⁵² ≈ 2.2e-16.</summary>
    Double,

    /// <summary>IEEE 754 binary32 (<see cref="float"/>): machine epsilon 2⁻²³ ≈ 1.2e-7.</summary>
    Single,
}

/// <summary>
/// The two difference quotients that approximate a derivative, and the step-size arithmetic around them.
/// </summary>
/// <remarks>
/// <para>One-sided (forward): (f(x + h) − f(x)) / h = f′(x) + f″(x)·h/2 + O(h²): the truncation error is first order in h.</para>
/// <para>Centered: (f(x + h) − f(x − h)) / (2h) = f′(x) + f‴(x)·h²/6 + O(h⁴): the even terms cancel, so the error is second order.</para>
/// <para>Both divide a difference of two nearly equal values by h, so rounding in f (about ε·|f| per evaluation)
/// grows like ε/h as h shrinks. The best step balances the two errors.</para>
/// </remarks>
public static class DifferenceQuotients
{
    /// <summary>The one-sided (forward) difference (f(x + h) − f(x)) / h.</summary>
    public static double Forward(Func<double, double> f, double x, double h)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (f(x + h) - f(x)) / h;
    }

    /// <summary>The centered difference (f(x + h) − f(x − h)) / (2h).</summary>
    public static double Centered(Func<double, double> f, double x, double h)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (f(x + h) - f(x - h)) / (2 * h);
    }

    /// <summary>The one-sided difference with every operation in single precision.</summary>
    public static float Forward(Func<float, float> f, float x, float h)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (f(x + h) - f(x)) / h;
    }

    /// <summary>The centered difference with every operation in single precision.</summary>
    public static float Centered(Func<float, float> f, float x, float h)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (f(x + h) - f(x - h)) / (2f * h);
    }

    /// <summary>
    /// Machine epsilon: the gap between 1 and the next representable number (2⁻⁵² for double, 2⁻²³ for float).
    /// Not <see cref="double.Epsilon"/>, which is the smallest subnormal number.
    /// </summary>
    public static double MachineEpsilon(Precision precision) => precision switch
    {
        Precision.Double => Math.BitIncrement(1.0) - 1.0,
        Precision.Single => MathF.BitIncrement(1f) - 1f,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown precision."),
    };

    /// <summary>
    /// The textbook step for a function and derivative of order one in size: √ε for the one-sided difference,
    /// ∛ε for the centered one (about 1.5e-8 and 6.1e-6 in double).
    /// </summary>
    public static double RuleOfThumbStep(Precision precision, bool centered) =>
        centered ? Math.Cbrt(MachineEpsilon(precision)) : Math.Sqrt(MachineEpsilon(precision));

    /// <summary>
    /// Steps from <paramref name="largest"/> down to <paramref name="smallest"/> (both included when they fall on
    /// the grid), evenly spaced on a log scale with <paramref name="perDecade"/> steps per factor of ten.
    /// </summary>
    public static double[] LogSpacedSteps(double largest, double smallest, int perDecade)
    {
        if (!(largest > 0) || !(smallest > 0) || smallest > largest)
        {
            throw new ArgumentException($"Need 0 < smallest ≤ largest; got smallest = {smallest}, largest = {largest}.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(perDecade, 1);
        double top = Math.Log10(largest);
        int count = (int)Math.Floor(((top - Math.Log10(smallest)) * perDecade) + 1e-9) + 1;
        var steps = new double[count];
        for (int i = 0; i < count; i++)
        {
            steps[i] = Math.Pow(10, top - ((double)i / perDecade));
        }
        return steps;
    }
}
