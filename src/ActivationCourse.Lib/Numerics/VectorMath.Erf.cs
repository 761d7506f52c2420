using System.Numerics;
using System.Runtime.CompilerServices;

namespace ActivationCourse.Numerics;

// erf, odd, from three near-minimax polynomials (Chebyshev fits computed with mpmath) chosen by a = |x|:
//   a < 1:      erf x = x·P(x²)
//   1 ≤ a < 2:  erf a = Q(a − 3/2)
//   2 ≤ a ≤ 6:  erf a = 1 − e^(−a²)/a · H(1/a − 1/3), and ±1 beyond 6 (erfc 6 ≈ 2e-17).
// Fit errors (double): P 1.3e-19, Q 3.6e-18 (absolute), H 1.6e-16 relative to erfc (≤ 5e-3); float fits 1e-9 … 1e-8.
// Each polynomial is evaluated only if some lane needs it.
internal static partial class VectorMath
{
    private static ReadOnlySpan<double> ErfSmall =>
    [
        5.957176147748911404e-11, -1.137284885679167367e-9, 1.465977527404743581e-8, -1.635031270105469501e-7,
        1.646100048412136803e-6, -0.00001492559526683118157, 0.0001205533111164271092, -0.0008548326980833789905,
        0.005223977624818014467, -0.02686617064507679325, 0.1128379167095487867, -0.3761263890318374806,
        1.128379167095512574,
    ];

    private static ReadOnlySpan<double> ErfMiddle =>
    [
        -2.834611856527827325e-7, 1.417121640941646719e-6, 5.712902189436902322e-7, -0.00001403863815237165807,
        0.00001796132313521121315, 0.00007767647032419676432, -0.0002544492780768164728, -0.00009291229551299306095,
        0.001709819627853845237, -0.002362677793021706245, -0.00474305320487889738, 0.01932617200720902728,
        -0.01486628615286374713, -0.0445988584590647254, 0.1387520040942334244, -0.1783954338354421479,
        0.1189302892236293728, 0.9661051464753107241,
    ];

    private static ReadOnlySpan<double> ErfcLarge =>
    [
        -3.905502030605504536, 4.888240614250361609, -2.522613798519770932, 0.1722640087923335967, 0.9219272184259424536,
        -0.9581638909724759874, 0.4830953705729873049, 0.01888405125047449617, -0.2847705334936297158, 0.2759999437407006866,
        -0.09665767437852874159, -0.1026220621206160921, 0.1956802100795641319, -0.1153728474159068287,
        -0.1429593404388422258, 0.5370034535441698872,
    ];

    private static ReadOnlySpan<float> ErfSmallF =>
        [7.875875063e-5f, -0.0008016864287f, 0.005189087423f, -0.02685421201f, 0.1128359472f, -0.3761262667f, 1.128379166f];

    private static ReadOnlySpan<float> ErfMiddleF =>
    [
        -0.002399464514f, -0.003833745935f, 0.01933218055f, -0.01503371762f, -0.04459924957f, 0.1387635404f,
        -0.1783954267f, 0.1189300735f, 0.9661051465f,
    ];

    private static ReadOnlySpan<float> ErfcLargeF =>
        [-0.2561596396f, 0.2750382617f, -0.09716344051f, -0.1025946443f, 0.1956830394f, -0.1153730233f, -0.1429593429f, 0.5370034537f];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector<double> Erf(Vector<double> x)
    {
        Vector<double> a = Vector.Abs(x);
        Vector<long> small = Vector.LessThan(a, Vector<double>.One);
        Vector<long> middle = Vector.LessThan(a, new Vector<double>(2.0));
        Vector<double> result = x * Polynomial(x * x, ErfSmall);
        if (Vector.EqualsAll(small, new Vector<long>(-1)))
        {
            return result;
        }
        Vector<double> magnitude = Vector<double>.Zero;
        if (Vector.EqualsAny(middle & ~small, new Vector<long>(-1)))
        {
            magnitude = Polynomial(a - new Vector<double>(1.5), ErfMiddle);
        }
        if (!Vector.EqualsAll(middle, new Vector<long>(-1)))
        {
            Vector<double> ac = Vector.Min(Vector.Max(a, new Vector<double>(2.0)), new Vector<double>(6.0));
            Vector<double> inv = Vector<double>.One / ac;
            Vector<double> erfc = Exp(-(ac * ac)) * inv * Polynomial(inv - new Vector<double>(1.0 / 3), ErfcLarge);
            magnitude = Vector.ConditionalSelect(middle, magnitude, Vector<double>.One - erfc);
        }
        Vector<double> signed = Vector.ConditionalSelect(Vector.LessThan(x, Vector<double>.Zero), -magnitude, magnitude);
        return NaNFrom(x, Vector.ConditionalSelect(small, result, signed));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector<float> Erf(Vector<float> x)
    {
        Vector<float> a = Vector.Abs(x);
        Vector<int> small = Vector.LessThan(a, Vector<float>.One);
        Vector<int> middle = Vector.LessThan(a, new Vector<float>(2f));
        Vector<float> result = x * Polynomial(x * x, ErfSmallF);
        if (Vector.EqualsAll(small, new Vector<int>(-1)))
        {
            return result;
        }
        Vector<float> magnitude = Vector<float>.Zero;
        if (Vector.EqualsAny(middle & ~small, new Vector<int>(-1)))
        {
            magnitude = Polynomial(a - new Vector<float>(1.5f), ErfMiddleF);
        }
        if (!Vector.EqualsAll(middle, new Vector<int>(-1)))
        {
            Vector<float> ac = Vector.Min(Vector.Max(a, new Vector<float>(2f)), new Vector<float>(6f));
            Vector<float> inv = Vector<float>.One / ac;
            Vector<float> erfc = Exp(-(ac * ac)) * inv * Polynomial(inv - new Vector<float>(1f / 3), ErfcLargeF);
            magnitude = Vector.ConditionalSelect(middle, magnitude, Vector<float>.One - erfc);
        }
        Vector<float> signed = Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), -magnitude, magnitude);
        return NaNFrom(x, Vector.ConditionalSelect(small, result, signed));
    }
}
