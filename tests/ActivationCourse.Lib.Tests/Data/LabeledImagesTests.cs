using ActivationCourse.Data;

namespace ActivationCourse.Lib.Tests.Data;

public class LabeledImagesTests
{
    [Theory]
    [InlineData(PixelScaling.ZeroToOne, 0f, 1f)]
    [InlineData(PixelScaling.MinusOneToOne, -1f, 1f)]
    [InlineData(PixelScaling.Standardize, -0.1307f / 0.3081f, (1f - 0.1307f) / 0.3081f)]
    public void ScalingMapsBlackAndWhite(PixelScaling scaling, float black, float white)
    {
        var output = new float[3];

        LabeledImages.ScalePixels([0, 255, 51], output, scaling);

        Assert.Equal(black, output[0], 5);
        Assert.Equal(white, output[1], 5);
        Assert.True(output[0] < output[2] && output[2] < output[1]);
    }

    [Fact]
    public void ImageTakeAndSliceAddressRowMajorImages()
    {
        float[] pixels = [.. Enumerable.Range(0, 3 * 4).Select(i => (float)i)];
        var set = new LabeledImages(pixels, [3, 1, 4], height: 2, width: 2);

        Assert.Equal(3, set.Count);
        Assert.Equal(4, set.PixelsPerImage);
        Assert.Equal([4f, 5f, 6f, 7f], set.Image(1).ToArray());
        LabeledImages first = set.Take(2);
        Assert.Equal(2, first.Count);
        Assert.Equal([3, 1], first.Labels);
        Assert.Equal(8, first.Pixels.Length);
        LabeledImages last = set.Slice(2, 1);
        Assert.Equal([8f, 9f, 10f, 11f], last.Image(0).ToArray());
        Assert.Equal(3, set.Take(100).Count);
        Assert.Equal(new[] { 0, 1, 0, 1, 1 }, set.LabelCounts());
    }

    [Fact]
    public void MismatchedPixelCountIsRejected() =>
        Assert.Throws<ArgumentException>(() => new LabeledImages(new float[7], [1, 2], 2, 2));
}
