using ActivationCourse.Activations;
using ActivationCourse.Benchmarking;

namespace ActivationCourse.Lib.Tests.Benchmarking;

public class ReluLoopsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(64)]
    [InlineData(1003)]
    public void Both_loops_give_the_library_relu_on_every_length(int length)
    {
        var random = new Random(length);
        var x = Enumerable.Range(0, length).Select(i => i % 7 == 3 ? 0f : (float)(random.NextDouble() * 12 - 6)).ToArray();
        var expected = new float[length];
        new ReLU().Forward(x, expected);
        var scalar = Enumerable.Repeat(float.NaN, length).ToArray();
        var vector = Enumerable.Repeat(float.NaN, length).ToArray();

        ReluLoops.Scalar(x, scalar);
        ReluLoops.Vectorized(x, vector);

        Assert.Equal(expected, scalar);
        Assert.Equal(expected, vector);
    }
}
