using ActivationCourse.Reports;


namespace ActivationCourse.Lib.Tests.Reports;

public class ConvNetSummaryTests
{
    // The Keras LeNet-style model of the source article, whose summary lists 697,046 parameters.
    private static ConvNetSummary LeNet() => new ConvNetSummary(32, 32, 3)
        .Conv2D(6, 5, "relu").MaxPool2D(2)
        .Conv2D(16, 5, "relu").MaxPool2D(2)
        .Conv2D(120, 5, "relu")
        .Flatten().Dense(84, "relu").Dense(10, "softmax");

    [Fact]
    public void MatchesTheKerasSummary()
    {
        var net = LeNet();
        Assert.Equal(new long[] { 456, 0, 2416, 0, 48120, 0, 645204, 850 }, net.Layers.Select(l => l.Parameters));
        Assert.Equal(697046, net.TotalParameters);
        // Multiply-adds per example: output positions × weights per output value.
        Assert.Equal(new long[] { 32 * 32 * 25 * 3 * 6, 0, 16 * 16 * 25 * 6 * 16, 0, 8 * 8 * 25 * 16 * 120, 0, 7680 * 84, 84 * 10 },
            net.Layers.Select(l => l.MultiplyAdds));
        Assert.Equal(4793160, net.TotalMultiplyAdds);
        Assert.Equal("(8, 8, 120)", net.Layers[4].Output.ToString());
        Assert.Equal("(7680)", net.Layers[5].Output.ToString());
        Assert.Equal("(10)", net.Output.ToString());
    }

    [Fact]
    public void ValidPaddingShrinksTheMap()
    {
        var net = new ConvNetSummary(32, 32, 1).Conv2D(6, 5, padding: "valid").MaxPool2D(2);
        Assert.Equal(new FeatureShape(14, 14, 6), net.Output);
        Assert.Equal((25 + 1) * 6, net.TotalParameters);
    }

    [Fact]
    public void RejectsImpossibleStacks()
    {
        Assert.Throws<InvalidOperationException>(() => new ConvNetSummary(8, 8, 1).Dense(4));
        Assert.Throws<InvalidOperationException>(() => new ConvNetSummary(8, 8, 1).Flatten().Conv2D(2, 3));
        Assert.Throws<InvalidOperationException>(() => new ConvNetSummary(4, 4, 1).Conv2D(2, 5, padding: "valid"));
        Assert.Throws<ArgumentException>(() => new ConvNetSummary(4, 4, 1).Conv2D(2, 3, padding: "full"));
    }

    [Fact]
    public void RendersATable()
    {
        var net = LeNet();
        Assert.Contains("697,046", net.ToHtml());
        Assert.Contains("(5·5·3 + 1)·6", net.ToHtml());
        Assert.EndsWith("697,046", net.ToString());
    }
}
