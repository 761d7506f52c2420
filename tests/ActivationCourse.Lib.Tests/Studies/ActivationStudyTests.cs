using ActivationCourse.Studies;


namespace ActivationCourse.Lib.Tests.Studies;

public class ActivationStudyTests
{
    private static readonly ActivationStudyOptions Small = new() { Hidden = [12, 8], Epochs = 3, BatchSize = 32, LearningRate = 0.01, Seeds = [1, 2, 3], WarmUp = TimeSpan.Zero };

    private static ActivationStudy RunSmall(params string[] activations) =>
        ActivationStudy.Run(activations, StudyData.Blobs(300, 6, 3, seed: 1), StudyData.Blobs(150, 6, 3, seed: 2), Small, classes: 3);

    [Fact]
    public void OneRunPerActivationAndSeed()
    {
        var study = RunSmall("relu", "sigmoid");
        Assert.Equal(6, study.Runs.Count);
        Assert.Equal(["relu", "relu", "relu", "sigmoid", "sigmoid", "sigmoid"], study.Runs.Select(r => r.Activation));
        Assert.Equal([1, 2, 3], study.RunsOf("sigmoid").Select(r => r.Seed));
        Assert.All(study.Runs, r => Assert.Equal(3, r.History.Epochs.Count));
        Assert.All(study.Runs, r => Assert.True(r.TrainingSeconds > 0));
        Assert.Equal(300, study.TrainingSamples);
    }

    [Fact]
    public void LearnsTheBlobs()
    {
        var study = ActivationStudy.Run(["relu"], StudyData.Blobs(300, 6, 3, seed: 1), StudyData.Blobs(150, 6, 3, seed: 2), Small with { Epochs = 15 }, classes: 3);
        Assert.All(study.Runs, r => Assert.True(r.FinalTestAccuracy > 0.9, $"seed {r.Seed}: {r.FinalTestAccuracy}"));
    }

    [Fact]
    public void SameSeedsSameResults()
    {
        var a = RunSmall("tanh");
        var b = RunSmall("tanh");
        Assert.Equal(a.Runs.Select(r => r.FinalTestAccuracy), b.Runs.Select(r => r.FinalTestAccuracy));
        Assert.Equal(a.Runs.Select(r => r.History.Last!.TrainLoss), b.Runs.Select(r => r.History.Last!.TrainLoss));
    }

    [Fact]
    public void SummariesAverageTheSeeds()
    {
        var study = RunSmall("relu", "sigmoid");
        var runs = study.RunsOf("relu");
        var summary = study.FinalAccuracy("relu");
        Assert.Equal("ReLU", summary.Name);
        Assert.Equal(runs.Select(r => r.FinalTestAccuracy), summary.Values);
        var curve = study.MeanTestAccuracyCurve("relu");
        Assert.Equal(3, curve.Length);
        Assert.Equal(runs.Average(r => r.History.Epochs[1].TestAccuracy), curve[1], 12);
        Assert.Equal(runs.Average(r => r.TrainingSeconds), study.MeanTrainingSeconds("relu"), 12);
        Assert.Equal(runs.Select(r => r.TrainingSeconds), study.TrainingSeconds("relu").Values);
    }

    [Fact]
    public void RankingTableChartAndVerdicts()
    {
        var study = RunSmall("relu", "sigmoid");
        var ranking = study.Ranking();
        Assert.Equal(2, ranking.Count);
        Assert.True(study.FinalAccuracy(ranking[0]).Mean >= study.FinalAccuracy(ranking[1]).Mean);
        Assert.Single(study.CompareFinalAccuracies().Verdicts);
        string html = study.ToHtml();
        Assert.Contains("ReLU", html, StringComparison.Ordinal);
        Assert.Contains("Sigmoid", html, StringComparison.Ordinal);
        Assert.Contains("<svg", study.TestAccuracyChart().ToSvg(), StringComparison.Ordinal);
        Assert.Equal(2, study.ToString().Split(Environment.NewLine).Length);
    }

    [Fact]
    public void MaxoutHasMoreParameters()
    {
        var study = ActivationStudy.Run(["relu", "maxout"], StudyData.Blobs(90, 6, 3, seed: 1), StudyData.Blobs(30, 6, 3, seed: 2), Small with { Epochs = 1, Seeds = [1] }, classes: 3);
        long relu = study.RunsOf("relu")[0].Parameters, maxout = study.RunsOf("maxout")[0].Parameters;
        // 6-12-8-3: (6·12 + 12) + (12·8 + 8) + (8·3 + 3) = 215; maxout doubles the hidden dense outputs:
        // (6·24 + 24) + (12·16 + 16) + (8·3 + 3) = 403.
        Assert.Equal(215, relu);
        Assert.Equal(403, maxout);
    }

    [Theory]
    [InlineData("relu", "ReLU")]
    [InlineData("leaky_relu", "Leaky ReLU")]
    [InlineData("maxout", "Maxout (k = 2)")]
    [InlineData("sigmoid", "Sigmoid")]
    [InlineData("no_such_thing", "no_such_thing")]
    public void DisplayNames(string name, string expected) => Assert.Equal(expected, ActivationStudy.DisplayName(name));

    [Fact]
    public void WarmUpChangesNoResultAndRunsAreListedActivationBySeed()
    {
        var train = StudyData.Blobs(120, 6, 3, seed: 1);
        var test = StudyData.Blobs(60, 6, 3, seed: 2);
        var cold = ActivationStudy.Run(["tanh", "relu"], train, test, Small with { Epochs = 2, Seeds = [2, 1] }, classes: 3);
        var warm = ActivationStudy.Run(["tanh", "relu"], train, test, Small with { Epochs = 2, Seeds = [2, 1], WarmUp = TimeSpan.FromMilliseconds(50) }, classes: 3);

        Assert.Equal(["tanh/2", "tanh/1", "relu/2", "relu/1"], warm.Runs.Select(r => $"{r.Activation}/{r.Seed}").ToArray());
        Assert.Equal(cold.Runs.Select(r => r.FinalTestAccuracy), warm.Runs.Select(r => r.FinalTestAccuracy));
        Assert.Equal(cold.Runs.Select(r => r.History.Last!.TrainLoss), warm.Runs.Select(r => r.History.Last!.TrainLoss));
    }
}
