using ActivationCourse.Data;
using ActivationCourse.Training;

namespace ActivationCourse.Lib.Tests.Training;

internal static class TestData
{
    /// <summary>Gaussian blobs around well-separated class centres: linearly separable with margin.</summary>
    public static LabeledData Blobs(int count, int dimensions, int classes, int seed, double spread = 0.3)
    {
        var rng = new Random(seed);
        var centres = new double[classes, dimensions];
        for (int c = 0; c < classes; c++)
        {
            for (int d = 0; d < dimensions; d++)
            {
                centres[c, d] = (rng.NextDouble() * 4) - 2;
            }
        }

        var features = new float[count * dimensions];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            int c = rng.Next(classes);
            labels[i] = c;
            for (int d = 0; d < dimensions; d++)
            {
                features[(i * dimensions) + d] = (float)(centres[c, d] + (spread * Normal(rng)));
            }
        }

        return new LabeledData(features, labels, dimensions);
    }

    public static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public static double[] RandomDoubles(Random rng, int count)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = Normal(rng);
        }

        return values;
    }
}
