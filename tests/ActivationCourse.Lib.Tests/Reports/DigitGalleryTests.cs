using ActivationCourse.Data;
using ActivationCourse.Reports;

namespace ActivationCourse.Lib.Tests.Reports;

public class DigitGalleryTests
{
    // Three 2×3 images: image k has every pixel equal to k / 4, labels 7, 8, 9.
    private static LabeledImages Images()
    {
        var pixels = new float[3 * 6];
        for (int k = 0; k < 3; k++)
        {
            Array.Fill(pixels, k / 4f, k * 6, 6);
        }

        return new LabeledImages(pixels, [7, 8, 9], height: 2, width: 3);
    }

    [Fact]
    public void PixelsOfOneImage()
    {
        Assert.Equal(Enumerable.Repeat(0.5, 6), DigitGallery.Pixels(Images(), 2));
    }

    [Fact]
    public void GridCaptionsDefaultToLabels()
    {
        var grid = DigitGallery.Grid(Images(), [2, 0], title: "two");
        Assert.Equal(2, grid.Count);
        string svg = grid.ToSvg();
        Assert.Contains(">9<", svg, StringComparison.Ordinal);
        Assert.Contains(">7<", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(">8<", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void GridWithCustomCaptions()
    {
        var grid = DigitGallery.Grid(Images(), [1], caption: i => $"image {i}", captionColor: _ => "#D55E00");
        string svg = grid.ToSvg();
        Assert.Contains("image 1", svg, StringComparison.Ordinal);
        Assert.Contains("#D55E00", svg, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void PictureHasTheImageSize()
    {
        var picture = DigitGallery.Picture(Images(), 0, "first");
        Assert.Equal(2, picture.Rows);
        Assert.Equal(3, picture.Columns);
    }
}
