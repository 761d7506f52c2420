using ActivationCourse.Gradients;


namespace ActivationCourse.Lib.Tests.Gradients;

public class RandomSlopeAveragesTests
{
    [Fact]
    public void MeanOfReciprocalMatchesTheIntegralAndSampling()
    {
        // (1/(u−l)) ∫ₗᵘ da/a = ln(u/l)/(u − l); for (3, 8): ln(8/3)/5.
        Assert.Equal(Math.Log(8.0 / 3) / 5, RandomSlopeAverages.MeanOfReciprocal(3, 8), 15);
        Assert.Equal(RandomSlopeAverages.MeanOfReciprocal(3, 8), RandomSlopeAverages.SampledMeanOfReciprocal(3, 8, 200_000, 1), 3);
    }

    [Fact]
    public void JensenMakesTheMeanOfReciprocalLarger()
    {
        Assert.Equal(2 / 11.0, RandomSlopeAverages.ReciprocalOfMean(3, 8), 15);
        Assert.True(RandomSlopeAverages.MeanOfReciprocal(3, 8) > RandomSlopeAverages.ReciprocalOfMean(3, 8));
    }

    [Fact]
    public void BadIntervalThrows() => Assert.Throws<ArgumentException>(() => RandomSlopeAverages.MeanOfReciprocal(0, 1));
}
