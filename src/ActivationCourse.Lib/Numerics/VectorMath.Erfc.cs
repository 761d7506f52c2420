using System.Numerics;
using System.Runtime.CompilerServices;

namespace ActivationCourse.Numerics;

// erfc a for a ≥ 0, accurate in relative terms in the tail (where 1 − erf a loses every digit), for GELU's Φ(x) = erfc(−x/√2)/2
// at negative x. By a:
//   a < 1:      1 − a·P(a²) (erfc a ≥ 0.157, so at most three bits are lost)
//   1 ≤ a < 2:  double: 1 − Q(a − 3/2), exact by Sterbenz's lemma; float: e^(−a²)·R(a − 3/2), R a degree-8 Chebyshev
//               interpolant of erfcx = e^(a²)·erfc a (relative error 2e-9)
//   2 ≤ a ≤ 6:  e^(−a²)/a · H(1/a − 1/3), the tail of erf
//   a > 6:      Laplace's continued fraction e^(−a²)/√π / (a + (1/2)/(a + 1/(a + (3/2)/(a + …)))), 16 levels in double,
//               8 in float (relative error 2e-16 and 2e-12 at a = 6, less beyond)
internal static partial class VectorMath
{
    private const double InvSqrtPi = 0.56418958354775628695;

    private static ReadOnlySpan<float> ErfcxMiddleF =>
    [
        2.3814826545e-04f, -7.0434184204e-04f, 1.8828484641e-03f, -5.1379076695e-03f, 1.3377636207e-02f, -3.2931467739e-02f,
        7.6151030594e-02f, -1.6362290715e-01f, 3.2158541650e-01f,
    ];

    /// <summary>erfc a for a ≥ 0 (NaN stays NaN), accurate in relative terms over the whole range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Erfc<T>(Vector<T> a) where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? Vector.As<float, T>(Erfc(Vector.As<T, float>(a)))
            : Vector.As<double, T>(Erfc(Vector.As<T, double>(a)));

    /// <summary>erfc a for a ≥ 0 (NaN stays NaN), accurate in relative terms over the whole range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector<double> Erfc(Vector<double> a)
    {
        Vector<long> small = Vector.LessThan(a, Vector<double>.One);
        Vector<long> middle = Vector.LessThan(a, new Vector<double>(2.0));
        Vector<long> large = Vector.GreaterThan(a, new Vector<double>(6.0));
        Vector<double> result = Vector<double>.One - a * Polynomial(a * a, ErfSmall);
        if (Vector.EqualsAll(small, new Vector<long>(-1)))
        {
            return result;
        }

        if (Vector.EqualsAny(middle & ~small, new Vector<long>(-1)))
        {
            result = Vector.ConditionalSelect(small, result, Vector<double>.One - Polynomial(a - new Vector<double>(1.5), ErfMiddle));
        }

        if (!Vector.EqualsAll(middle, new Vector<long>(-1)))
        {
            Vector<double> ac = Vector.Min(Vector.Max(a, new Vector<double>(2.0)), new Vector<double>(6.0));
            Vector<double> inv = Vector<double>.One / ac;
            Vector<double> tail = Exp(-(ac * ac)) * inv * Polynomial(inv - new Vector<double>(1.0 / 3), ErfcLarge);
            result = Vector.ConditionalSelect(middle, result, tail);
        }

        if (Vector.EqualsAny(large, new Vector<long>(-1)))
        {
            Vector<double> al = Vector.Max(a, new Vector<double>(6.0));
            Vector<double> f = al;
            for (int k = 16; k >= 1; k--)
            {
                f = al + new Vector<double>(k * 0.5) / f;
            }

            result = Vector.ConditionalSelect(large, Exp(-(al * al)) * new Vector<double>(InvSqrtPi) / f, result);
        }

        return NaNFrom(a, result);
    }

    /// <inheritdoc cref="Erfc(Vector{double})"/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector<float> Erfc(Vector<float> a)
    {
        Vector<int> small = Vector.LessThan(a, Vector<float>.One);
        Vector<int> middle = Vector.LessThan(a, new Vector<float>(2f));
        Vector<int> large = Vector.GreaterThan(a, new Vector<float>(6f));
        Vector<float> result = Vector<float>.One - a * Polynomial(a * a, ErfSmallF);
        if (Vector.EqualsAll(small, new Vector<int>(-1)))
        {
            return result;
        }

        if (Vector.EqualsAny(middle & ~small, new Vector<int>(-1)))
        {
            Vector<float> am = Vector.Min(Vector.Max(a, Vector<float>.One), new Vector<float>(2f));
            result = Vector.ConditionalSelect(small, result, Exp(-(am * am)) * Polynomial(am - new Vector<float>(1.5f), ErfcxMiddleF));
        }

        if (!Vector.EqualsAll(middle, new Vector<int>(-1)))
        {
            Vector<float> ac = Vector.Min(Vector.Max(a, new Vector<float>(2f)), new Vector<float>(6f));
            Vector<float> inv = Vector<float>.One / ac;
            Vector<float> tail = Exp(-(ac * ac)) * inv * Polynomial(inv - new Vector<float>(1f / 3), ErfcLargeF);
            result = Vector.ConditionalSelect(middle, result, tail);
        }

        if (Vector.EqualsAny(large, new Vector<int>(-1)))
        {
            Vector<float> al = Vector.Max(a, new Vector<float>(6f));
            Vector<float> f = al;
            for (int k = 8; k >= 1; k--)
            {
                f = al + new Vector<float>(k * 0.5f) / f;
            }

            result = Vector.ConditionalSelect(large, Exp(-(al * al)) * new Vector<float>((float)InvSqrtPi) / f, result);
        }

        return NaNFrom(a, result);
    }

    // erfc a = t·e^(−a² + P(t)), t = 1/(1 + a/2): the Chebyshev fit of Press et al., Numerical Recipes (2nd ed., §6.2,
    // erfcc), relative error below 1.2e-7 for every a ≥ 0. P's coefficients, constant term first.
    private const float Nr0 = -1.26551223f, Nr1 = 1.00002368f, Nr2 = 0.37409196f, Nr3 = 0.09678418f, Nr4 = -0.18628806f;
    private const float Nr5 = 0.27886807f, Nr6 = -1.13520398f, Nr7 = 1.48851587f, Nr8 = -0.82215223f, Nr9 = 0.17087277f;

    /// <summary>
    /// erfc a for a ≥ 0 in float, one formula for the whole range (no branches): one division, one exp and a
    /// degree-9 polynomial (Estrin's scheme: short dependency chains), relative error a few float ulp plus what the
    /// rounding of a itself causes (about 2a² ulp).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> ErfcFast(Vector<float> a)
    {
        Vector<float> t = Vector<float>.One / (Vector<float>.One + new Vector<float>(0.5f) * a);
        Vector<float> t2 = t * t;
        Vector<float> t4 = t2 * t2;
        Vector<float> q0 = new Vector<float>(Nr1) * t + new Vector<float>(Nr0);
        Vector<float> q1 = new Vector<float>(Nr3) * t + new Vector<float>(Nr2);
        Vector<float> q2 = new Vector<float>(Nr5) * t + new Vector<float>(Nr4);
        Vector<float> q3 = new Vector<float>(Nr7) * t + new Vector<float>(Nr6);
        Vector<float> q4 = new Vector<float>(Nr9) * t + new Vector<float>(Nr8);
        Vector<float> p = (q0 + q1 * t2) + ((q2 + q3 * t2) + q4 * t4) * t4;
        return t * Exp(p - a * a);
    }
}
