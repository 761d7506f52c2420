using ActivationCourse.Activations;

namespace ActivationCourse.Lib.Tests.Activations;

/// <summary>
/// Activations named as "name" (the registry's default) or "name p1 p2 ..." (its constructor's parameters in order),
/// the form the activation tests list their cases in.
/// </summary>
internal static class ActivationSpec
{
    public static Activation Create(string spec)
    {
        string[] p = spec.Split(' ');
        if (p.Length == 1)
        {
            return ActivationRegistry.Get(spec);
        }

        double[] a = [.. p.Skip(1).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
        return p[0] switch
        {
            "leaky_relu" => new LeakyReLU(a[0]),
            "soft_exponential" => new SoftExponential(a[0]),
            "celu" => new CELU(a[0]),
            "elu" => new ELU(a[0]),
            "softplus" => new Softplus(a[0], a[1]),
            "silu" => new SiLU(a[0]),
            "generalized_logistic" => new GeneralizedLogistic(a[0], a[1], a[2]),
            _ => throw new ArgumentException($"No test constructor for '{spec}'.", nameof(spec)),
        };
    }
}
