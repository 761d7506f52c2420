using ActivationCourse.Activations;


namespace ActivationCourse.Lib.Tests.Activations;

public class SigmoidFamilyTests
{
    [Fact]
    public void EveryMemberRunsFromMinusOneToOneWithUnitSlopeAtZero()
    {
        foreach (var m in SigmoidFamily.Members)
        {
            Assert.Equal(0, m.Function(0), 12);
            double slope = (m.Function(1e-8) - m.Function(-1e-8)) / 2e-8;
            Assert.Equal(1, slope, 6);
            Assert.InRange(m.Function(1e6), 0.999, 1);
            Assert.InRange(m.Function(-1e6), -1, -0.999);
            Assert.Equal(-m.Function(0.7), m.Function(-0.7), 12);
        }
    }

    [Fact]
    public void RescaledLogisticIsTanh()
    {
        var logistic = SigmoidFamily.Members.Single(m => m.Name == "logistic").Function;
        for (double x = -5; x <= 5; x += 0.25)
        {
            Assert.Equal(Math.Tanh(x), logistic(x), 14);
        }
    }

    [Fact]
    public void GudermannianKnownValues()
    {
        Assert.Equal(0, SigmoidFamily.Gudermannian(0));
        // gd(t) = arcsin(tanh t)
        Assert.Equal(Math.Asin(Math.Tanh(1.3)), SigmoidFamily.Gudermannian(1.3), 14);
        Assert.Equal(Math.PI / 2, SigmoidFamily.Gudermannian(50), 12);
    }
}
