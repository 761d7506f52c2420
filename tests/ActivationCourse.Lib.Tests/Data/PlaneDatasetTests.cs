using ActivationCourse.Data;


namespace ActivationCourse.Lib.Tests.Data;

public class PlaneDatasetTests
{
    [Theory]
    [InlineData(PlaneDatasetKind.Xor)]
    [InlineData(PlaneDatasetKind.Circles)]
    [InlineData(PlaneDatasetKind.Spiral)]
    [InlineData(PlaneDatasetKind.Gaussians)]
    public void BalancedSeededAndInsideTheSquareWithoutNoise(PlaneDatasetKind kind)
    {
        var data = PlaneDataset.Generate(kind, 101, noise: 0, seed: 5);
        Assert.Equal((101, 2), (data.Count, data.Dimensions));
        Assert.Equal(50, data.Labels.Count(l => l == 1));
        Assert.Equal(data.Features, PlaneDataset.Generate(kind, 101, 0, 5).Features);
        Assert.NotEqual(data.Features, PlaneDataset.Generate(kind, 101, 0, 6).Features);
        if (kind != PlaneDatasetKind.Gaussians)
        {
            Assert.All(data.Features, v => Assert.InRange(v, -1f, 1f));
        }
    }

    [Fact]
    public void XorAndCirclesFollowTheirRules()
    {
        var xor = PlaneDataset.Generate(PlaneDatasetKind.Xor, 200, 0, 1);
        for (int i = 0; i < xor.Count; i++)
        {
            bool sameSigns = xor.Features[2 * i] * xor.Features[(2 * i) + 1] > 0;
            Assert.Equal(sameSigns ? 0 : 1, xor.Labels[i]);
        }
        var circles = PlaneDataset.Generate(PlaneDatasetKind.Circles, 200, 0, 1);
        for (int i = 0; i < circles.Count; i++)
        {
            double r = Math.Sqrt((circles.Features[2 * i] * circles.Features[2 * i]) + (circles.Features[(2 * i) + 1] * circles.Features[(2 * i) + 1]));
            Assert.True(circles.Labels[i] == 0 ? r <= 0.5 + 1e-6 : r >= 0.7 - 1e-6, $"point {i} at radius {r} has label {circles.Labels[i]}");
        }
    }

    [Fact]
    public void NoiseMovesPointsButKeepsLabels()
    {
        var clean = PlaneDataset.Generate(PlaneDatasetKind.Spiral, 100, 0, 2);
        var noisy = PlaneDataset.Generate(PlaneDatasetKind.Spiral, 100, 0.2, 2);
        Assert.Equal(clean.Labels, noisy.Labels);
        Assert.NotEqual(clean.Features, noisy.Features);
        Assert.Throws<ArgumentOutOfRangeException>(() => PlaneDataset.Generate(PlaneDatasetKind.Xor, 10, -0.1, 1));
    }
}
