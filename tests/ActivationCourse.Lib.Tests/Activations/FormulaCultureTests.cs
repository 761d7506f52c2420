using System.Globalization;
using ActivationCourse.Activations;

namespace ActivationCourse.Lib.Tests.Activations;

/// <summary>The texts an activation prints (formula, range, name) do not depend on the reader's culture.</summary>
public class FormulaCultureTests
{
    private static readonly Activation[] WithFractions =
    [
        new ELU(1.5), new CELU(0.75), new LeakyReLU(0.01), new PReLU(0.25), new RReLU(),
        new SiLU(1.5), new Softplus(2.5), new SoftExponential(0.5), new SoftExponential(-0.5),
        new HardTanh(-0.5, 0.5), new HardSigmoid(2.5), new GeneralizedLogistic(1.5, 2.5, 0.5), new SReLU(), new APL(),
    ];

    private static IEnumerable<Activation> Everything() => ActivationRegistry.All.Concat(WithFractions);

    private static string[] Texts(CultureInfo culture)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            return [.. Everything().Select(a => $"{a.DisplayName} | {a.Formula} | {a.Range}")];
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void GermanCulturePrintsTheSameTextsAsTheInvariantOne()
    {
        var invariant = Texts(CultureInfo.InvariantCulture);
        var german = Texts(CultureInfo.GetCultureInfo("de-DE"));
        Assert.Equal(invariant, german);
    }

    [Fact]
    public void FractionalParametersPrintWithADecimalPoint()
    {
        var german = Texts(CultureInfo.GetCultureInfo("de-DE"));
        Assert.Contains(german, t => t.Contains("1.5·(e^x − 1)", StringComparison.Ordinal));
        Assert.Contains(german, t => t.Contains("U(0.125, 0.3333)", StringComparison.Ordinal));
        Assert.DoesNotContain(german, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"\d,\d")); // a decimal comma
    }
}
