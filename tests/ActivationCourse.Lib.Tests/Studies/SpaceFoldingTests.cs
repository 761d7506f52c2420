using ActivationCourse.Studies;


namespace ActivationCourse.Lib.Tests.Studies;

public class SpaceFoldingTests
{
    [Fact]
    public void GridHasBothFamiliesOfLines()
    {
        var grid = SpaceFolding.Grid(-1, 1, lines: 5, pointsPerLine: 11);
        Assert.Equal(10, grid.Count);
        Assert.Equal(5, grid.Count(l => l.IsHorizontal));
        Assert.All(grid.Where(l => l.IsHorizontal), l => Assert.All(l.Y, y => Assert.Equal(l.Y[0], y)));
        Assert.Equal(-1, grid[0].X[0]);
        Assert.Equal(1, grid[0].X[^1]);
    }

    [Fact]
    public void ReluLayerSendsThePlaneIntoTheFirstQuadrant()
    {
        var layer = SpaceFolding.ReluLayer(new double[,] { { 1, 0 }, { 0, 1 } }, [0, 0]);
        var mapped = SpaceFolding.Map(SpaceFolding.Grid(-2, 2), layer);
        Assert.All(mapped, l => Assert.All(l.X.Concat(l.Y), v => Assert.True(v >= 0)));
        Assert.Equal((0.0, 3.0), layer(-1, 3));
    }

    [Fact]
    public void FoldPutsMirrorImagesOnTopOfEachOther()
    {
        var fold = SpaceFolding.Fold(1, 1, -1);
        Assert.Equal(fold(0, 0), fold(1, 1));
        Assert.Equal((1.0, 0.0), fold(0, 0));
        Assert.Equal(0, fold(0, 1).X);
        Assert.Equal(0, fold(1, 0).X);

        // The mirror image of (x, y) across x + y = 1 is (1 − y, 1 − x).
        var (px, py) = fold(0.2, -0.7);
        var (qx, qy) = fold(1.7, 0.8);
        Assert.Equal(px, qx, 12);
        Assert.Equal(py, qy, 12);
        Assert.Throws<ArgumentException>(() => SpaceFolding.Fold(0, 0, 1));
    }

    [Fact]
    public void KeepBlanksTheOtherSideAndMapCarriesTheBlanks()
    {
        var grid = SpaceFolding.Grid(-1, 1, lines: 3, pointsPerLine: 5);
        var right = SpaceFolding.Keep(grid, (x, y) => x >= 0);
        Assert.Equal(new[] { double.NaN, double.NaN, 0, 0.5, 1 }, right[0].X);
        var mapped = SpaceFolding.Map(right, SpaceFolding.Fold(1, 0, 0));
        Assert.True(double.IsNaN(mapped[0].X[0]));
        Assert.Equal(0.5, mapped[0].X[3]);
    }
}
