using System.Numerics;
using System.Runtime.CompilerServices;

namespace ActivationCourse.Numerics;

// atan, odd. With a = |x|: a ≤ tan(π/8) is used as is; up to tan(3π/8), atan a = π/4 + atan((a − 1)/(a + 1)); beyond,
// atan a = π/2 + atan(−1/a). The reduced t has |t| ≤ tan(π/8) and atan t = t·A(t²), A a near-minimax polynomial
// (Chebyshev fit computed with mpmath; error 1.3e-18, float 6e-10). The constant π/4 or π/2 is added in two parts.
internal static partial class VectorMath
{
    private const double TanPiOver8 = 0.41421356237309503;
    private const double Tan3PiOver8 = 2.414213562373095;
    private const double PiOver4Tail = 3.061616997868383e-17; // π/4 − (double)(π/4)

    private static ReadOnlySpan<double> AtanSeries =>
    [
        -0.01780539720541944523, 0.03796525745386593624, -0.05035102456601551843, 0.0584687829733087252,
        -0.06662951813629190088, 0.07692045330902224952, -0.09090896809064027076, 0.1111111074491965824,
        -0.1428571427925024494, 0.1999999999994089146, -0.3333333333333312116, 0.9999999999999999987,
    ];

    private static ReadOnlySpan<float> AtanSeriesF =>
        [-0.06026305228f, 0.1056982881f, -0.1423953267f, 0.1999818304f, -0.3333330689f, 0.9999999994f];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector<double> Atan(Vector<double> x)
    {
        Vector<double> a = Vector.Abs(x);
        Vector<double> one = Vector<double>.One;
        Vector<long> far = Vector.GreaterThan(a, new Vector<double>(Tan3PiOver8));
        Vector<long> mid = Vector.GreaterThan(a, new Vector<double>(TanPiOver8)) & ~far;
        Vector<double> num = Vector.ConditionalSelect(far, -one, Vector.ConditionalSelect(mid, a - one, a));
        Vector<double> den = Vector.ConditionalSelect(far, a, Vector.ConditionalSelect(mid, a + one, one));
        Vector<double> t = num / den;
        // π/4 for mid lanes, π/2 for far lanes (0 otherwise): head and tail.
        Vector<double> quarters = Vector.ConditionalSelect(far, new Vector<double>(2.0), Vector.ConditionalSelect(mid, one, Vector<double>.Zero));
        Vector<double> head = quarters * new Vector<double>(Math.PI / 4);
        Vector<double> tail = quarters * new Vector<double>(PiOver4Tail);
        Vector<double> r = head + (t * Polynomial(t * t, AtanSeries) + tail);
        return Vector.ConditionalSelect(new Vector<double>(-0.0), x, r); // the sign bit of x (keeps −0), the rest of r ≥ 0
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector<float> Atan(Vector<float> x)
    {
        Vector<float> a = Vector.Abs(x);
        Vector<float> one = Vector<float>.One;
        Vector<int> far = Vector.GreaterThan(a, new Vector<float>((float)Tan3PiOver8));
        Vector<int> mid = Vector.GreaterThan(a, new Vector<float>((float)TanPiOver8)) & ~far;
        Vector<float> num = Vector.ConditionalSelect(far, -one, Vector.ConditionalSelect(mid, a - one, a));
        Vector<float> den = Vector.ConditionalSelect(far, a, Vector.ConditionalSelect(mid, a + one, one));
        Vector<float> t = num / den;
        Vector<float> quarters = Vector.ConditionalSelect(far, new Vector<float>(2f), Vector.ConditionalSelect(mid, one, Vector<float>.Zero));
        Vector<float> head = quarters * new Vector<float>(MathF.PI / 4);
        Vector<float> tail = quarters * new Vector<float>((float)(Math.PI / 4 - MathF.PI / 4));
        Vector<float> r = head + (t * Polynomial(t * t, AtanSeriesF) + tail);
        return Vector.ConditionalSelect(new Vector<float>(-0f), x, r);
    }
}
