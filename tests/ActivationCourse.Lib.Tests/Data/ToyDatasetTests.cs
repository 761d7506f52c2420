using ActivationCourse.Data;


namespace ActivationCourse.Lib.Tests.Data;

public class ToyDatasetTests
{
    [Fact]
    public void RingsHasTwoBalancedClassesAtTheirRadii()
    {
        var d = ToyDataset.Rings(200, 1, scale: 3);
        Assert.Equal(200, d.Count);
        for (var i = 0; i < d.Count; i++)
        {
            var r = Math.Sqrt((d.Input(i)[0] * d.Input(i)[0]) + (d.Input(i)[1] * d.Input(i)[1]));
            if (d.Label(i) == 0)
            {
                Assert.InRange(r, 0, 3);
            }
            else
            {
                Assert.InRange(r, 4.5, 7.5);
            }
        }
        Assert.Equal(100, d.TargetColumn(0).Count(t => t == 1));
    }

    [Fact]
    public void BlobsAreOneHotAndSeeded()
    {
        var a = ToyDataset.Blobs(30, 3, 0.5, 7);
        Assert.Equal(a.Inputs, ToyDataset.Blobs(30, 3, 0.5, 7).Inputs);
        Assert.All(Enumerable.Range(0, 30), i => Assert.Equal(1.0, a.Target(i).ToArray().Sum()));
        Assert.Equal(new[] { 0, 1, 2, 0 }, Enumerable.Range(0, 4).Select(a.Label));
    }

    [Fact]
    public void CurveSamplesTheFunctionOnAGrid()
    {
        var d = ToyDataset.Curve(x => x * x, 5, -2, 2);
        Assert.Equal(new[] { -2.0, -1, 0, 1, 2 }, d.Feature(0));
        Assert.Equal(new[] { 4.0, 1, 0, 1, 4 }, d.TargetColumn(0));
    }

    [Fact]
    public void ConvertsToEngineDataWithLabelsOrTargets()
    {
        var blobs = ToyDataset.Blobs(12, 3, 0.5, 7);
        var labeled = blobs.WithLabels();
        Assert.Equal(Enumerable.Range(0, 12).Select(blobs.Label), labeled.Labels);
        Assert.False(labeled.HasTargets);
        Assert.Equal(2, labeled.Dimensions);
        Assert.Equal((float)blobs.Inputs[5], labeled.Features[5]);

        var curve = ToyDataset.Curve(x => (2 * x) - 1, 5, -2, 2).WithTargets();
        Assert.True(curve.HasTargets);
        Assert.Equal(5, curve.Count);
        Assert.Equal(1, curve.TargetWidth);
        Assert.Equal(new[] { -5f, -3, -1, 1, 3 }, curve.Targets);
        Assert.Empty(curve.Labels);
        Assert.Equal(3, curve.Take(3).Count);
        Assert.Equal(new[] { -5f, -3, -1 }, curve.Take(3).Targets);
    }
}
