using System.Numerics;

namespace ActivationCourse.Activations;

// erf. For |x| < 2: erf x = x·P(x²); for 2 ≤ |x| ≤ 6: erf |x| = 1 − e^(−x²)/|x| · H(1/|x| − 1/3); beyond 6, ±1
// (erfc 6 ≈ 2e-17). P and H are near-minimax polynomials (Chebyshev fits computed with mpmath): relative error
// below 2e-18 and 2e-16 (float: 6e-9 and 1.3e-9), so erf is within a couple of ulp.
internal static partial class VectorMath
{
    private static ReadOnlySpan<double> ErfSmall =>
    [
        -1.439984416501425465e-17, 7.523336261021256401e-16, -2.051836437191357511e-14, 4.019286124903202991e-13,
        -6.510357769832605314e-12, 9.353833922086941766e-11, -1.227250547282581556e-9, 1.480357377406342059e-8,
        -1.636529090113186251e-7, 1.646205028259197184e-6, -0.00001492564483956045783, 0.0001205533263665764328,
        -0.0008548327008338047231, 0.005223977625003323633, -0.02686617064505358687, 0.1128379167095439986,
        -0.3761263890318372554, 1.128379167095512572,
    ];

    private static ReadOnlySpan<double> ErfcLarge =>
    [
        -3.905502030605504536, 4.888240614250361609, -2.522613798519770932, 0.1722640087923335967, 0.9219272184259424536,
        -0.9581638909724759874, 0.4830953705729873049, 0.01888405125047449617, -0.2847705334936297158, 0.2759999437407006866,
        -0.09665767437852874159, -0.1026220621206160921, 0.1956802100795641319, -0.1153728474159068287,
        -0.1429593404388422258, 0.5370034535441698872,
    ];

    private static ReadOnlySpan<float> ErfSmallF =>
    [
        -2.928385886e-8f, 8.327556979e-7f, -1.171828792e-5f, 0.0001123314681f, -0.0008412799837f, 0.005210068237f,
        -0.02685785038f, 0.1128353626f, -0.3761260824f, 1.128379161f,
    ];

    private static ReadOnlySpan<float> ErfcLargeF =>
        [-0.2561596396f, 0.2750382617f, -0.09716344051f, -0.1025946443f, 0.1956830394f, -0.1153730233f, -0.1429593429f, 0.5370034537f];

    public static Vector<double> Erf(Vector<double> x)
    {
        Vector<double> a = Vector.Abs(x);
        Vector<long> small = Vector.LessThan(a, new Vector<double>(2.0));
        Vector<double> result = x * Polynomial(x * x, ErfSmall);
        if (!Vector.EqualsAll(small, new Vector<long>(-1)))
        {
            Vector<double> ac = Vector.Min(Vector.Max(a, new Vector<double>(2.0)), new Vector<double>(6.0));
            Vector<double> inv = Vector<double>.One / ac;
            Vector<double> erfc = Exp(-(ac * ac)) * inv * Polynomial(inv - new Vector<double>(1.0 / 3), ErfcLarge);
            Vector<double> large = Vector<double>.One - erfc;
            large = Vector.ConditionalSelect(Vector.LessThan(x, Vector<double>.Zero), -large, large);
            result = NaNFrom(x, Vector.ConditionalSelect(small, result, large));
        }
        return result;
    }

    public static Vector<float> Erf(Vector<float> x)
    {
        Vector<float> a = Vector.Abs(x);
        Vector<int> small = Vector.LessThan(a, new Vector<float>(2f));
        Vector<float> result = x * Polynomial(x * x, ErfSmallF);
        if (!Vector.EqualsAll(small, new Vector<int>(-1)))
        {
            Vector<float> ac = Vector.Min(Vector.Max(a, new Vector<float>(2f)), new Vector<float>(6f));
            Vector<float> inv = Vector<float>.One / ac;
            Vector<float> erfc = Exp(-(ac * ac)) * inv * Polynomial(inv - new Vector<float>(1f / 3), ErfcLargeF);
            Vector<float> large = Vector<float>.One - erfc;
            large = Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), -large, large);
            result = NaNFrom(x, Vector.ConditionalSelect(small, result, large));
        }
        return result;
    }
}
