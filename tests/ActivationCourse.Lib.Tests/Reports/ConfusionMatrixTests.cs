using ActivationCourse.Reports;


namespace ActivationCourse.Lib.Tests.Reports;

public class ConfusionMatrixTests
{
    // labels:      0 0 0 1 1 2 2 2 2
    // predictions: 0 0 1 1 1 2 1 1 0
    private static readonly int[] Labels = [0, 0, 0, 1, 1, 2, 2, 2, 2];
    private static readonly int[] Predictions = [0, 0, 1, 1, 1, 2, 1, 1, 0];

    [Fact]
    public void CountsTruePredictedPairs()
    {
        var cm = ConfusionMatrix.From(Labels, Predictions, classes: 3);
        int[,] expected =
        {
            { 2, 1, 0 },
            { 0, 2, 0 },
            { 1, 2, 1 },
        };
        Assert.Equal(expected, cm.Counts);
        Assert.Equal(3, cm.Classes);
        Assert.Equal(9, cm.Total);
        Assert.Equal(5, cm.Correct);
        Assert.Equal(5.0 / 9, cm.Accuracy, 15);
        Assert.Equal([3, 2, 4], cm.Support);
        Assert.Equal([2.0 / 3, 1.0, 0.25], cm.Recall);
    }

    [Fact]
    public void PrecisionReadsDownTheColumns()
    {
        var cm = ConfusionMatrix.From(Labels, Predictions, classes: 3);
        Assert.Equal([3, 5, 1], cm.Predicted);
        Assert.Equal([2.0 / 3, 2.0 / 5, 1.0], cm.Precision);
        Assert.True(double.IsNaN(ConfusionMatrix.From([0, 1], [0, 0], classes: 2).Precision[1])); // class 1 never predicted
    }

    [Fact]
    public void MostConfusedIsTheLargestOffDiagonalCell()
    {
        var cm = ConfusionMatrix.From(Labels, Predictions, classes: 3);
        Assert.Equal(new Confusion(2, 1, 2), cm.MostConfused());
        Assert.Equal([new Confusion(2, 1, 2), new Confusion(0, 1, 1), new Confusion(2, 0, 1)], cm.Confusions());
    }

    [Fact]
    public void PerfectPredictionsHaveNoConfusion()
    {
        var cm = ConfusionMatrix.From([0, 1, 2], [0, 1, 2], classes: 3);
        Assert.Null(cm.MostConfused());
        Assert.Equal(1.0, cm.Accuracy);
    }

    [Fact]
    public void CountsIsACopy()
    {
        var cm = ConfusionMatrix.From(Labels, Predictions, classes: 3);
        var counts = cm.Counts;
        counts[0, 0] = 99;
        Assert.Equal(2, cm[0, 0]);
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.From([0, 1], [0], classes: 2));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.From([0, 3], [0, 1], classes: 3));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.From([0, -1], [0, 1], classes: 3));
    }

    [Fact]
    public void EmptyMatrixHasNaNAccuracy()
    {
        var cm = ConfusionMatrix.From([], [], classes: 10);
        Assert.True(double.IsNaN(cm.Accuracy));
        Assert.All(cm.Recall, r => Assert.True(double.IsNaN(r)));
    }

    [Fact]
    public void RendersTableAndHeatmap()
    {
        var cm = ConfusionMatrix.From(Labels, Predictions, classes: 3);
        string html = cm.ToHtml();
        Assert.StartsWith("<table", html, StringComparison.Ordinal);
        Assert.Contains("0.2500", html, StringComparison.Ordinal);
        Assert.Contains("<svg", cm.ToHeatmap().ToSvg(), StringComparison.Ordinal);
        Assert.Equal("3×3 confusion matrix of 9 samples, accuracy 55.56%", cm.ToString());
    }
}
