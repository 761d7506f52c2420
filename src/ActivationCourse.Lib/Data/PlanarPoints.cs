namespace ActivationCourse.Data;

/// <summary>
/// Labeled points in the plane, for the two-dimensional lessons (XOR, folding): coordinates and a class per point.
/// </summary>
/// <param name="X">First coordinate of each point.</param>
/// <param name="Y">Second coordinate of each point.</param>
/// <param name="Labels">Class of each point (0 or 1 for XOR).</param>
public sealed record PlanarPoints(double[] X, double[] Y, int[] Labels)
{
    /// <summary>Number of points.</summary>
    public int Count => Labels.Length;

    /// <summary>The four XOR corners (0,0), (0,1), (1,0), (1,1) with labels 0, 1, 1, 0.</summary>
    public static PlanarPoints XorCorners { get; } = new([0, 0, 1, 1], [0, 1, 0, 1], [0, 1, 1, 0]);

    /// <summary>
    /// A noisy XOR data set: <paramref name="perCorner"/> points around each XOR corner, each coordinate shifted by
    /// N(0, <paramref name="spread"/>²) (seeded); a point keeps its corner's label.
    /// </summary>
    /// <param name="perCorner">Points per corner.</param>
    /// <param name="spread">Standard deviation of the noise.</param>
    /// <param name="seed">Seed of the noise.</param>
    public static PlanarPoints XorCloud(int perCorner, double spread, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perCorner, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(spread);
        var random = new Random(seed);
        int n = 4 * perCorner;
        var x = new double[n];
        var y = new double[n];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int corner = i % 4;
            x[i] = XorCorners.X[corner] + (spread * NormalSampler.Next(random));
            y[i] = XorCorners.Y[corner] + (spread * NormalSampler.Next(random));
            labels[i] = XorCorners.Labels[corner];
        }

        return new PlanarPoints(x, y, labels);
    }

    /// <summary>The points as a row-major feature array (x₀, y₀, x₁, y₁, …), the layout the training engine takes.</summary>
    public float[] Features()
    {
        var features = new float[2 * Count];
        for (int i = 0; i < Count; i++)
        {
            features[2 * i] = (float)X[i];
            features[(2 * i) + 1] = (float)Y[i];
        }

        return features;
    }

    /// <summary>The points after a map of the plane (labels unchanged).</summary>
    public PlanarPoints Map(Func<double, double, (double X, double Y)> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var x = new double[Count];
        var y = new double[Count];
        for (int i = 0; i < Count; i++)
        {
            (x[i], y[i]) = map(X[i], Y[i]);
        }

        return new PlanarPoints(x, y, Labels);
    }
}
