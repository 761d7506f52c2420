namespace ActivationCourse.Explorer.Model;

/// <summary>
/// What the page shows beside an activation that the library keeps in doc comments rather than in code: the
/// formula as TeX for KaTeX, and the PyTorch and Keras names and defaults. Keyed by registry name; the values
/// themselves are always computed by the library.
/// </summary>
public static class ActivationNotes
{
    /// <summary>TeX of the formula, with the parameters as symbols (their values are shown by the sliders).</summary>
    public static string Tex(string name) => Entries.TryGetValue(name, out var e) ? e.Tex : "";

    /// <summary>One line on the PyTorch and Keras defaults.</summary>
    public static string Frameworks(string name) => Entries.TryGetValue(name, out var e) ? e.Frameworks : "";

    /// <summary>True when there is a note for every name in <paramref name="names"/> (checked by the tests).</summary>
    public static bool Covers(IEnumerable<string> names) => names.All(Entries.ContainsKey);

    private static readonly Dictionary<string, (string Tex, string Frameworks)> Entries = new()
    {
        ["identity"] = (@"f(x) = x", "PyTorch nn.Identity; Keras linear."),
        ["binary_step"] = (@"f(x) = \begin{cases} 1 & x \ge 0 \\ 0 & x < 0 \end{cases}", "No layer in PyTorch or Keras (torch.heaviside with values = 1); f′ = 0 everywhere, so nothing learns through it."),
        ["sigmoid"] = (@"\sigma(x) = \frac{1}{1 + e^{-x}}", "PyTorch nn.Sigmoid; Keras sigmoid. No parameters."),
        ["generalized_logistic"] = (@"f(x) = \frac{L}{1 + e^{-k (x - x_0)}}", "Not a framework layer; L = 1, k = 1, x₀ = 0 is the sigmoid."),
        ["tanh"] = (@"\tanh x = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}", "PyTorch nn.Tanh; Keras tanh."),
        ["hard_sigmoid"] = (@"f(x) = \operatorname{clamp}\!\left(\frac{x + c}{2c}, 0, 1\right)", "PyTorch nn.Hardsigmoid and Keras 3: c = 3 (x/6 + 1/2). Keras 2 / tf.keras: c = 2.5 (0.2x + 0.5)."),
        ["hard_tanh"] = (@"f(x) = \operatorname{clamp}(x, \min, \max)", "PyTorch nn.Hardtanh(min_val = −1, max_val = 1)."),
        ["arctan"] = (@"f(x) = \arctan x", "No framework layer."),
        ["softsign"] = (@"f(x) = \frac{x}{1 + |x|}", "PyTorch nn.Softsign; Keras softsign."),
        ["relu"] = (@"f(x) = \max(0, x)", "PyTorch nn.ReLU; Keras relu. f′(0) = 0, as PyTorch."),
        ["relu6"] = (@"f(x) = \min(\max(0, x), 6)", "PyTorch nn.ReLU6; Keras relu6."),
        ["leaky_relu"] = (@"f(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}", "PyTorch nn.LeakyReLU(negative_slope = 0.01). Keras LeakyReLU layer: 0.3; keras.activations.leaky_relu: 0.2."),
        ["prelu"] = (@"f(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases},\ a \text{ learned}", "PyTorch nn.PReLU(init = 0.25), one slope; Keras PReLU: one slope per unit, initialized to 0."),
        ["rrelu"] = (@"f(x) = \begin{cases} x & x \ge 0 \\ a x & x < 0 \end{cases},\ a \sim U(l, u) \text{ in training, } a = \tfrac{l + u}{2} \text{ in evaluation}", "PyTorch nn.RReLU(lower = 1/8, upper = 1/3). No Keras layer."),
        ["elu"] = (@"f(x) = \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}", "PyTorch nn.ELU(alpha = 1); Keras elu(alpha = 1)."),
        ["selu"] = (@"f(x) = \lambda \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases},\ \alpha \approx 1.6733,\ \lambda \approx 1.0507", "PyTorch nn.SELU; Keras selu (fixed constants)."),
        ["celu"] = (@"f(x) = \max(0, x) + \min\!\left(0, \alpha (e^{x/\alpha} - 1)\right)", "PyTorch nn.CELU(alpha = 1). No Keras layer."),
        ["softplus"] = (@"f(x) = \frac{1}{\beta} \log\!\left(1 + e^{\beta x}\right),\ f(x) = x \text{ where } \beta x > t", "PyTorch nn.Softplus(beta = 1, threshold = 20); Keras softplus (β = 1, no threshold)."),
        ["gelu"] = (@"f(x) = x\,\Phi(x) = \frac{x}{2}\left(1 + \operatorname{erf}\frac{x}{\sqrt{2}}\right)", "PyTorch nn.GELU() (exact). Keras gelu defaults to the tanh approximation (gelu_tanh)."),
        ["gelu_tanh"] = (@"f(x) = \frac{x}{2}\left(1 + \tanh\!\left(\sqrt{2/\pi}\,(x + 0.044715 x^{3})\right)\right)", "PyTorch nn.GELU(approximate = 'tanh'); Keras gelu's default."),
        ["silu"] = (@"f(x) = x\,\sigma(\beta x)", "PyTorch nn.SiLU and Keras silu/swish have β = 1 (no parameter)."),
        ["mish"] = (@"f(x) = x \tanh\!\left(\log(1 + e^{x})\right)", "PyTorch nn.Mish; Keras mish."),
        ["hard_swish"] = (@"f(x) = x\,\frac{\operatorname{relu6}(x + 3)}{6}", "PyTorch nn.Hardswish; Keras hard_silu / hard_swish."),
        ["bent_identity"] = (@"f(x) = \frac{\sqrt{x^{2} + 1} - 1}{2} + x", "No framework layer."),
        ["sinusoid"] = (@"f(x) = \sin x", "No framework layer."),
        ["sinc"] = (@"f(x) = \frac{\sin x}{x},\ f(0) = 1", "No framework layer (torch.sinc is the normalized sin(πx)/(πx))."),
        ["gaussian"] = (@"f(x) = e^{-x^{2}}", "No framework layer."),
        ["soft_exponential"] = (@"f(x) = \begin{cases} -\frac{\ln(1 - \alpha (x + \alpha))}{\alpha} & \alpha < 0 \\ x & \alpha = 0 \\ \frac{e^{\alpha x} - 1}{\alpha} + \alpha & \alpha > 0 \end{cases}", "No framework layer (Godfrey & Gashler 2015)."),
        ["srelu"] = (@"f(x) = \begin{cases} t_r + a_r (x - t_r) & x \ge t_r \\ x & t_l < x < t_r \\ t_l + a_l (x - t_l) & x \le t_l \end{cases}", "No PyTorch layer; the old keras-contrib SReLU learned all four values."),
        ["apl"] = (@"f(x) = \max(0, x) + \sum_{s} a_s \max(0, -x + b_s)", "No framework layer (Agostinelli et al. 2014); here a = (0.2, −0.4), b = (0, −1)."),
    };
}
