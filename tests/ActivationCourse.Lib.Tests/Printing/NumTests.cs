using ActivationCourse.Printing;

namespace ActivationCourse.Lib.Tests.Printing;

public class NumTests
{
    [Theory]
    [InlineData(1.4499999999999993, "1.45")]
    [InlineData(0.0625, "0.0625")]
    [InlineData(4.26e-14, "4.26e-14")]
    [InlineData(-4.26e-14, "-4.26e-14")]
    [InlineData(0.0, "0")]
    [InlineData(12345.678, "12350")]
    [InlineData(999.96, "1000")]
    [InlineData(999999.7, "1e6")]
    [InlineData(1.7976931348623157e308, "1.798e308")]
    [InlineData(double.PositiveInfinity, "∞")]
    [InlineData(double.NegativeInfinity, "-∞")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.00099999, "0.001")]
    [InlineData(0.000123456, "1.235e-4")]
    public void Show_rounds_to_significant_digits_without_noise(double x, string expected) =>
        Assert.Equal(expected, Num.Show(x));

    [Fact]
    public void Show_of_negative_zero_has_no_sign() => Assert.Equal("0", Num.Show(-0.0));

    [Fact]
    public void Show_of_a_float_hides_its_binary_noise() => Assert.Equal("0.1", Num.Show(0.1f));

    [Theory]
    [InlineData(-0.0001, 2, "0.00")]
    [InlineData(-0.005, 3, "-0.005")]
    [InlineData(2.6, 0, "3")]
    public void Fixed_folds_a_rounded_negative_zero(double x, int decimals, string expected) =>
        Assert.Equal(expected, Num.Fixed(x, decimals));

    [Fact]
    public void Percent_times_and_count_read_naturally()
    {
        Assert.Equal("98.4%", Num.Percent(0.98391));
        Assert.Equal("4.1×", Num.Times(4.137));
        Assert.Equal("60,000", Num.Count(60000));
    }

    [Fact]
    public void Terms_fold_signs_and_drop_unit_coefficients()
    {
        Assert.Equal("x − 1", Num.Terms((1, "x"), (-1, "")));
        Assert.Equal("−0.4·max(0, −x − 1)", Num.Terms((-0.4, "max(0, −x − 1)")));
        Assert.Equal("2·x + 0.5", Num.Terms((2, "x"), (0, "y"), (0.5, "")));
        Assert.Equal("0", Num.Terms((0, "x")));
        Assert.DoesNotContain("- -", Num.Terms((1, "x"), (-2, "y")));
    }
}
