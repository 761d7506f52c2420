using ActivationCourse.Training;

namespace ActivationCourse.Lib.Tests.Training;

public class MnistRecipeTests
{
    [Fact]
    public void EightEpochsGiveLessonSixsSchedule() =>
        Assert.Equal([0.1, 0.1, 0.1, 0.1, 0.1, 0.03, 0.01, 0.003], MnistRecipe.LearningRates(8), new ToleranceComparer(1e-15));

    [Fact]
    public void TenEpochsStepDownOverTheLastThree() =>
        Assert.Equal([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.03, 0.01, 0.003], MnistRecipe.LearningRates(10), new ToleranceComparer(1e-15));

    [Theory]
    [InlineData(1, new[] { 0.1 })]
    [InlineData(2, new[] { 0.1, 0.03 })]
    [InlineData(3, new[] { 0.1, 0.03, 0.01 })]
    [InlineData(4, new[] { 0.1, 0.03, 0.01, 0.003 })]
    public void ShortRunsStartAtThePeakAndUseTheFirstStepDowns(int epochs, double[] expected) =>
        Assert.Equal(expected, MnistRecipe.LearningRates(epochs), new ToleranceComparer(1e-15));

    [Fact]
    public void TheStepDownsScaleWithThePeak() =>
        Assert.Equal([0.5, 0.15, 0.05, 0.015], MnistRecipe.LearningRates(4, peak: 0.5), new ToleranceComparer(1e-15));

    [Theory]
    [InlineData(0, 8)]
    [InlineData(9, 8)]
    [InlineData(1, 0)]
    public void EpochsOutsideTheRunAreRejected(int epoch, int epochs) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MnistRecipe.LearningRate(epoch, epochs));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void APeakThatIsNotPositiveAndFiniteIsRejected(double peak) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MnistRecipe.LearningRate(1, 8, peak));

    [Fact]
    public void OptimizerNetworkAndTrainerOptionsAreTheLessonsOnes()
    {
        Sgd sgd = MnistRecipe.CreateOptimizer();
        Assert.Equal(0.1, sgd.LearningRate);
        Assert.Equal(0.9, sgd.Momentum);
        Assert.False(sgd.Nesterov);
        Assert.Equal(0, sgd.WeightDecay);

        MlpSpec spec = MnistRecipe.Spec();
        Assert.Equal("784-256-128-10 relu", spec.ToString());
        Assert.Equal("784-256-128-10 tanh", MnistRecipe.Spec("tanh").ToString());

        TrainerOptions options = MnistRecipe.Options(seed: 4);
        Assert.Equal(8, options.Epochs);
        Assert.Equal(MnistRecipe.LearningRates(8), options.Schedule!.Rates(8));
        Assert.Equal(128, options.BatchSize);
        Assert.Equal(4, options.Seed);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
