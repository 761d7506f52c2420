using ActivationCourse.Reports;


namespace ActivationCourse.Lib.Tests.Reports;

public class PredictionRankingTests
{
    // Four samples, three classes.
    private static readonly float[] Probabilities =
    [
        0.90f, 0.05f, 0.05f, // label 0: right, confident
        0.10f, 0.20f, 0.70f, // label 1: wrong (→ 2), 0.70
        0.34f, 0.33f, 0.33f, // label 2: wrong (→ 0), nearly uniform
        0.05f, 0.94f, 0.01f, // label 0: wrong (→ 1), 0.94
    ];

    private static readonly int[] Labels = [0, 1, 2, 0];

    [Fact]
    public void EntropyOfKnownDistributions()
    {
        Assert.Equal(0.0, PredictionRanking.Entropy([1f, 0f, 0f]));
        Assert.Equal(Math.Log(4), PredictionRanking.Entropy([0.25f, 0.25f, 0.25f, 0.25f]), 12);
        Assert.Equal(Math.Log(2), PredictionRanking.Entropy([0.5f, 0.5f]), 12);
    }

    [Fact]
    public void ScoresTopTwoAndLabelProbability()
    {
        var s = PredictionRanking.Score(Probabilities, Labels, classes: 3);
        Assert.Equal(4, s.Count);
        Assert.Equal((0, 0.90f, 1, 0.05f), (s[0].Predicted, (float)s[0].Probability, s[0].RunnerUp, (float)s[0].RunnerUpProbability));
        Assert.True(s[0].IsCorrect);
        Assert.Equal((2, 1, 0.20f), (s[1].Predicted, s[1].RunnerUp, (float)s[1].LabelProbability));
        Assert.Equal(0.50, s[1].Margin, 6);
        Assert.False(s[1].IsCorrect);
        Assert.Equal("1 → 2 (0.70)", s[1].Caption);
    }

    [Fact]
    public void RunnerUpWhenTheFirstClassIsNotTheBest()
    {
        var s = PredictionRanking.Score([0.2f, 0.5f, 0.3f], [1], classes: 3);
        Assert.Equal((1, 2), (s[0].Predicted, s[0].RunnerUp));
    }

    [Fact]
    public void MostConfidentMistakesFirst()
    {
        var wrong = PredictionRanking.MostConfidentMistakes(Probabilities, Labels, count: 5, classes: 3);
        Assert.Equal([3, 1, 2], wrong.Select(w => w.Index));
        Assert.Single(PredictionRanking.MostConfidentMistakes(Probabilities, Labels, count: 1, classes: 3));
    }

    [Fact]
    public void MostAmbiguousIsTheHighestEntropy()
    {
        var ambiguous = PredictionRanking.MostAmbiguous(Probabilities, Labels, count: 2, classes: 3);
        Assert.Equal([2, 1], ambiguous.Select(a => a.Index));
        Assert.True(ambiguous[0].Entropy <= Math.Log(3));
    }

    [Fact]
    public void RejectsMismatchedLengths()
    {
        Assert.Throws<ArgumentException>(() => PredictionRanking.Score(new float[7], [0, 1], classes: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => PredictionRanking.Score(new float[2], [0, 1], classes: 1));
    }
}
