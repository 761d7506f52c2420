namespace ActivationCourse.Lib.Tests.Activations;

/// <summary>Each activation's default form written directly from its definition with Math.* (independent of the library).</summary>
internal static class ReferenceFormulas
{
    private static double Sig(double x) => 1 / (1 + Math.Exp(-x));
    private static double Phi(double x) => 0.5 * (1 + Erf(x / Math.Sqrt(2)));

    // Abramowitz–Stegun-free reference: erf by plain Taylor series (fine for |x| ≤ 3 in double to ~1e-14).
    private static double Erf(double x)
    {
        double sum = 0, term = x;
        for (int n = 0; n < 200; n++)
        {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
            if (Math.Abs(term) < 1e-20) { break; }
        }
        return 2 / Math.Sqrt(Math.PI) * sum;
    }

    public static readonly Dictionary<string, (Func<double, double> F, Func<double, double> D)> All = new()
    {
        ["identity"] = (x => x, x => 1),
        ["binary_step"] = (x => x >= 0 ? 1 : 0, x => 0),
        ["sigmoid"] = (Sig, x => Sig(x) * (1 - Sig(x))),
        ["generalized_logistic"] = (Sig, x => Sig(x) * (1 - Sig(x))),
        ["tanh"] = (Math.Tanh, x => 1 / (Math.Cosh(x) * Math.Cosh(x))),
        ["hard_sigmoid"] = (x => Math.Min(Math.Max(x + 3, 0), 6) / 6, x => x > -3 && x < 3 ? 1.0 / 6 : 0),
        ["hard_tanh"] = (x => Math.Clamp(x, -1, 1), x => Math.Abs(x) < 1 ? 1 : 0),
        ["arctan"] = (Math.Atan, x => 1 / (1 + x * x)),
        ["softsign"] = (x => x / (1 + Math.Abs(x)), x => 1 / Math.Pow(1 + Math.Abs(x), 2)),
        ["relu"] = (x => Math.Max(0, x), x => x > 0 ? 1 : 0),
        ["relu6"] = (x => Math.Min(Math.Max(0, x), 6), x => x > 0 && x < 6 ? 1 : 0),
        ["leaky_relu"] = (x => x > 0 ? x : 0.01 * x, x => x > 0 ? 1 : 0.01),
        ["prelu"] = (x => x > 0 ? x : 0.25 * x, x => x > 0 ? 1 : 0.25),
        ["rrelu"] = (x => x > 0 ? x : (1.0 / 8 + 1.0 / 3) / 2 * x, x => x > 0 ? 1 : (1.0 / 8 + 1.0 / 3) / 2),
        ["elu"] = (x => x > 0 ? x : Math.Exp(x) - 1, x => x > 0 ? 1 : Math.Exp(x)),
        ["selu"] = (x => 1.0507009873554804934193349852946 * (x > 0 ? x : 1.6732632423543772848170429916717 * (Math.Exp(x) - 1)),
                    x => 1.0507009873554804934193349852946 * (x > 0 ? 1 : 1.6732632423543772848170429916717 * Math.Exp(x))),
        ["celu"] = (x => Math.Max(0, x) + Math.Min(0, Math.Exp(x) - 1), x => x > 0 ? 1 : Math.Exp(x)),
        ["softplus"] = (x => Math.Log(1 + Math.Exp(x)), Sig),
        ["gelu"] = (x => x * Phi(x), x => Phi(x) + x * Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI)),
        ["gelu_tanh"] = (x => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))),
                         x =>
                         {
                             double k = Math.Sqrt(2 / Math.PI), t = Math.Tanh(k * (x + 0.044715 * x * x * x));
                             return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * k * (1 + 3 * 0.044715 * x * x);
                         }
        ),
        ["silu"] = (x => x * Sig(x), x => Sig(x) * (1 + x * (1 - Sig(x)))),
        ["mish"] = (x => x * Math.Tanh(Math.Log(1 + Math.Exp(x))),
                    x =>
                    {
                        double t = Math.Tanh(Math.Log(1 + Math.Exp(x)));
                        return t + x * (1 - t * t) * Sig(x);
                    }
        ),
        ["hard_swish"] = (x => x * Math.Min(Math.Max(x + 3, 0), 6) / 6, x => x < -3 ? 0 : x <= 3 ? (2 * x + 3) / 6 : 1),
        ["bent_identity"] = (x => (Math.Sqrt(x * x + 1) - 1) / 2 + x, x => x / (2 * Math.Sqrt(x * x + 1)) + 1),
        ["sinusoid"] = (Math.Sin, Math.Cos),
        ["sinc"] = (x => x == 0 ? 1 : Math.Sin(x) / x, x => x == 0 ? 0 : (x * Math.Cos(x) - Math.Sin(x)) / (x * x)),
        ["gaussian"] = (x => Math.Exp(-x * x), x => -2 * x * Math.Exp(-x * x)),
        ["soft_exponential"] = (x => (Math.Exp(0.5 * x) - 1) / 0.5 + 0.5, x => Math.Exp(0.5 * x)),
        ["srelu"] = (x => x >= 1 ? 1 + 0.1 * (x - 1) : x <= -1 ? -1 + 0.1 * (x + 1) : x, x => x >= 1 ? 0.1 : x <= -1 ? 0.1 : 1),
        ["apl"] = (x => Math.Max(0, x) + 0.2 * Math.Max(0, -x) - 0.4 * Math.Max(0, -x - 1),
                   x => (x > 0 ? 1 : 0) - (x < 0 ? 0.2 : 0) + (x < -1 ? 0.4 : 0)),
        ["soft_shrink"] = (x => Math.Sign(x) * Math.Max(Math.Abs(x) - 0.5, 0), x => Math.Abs(x) > 0.5 ? 1 : 0),
    };
}
