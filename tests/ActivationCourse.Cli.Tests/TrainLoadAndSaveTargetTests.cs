using System.Globalization;
using ActivationCourse.Data;
using ActivationCourse.Training;

namespace ActivationCourse.Cli.Tests;

/// <summary><c>course train --load</c> evaluates or continues a saved model; <c>--save</c> never replaces a device or follows a link out of a regular file.</summary>
public class TrainLoadAndSaveTargetTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Training = TimeSpan.FromMinutes(15);

    [Fact]
    public void Save_onto_a_device_or_a_link_to_one_is_refused_before_any_data_is_loaded()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var data = new EmptyDataFolder();
        using var models = new EmptyDataFolder();
        string link = Path.Combine(models.Path, "model.bin");
        File.CreateSymbolicLink(link, "/dev/null");

        foreach (string target in new[] { "/dev/null", link })
        {
            var run = CourseProcess.Run(Quick, data.Environment, "train", "--save", target);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.StartsWith($"error: --save {target}: refusing to write", run.Error);
            Assert.Contains("character device", run.Error);
            Assert.True(new FileInfo(link).LinkTarget == "/dev/null", "the link stays a link");
            Assert.True(data.IsStillEmpty, "a rejected command must not fetch or write data");
        }
    }

    [Theory]
    [InlineData("short", "too short for the 48-byte header")]
    [InlineData("flipped", "the checksum does not match")]
    [InlineData("missing", "Could not find file")]
    public void A_damaged_or_missing_model_is_refused_with_what_is_wrong_before_any_data_is_loaded(string kind, string message)
    {
        using var data = new EmptyDataFolder();
        using var models = new EmptyDataFolder();
        string path = Path.Combine(models.Path, "model.bin");
        using (var stream = new MemoryStream())
        {
            ModelFile.Save(Network.FromSpec(new MlpSpec(28 * 28, [4], 10, "relu"), seed: 1), stream);
            byte[] file = stream.ToArray();
            file[^3] ^= 0x40;
            if (kind == "short")
                File.WriteAllBytes(path, file[..12]);
            else if (kind == "flipped")
                File.WriteAllBytes(path, file);
        }

        var run = CourseProcess.Run(Quick, data.Environment, "train", "--load", path);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith($"error: --load {path}: ", run.Error);
        Assert.Contains(message, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.True(data.IsStillEmpty, "a rejected command must not fetch or write data");
    }

    [Fact]
    public void A_model_with_other_inputs_or_layer_options_is_refused()
    {
        using var data = new EmptyDataFolder();
        using var models = new EmptyDataFolder();
        string path = Path.Combine(models.Path, "model.bin");
        ModelFile.Save(Network.FromSpec(new MlpSpec(6, [4], 3, "relu"), seed: 1), path);

        var other = CourseProcess.Run(Quick, data.Environment, "train", "--load", path);
        var layers = CourseProcess.Run(Quick, data.Environment, "train", "--load", path, "--hidden", "16");

        Assert.True(other.ExitCode == 2, other.ToString());
        Assert.Contains("the model takes 6 inputs and gives 3 outputs; MNIST needs 784 and 10", other.Error);
        Assert.True(layers.ExitCode == 2, layers.ToString());
        Assert.Contains("--load: the layers come from the model file", layers.Error);
        Assert.True(data.IsStillEmpty, "a rejected command must not fetch or write data");
    }

    [Fact]
    public void A_saved_model_is_evaluated_on_the_test_set_and_can_be_trained_further()
    {
        var mnist = Mnist.Load(); // the shared cache
        using var folder = new EmptyDataFolder();
        string first = Path.Combine(folder.Path, "first.bin"), second = Path.Combine(folder.Path, "second.bin");
        var train = CourseProcess.Run(Training, null, "train", "--hidden", "16", "--epochs", "1", "--limit", "2000", "--save", first);
        Assert.True(train.ExitCode == 0, train.ToString());

        var evaluated = CourseProcess.Run(Training, null, "train", "--load", first);

        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        var expected = ModelFile.Load(first).Evaluate(LabeledData.From(mnist.Test));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"on the 10,000 test images: loss {expected.Loss:F4}, accuracy {expected.Accuracy:P2}"), evaluated.Output);
        Assert.DoesNotContain("epoch", evaluated.Output);

        var continued = CourseProcess.Run(Training, null, "train", "--load", first, "--epochs", "1", "--limit", "2000", "--save", second);

        Assert.True(continued.ExitCode == 0, continued.ToString());
        Assert.Contains($"{first} (", continued.Output);
        var before = ModelFile.Load(first);
        var after = ModelFile.Load(second);
        Assert.Equal(before.Layers.Select(l => l.Description), after.Layers.Select(l => l.Description));
        Assert.NotEqual(before.Parameters[0].Value, after.Parameters[0].Value);
    }
}
