using ActivationCourse.Data;


namespace ActivationCourse.Lib.Tests.Data;

public class PlanarPointsTests
{
    [Fact]
    public void XorCornersHaveXorLabels()
    {
        var c = PlanarPoints.XorCorners;
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal((int)c.X[i] ^ (int)c.Y[i], c.Labels[i]);
        }
    }

    [Fact]
    public void CloudIsSeededAndKeepsCornerLabels()
    {
        var a = PlanarPoints.XorCloud(50, 0.1, seed: 3);
        var b = PlanarPoints.XorCloud(50, 0.1, seed: 3);
        Assert.Equal(200, a.Count);
        Assert.Equal(a.X, b.X);
        Assert.Equal(a.Labels, b.Labels);
        Assert.Equal(100, a.Labels.Count(l => l == 1));
        for (int i = 0; i < a.Count; i++)
        {
            int corner = i % 4;
            Assert.Equal(PlanarPoints.XorCorners.Labels[corner], a.Labels[i]);
            Assert.InRange(a.X[i], PlanarPoints.XorCorners.X[corner] - 0.6, PlanarPoints.XorCorners.X[corner] + 0.6);
        }
    }

    [Fact]
    public void FeaturesAreRowMajorAndMapKeepsLabels()
    {
        var c = PlanarPoints.XorCorners;
        Assert.Equal(new float[] { 0, 0, 0, 1, 1, 0, 1, 1 }, c.Features());
        var moved = c.Map((x, y) => (x + 1, -y));
        Assert.Equal(new double[] { 1, 1, 2, 2 }, moved.X);
        Assert.Equal(c.Labels, moved.Labels);
    }
}
