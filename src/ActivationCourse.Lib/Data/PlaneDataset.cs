using ActivationCourse.Training;

namespace ActivationCourse.Data;

/// <summary>The four two-class data sets in the plane that the Activation Explorer trains on.</summary>
public enum PlaneDatasetKind
{
    /// <summary>Class 1 where x and y have opposite signs (the quadrants of XOR).</summary>
    Xor,

    /// <summary>Class 0 inside a disc, class 1 on a ring around it.</summary>
    Circles,

    /// <summary>Two interleaved spiral arms, one turn and a half each.</summary>
    Spiral,

    /// <summary>Two Gaussian blobs, one per class.</summary>
    Gaussians,
}

/// <summary>
/// Seeded two-class data in the square [−1, 1]² (before noise), as <see cref="LabeledData"/> with two features,
/// for a network with two softmax outputs. Noise is Gaussian, added to both coordinates; labels never change.
/// </summary>
public static class PlaneDataset
{
    /// <summary>Generates <paramref name="count"/> points, alternating between the classes.</summary>
    /// <param name="kind">Which data set.</param>
    /// <param name="count">Number of points (at least 2).</param>
    /// <param name="noise">Standard deviation of the noise added to each coordinate (≥ 0).</param>
    /// <param name="seed">Seed of the generator (same seed, same points).</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 points or negative noise.</exception>
    public static LabeledData Generate(PlaneDatasetKind kind, int count, double noise, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(noise);
        var random = new Random(seed);
        var features = new float[count * 2];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            int label = i % 2;
            var (x, y) = kind switch
            {
                PlaneDatasetKind.Xor => XorPoint(random, label),
                PlaneDatasetKind.Circles => CirclePoint(random, label),
                PlaneDatasetKind.Spiral => SpiralPoint(random, label),
                PlaneDatasetKind.Gaussians => GaussianPoint(random, label),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown data set."),
            };
            features[2 * i] = (float)(x + (noise * NormalSampler.Next(random)));
            features[(2 * i) + 1] = (float)(y + (noise * NormalSampler.Next(random)));
            labels[i] = label;
        }
        return new LabeledData(features, labels, 2);
    }

    // Points keep a small gap from the axes, so the noise-free classes are separable.
    private static (double X, double Y) XorPoint(Random random, int label)
    {
        double x = 0.05 + (0.95 * random.NextDouble()), y = 0.05 + (0.95 * random.NextDouble());
        bool flipX = random.Next(2) == 1;
        // Class 0: same signs (quadrants I and III); class 1: opposite signs (II and IV).
        return label == 0 ? (flipX ? (-x, -y) : (x, y)) : (flipX ? (-x, y) : (x, -y));
    }

    private static (double X, double Y) CirclePoint(Random random, int label)
    {
        double r = label == 0 ? 0.5 * random.NextDouble() : 0.7 + (0.3 * random.NextDouble());
        double a = 2 * Math.PI * random.NextDouble();
        return (r * Math.Cos(a), r * Math.Sin(a));
    }

    private static (double X, double Y) SpiralPoint(Random random, int label)
    {
        double t = random.NextDouble();
        double angle = (3 * Math.PI * t) + (label * Math.PI);
        double r = 0.05 + (0.95 * t);
        return (r * Math.Cos(angle), r * Math.Sin(angle));
    }

    private static (double X, double Y) GaussianPoint(Random random, int label)
    {
        double centre = label == 0 ? -0.5 : 0.5;
        return (centre + (0.2 * NormalSampler.Next(random)), centre + (0.2 * NormalSampler.Next(random)));
    }
}
