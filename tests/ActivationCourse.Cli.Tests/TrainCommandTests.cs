using System.Globalization;
using System.Text.RegularExpressions;
using ActivationCourse.Data;
using ActivationCourse.Training;

namespace ActivationCourse.Cli.Tests;

public class TrainCommandTests
{
    // Deadlines against hangs only, generous because test assemblies share the cores; speed is never asserted.
    private static readonly TimeSpan Quick = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Training = TimeSpan.FromMinutes(15);

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
    [InlineData("--schedule", "cosine")]
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

    [Theory]
    [InlineData("--batch", "3000000", "--batch 3,000,000 is larger than the MNIST training set")]
    [InlineData("--hidden", "60000,60000", "--hidden 60000,60000: the layer from 60,000 to 60,000 units needs 3,600,000,000 weights")]
    [InlineData("--hidden", "16,,8", "--hidden \"16,,8\": item 2 is empty")]
    [InlineData("--hidden", "16,8,", "--hidden \"16,8,\": item 3 is empty")]
    public void SizesThatCannotWorkAndEmptyListItemsAreRejectedNamingTheSetting(string option, string value, string message)
    {
        using var data = new EmptyDataFolder();
        var run = CourseProcess.Run(Quick, data.Environment, "train", option, value);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("error: " + message, run.Error);
        Assert.DoesNotContain("Exception", run.Error);
        Assert.True(data.IsStillEmpty, "a rejected command must not fetch or write data");
    }

    [Fact]
    public void SaveToAMissingFolderIsRejectedBeforeAnyDataIsLoaded()
    {
        using var data = new EmptyDataFolder();
        string missing = Path.Combine(data.Path, "no-such-folder");

        var run = CourseProcess.Run(Quick, data.Environment, "train", "--save", Path.Combine(missing, "m.bin"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"the folder {missing} does not exist", run.Error);
        Assert.Equal("", run.Output);
        Assert.True(data.IsStillEmpty, "the check must come before MNIST is fetched");
    }

    [ReadOnlyFolderFact]
    public void SaveIntoAReadOnlyFolderIsRejectedBeforeAnyDataIsLoaded()
    {
        using var data = new EmptyDataFolder();
        string target = Directory.CreateTempSubdirectory("activationcourse-readonly-").FullName;
        try
        {
            using (var readOnly = new ReadOnlyFolder(target))
            {
                Assert.Null(readOnly.Reason);
                var run = CourseProcess.Run(Quick, data.Environment, "train", "--save", Path.Combine(target, "m.bin"));

                Assert.True(run.ExitCode == 2, run.ToString());
                Assert.Contains($"cannot write in {target}", run.Error);
                Assert.True(data.IsStillEmpty, "the check must come before MNIST is fetched");
                Assert.Empty(Directory.GetFileSystemEntries(target));
            }
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }

    [Fact]
    public void AnExplodingLossStopsTrainingWithAWarningAndANonZeroExitAndSavesNothing()
    {
        Mnist.EnsureDownloaded(); // the shared cache
        using var folder = new EmptyDataFolder();
        string modelPath = Path.Combine(folder.Path, "model.bin");

        var run = CourseProcess.Run(Training, null, "train", "--lr", "1e6", "--hidden", "32", "--epochs", "3", "--limit", "3000", "--save", modelPath);

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("warning: training diverged", run.Error);
        Assert.Contains("--lr", run.Error);
        Assert.Contains($"the model was not saved to {modelPath}", run.Error);
        Assert.DoesNotContain("epoch 3/3", run.Output);   // it stopped early
        Assert.False(File.Exists(modelPath));
    }

    [Fact]
    public void AccuracyAtChanceAfterTrainingIsAWarningAndANonZeroExit()
    {
        Mnist.EnsureDownloaded();

        // A learning rate so small that the weights barely move: the network still guesses.
        var run = CourseProcess.Run(Training, null, "train", "--lr", "1e-9", "--hidden", "32", "--epochs", "1", "--limit", "3000");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("warning: training did not work", run.Error);
        Assert.Contains("no better than always answering the most common digit (11.35 %)", run.Error);
    }

    [Fact]
    public void ABillionEpochsStartTrainingWithoutMemoryPerEpoch()
    {
        Mnist.EnsureDownloaded();

        var (output, peak) = CourseProcess.RunUntil(Training, line => line.StartsWith("epoch 2/1000000000:", StringComparison.Ordinal),
            "train", "--epochs", "1000000000", "--limit", "200", "--hidden", "8");

        Assert.Contains("learning rate 0.1 → 0.03 → 0.01 → 0.003", output);
        // The process holds MNIST as floats (about 220 MB) and the runtime; anything per epoch would be gigabytes.
        Assert.True(peak < 1_000_000_000, $"peak working set {peak:N0} bytes after two epochs");
    }

    [Fact]
    public void WhenTheSaveFolderVanishesDuringTrainingTheModelIsKeptElsewhereAndTheExitCodeSaysSo()
    {
        Mnist.EnsureDownloaded();
        using var folder = new EmptyDataFolder();
        string target = Path.Combine(folder.Path, "models");
        Directory.CreateDirectory(target);

        // The folder passes the check before training, then disappears after the first of three epochs.
        var run = CourseProcess.RunWatching(Training, line =>
        {
            if (line.StartsWith("epoch 1/3:", StringComparison.Ordinal) && Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
        }, "train", "--epochs", "3", "--limit", "3000", "--hidden", "16", "--save", Path.Combine(target, "m.bin"));

        Assert.True(run.ExitCode == 5, run.ToString());
        Assert.Contains($"error: could not save the model to {Path.Combine(target, "m.bin")}", run.Error);
        var rescued = Regex.Match(run.Error, @"The trained model was saved to (\S+) instead\.");
        Assert.True(rescued.Success, run.ToString());
        try
        {
            var model = ModelFile.Load(rescued.Groups[1].Value);
            Assert.Equal(16, model.Layers[0].Outputs);
        }
        finally
        {
            File.Delete(rescued.Groups[1].Value);
        }
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

        var run = CourseProcess.Run(Training, null,
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
