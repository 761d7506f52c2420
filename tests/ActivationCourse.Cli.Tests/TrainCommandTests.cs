using System.Globalization;
using System.Text.RegularExpressions;
using ActivationCourse.Data;
using ActivationCourse.Training;

namespace ActivationCourse.Cli.Tests;

public class TrainCommandTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(60);

    [Fact]
    public void UnknownActivationIsRejectedWithTheValidNamesBeforeAnyDataIsLoaded()
    {
        using var data = new EmptyDataFolder();
        var run = CourseProcess.Run(Quick, data.Environment, "train", "--activation", "swishy");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("swishy", run.Error);
        Assert.Contains("relu", run.Error);
        Assert.Contains("leaky_relu", run.Error);
        Assert.Equal("", run.Output);
        Assert.True(data.IsStillEmpty, "a rejected command must not fetch or write data");
    }

    [Theory]
    [InlineData("--epochs", "0")]
    [InlineData("--batch", "-5")]
    [InlineData("--hidden", "256,abc")]
    [InlineData("--hidden", "256,0")]
    [InlineData("--lr", "-0.1")]
    [InlineData("--lr", "NaN")]
    [InlineData("--optimizer", "rmsprop")]
    [InlineData("--limit", "0")]
    [InlineData("--weight-decay", "-1")]
    public void BadSettingsAreRejectedNamingTheSettingOrValue(string option, string value)
    {
        using var data = new EmptyDataFolder();
        var run = CourseProcess.Run(Quick, data.Environment, "train", option, value);

        Assert.True(run.ExitCode == 2, run.ToString());
        string bad = value.Split(',')[^1];
        Assert.True(run.Error.Contains(option) || run.Error.Contains(bad), $"the error should name {option} or {bad}:\n{run}");
        Assert.StartsWith("error:", run.Error);
        Assert.True(data.IsStillEmpty, "a rejected command must not fetch or write data");
    }

    [Fact]
    public void NonNumericValueIsAParseErrorThatNamesIt()
    {
        using var data = new EmptyDataFolder();
        var run = CourseProcess.Run(Quick, data.Environment, "train", "--epochs", "ten");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("ten", run.Error);
        Assert.DoesNotContain("parameters ·", run.Output); // the banner printed when training starts
    }

    [Fact]
    public void TrainsOnMnistAndTheSavedModelReproducesTheReportedTestAccuracy()
    {
        var mnist = Mnist.Load(); // the shared cache (CI fetches it with `course data fetch` first)
        using var folder = new EmptyDataFolder();
        string modelPath = Path.Combine(folder.Path, "model.bin");

        var run = CourseProcess.Run(TimeSpan.FromMinutes(3), null,
            "train", "--activation", "tanh", "--hidden", "64", "--epochs", "2", "--limit", "30000", "--seed", "3", "--save", modelPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("epoch 1/2", run.Output);
        Assert.Contains("test acc", run.Output); // the final table's header
        var reported = Regex.Matches(run.Output, @"epoch 2/2: .*test accuracy (\d+\.\d\d) ?%");
        Assert.True(reported.Count == 1, "no progress line for epoch 2:\n" + run);
        double printed = double.Parse(reported[0].Groups[1].Value, CultureInfo.InvariantCulture) / 100;
        Assert.True(printed >= 0.90, $"30,000 images × 2 epochs should reach 90% test accuracy; printed {printed:P2}");

        var model = ModelFile.Load(modelPath);
        Assert.Equal(784, model.Inputs);
        Assert.Equal(10, model.Classes);
        Assert.Equal(64, model.Layers[0].Outputs);
        Assert.Contains("tanh", model.Summary(), StringComparison.OrdinalIgnoreCase);
        var evaluation = model.Evaluate(LabeledData.From(mnist.Test));
        Assert.Equal(printed, Math.Round(evaluation.Accuracy, 4), 6);
    }
}
