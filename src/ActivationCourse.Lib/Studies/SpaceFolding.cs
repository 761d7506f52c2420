namespace ActivationCourse.Studies;

/// <summary>One polyline of a drawn grid: its points in order.</summary>
/// <param name="X">First coordinates.</param>
/// <param name="Y">Second coordinates.</param>
/// <param name="IsHorizontal">True for a line of constant y in the original grid, false for constant x.</param>
public sealed record GridLine(double[] X, double[] Y, bool IsHorizontal);

/// <summary>
/// Bengio et al.'s "space folding" picture: a square grid of lines in the plane, and where a layer sends it.
/// A rectifier layer bends every grid line at the lines where a unit switches on or off and flattens the regions where
/// units are off; a pair of rectifiers computing |u| = relu(u) + relu(−u) folds the plane onto itself along u = 0,
/// so points on opposite sides of the crease land on top of each other.
/// </summary>
public static class SpaceFolding
{
    /// <summary>
    /// Lines x = c and y = c for <paramref name="lines"/> evenly spaced c in [min, max], each sampled at
    /// <paramref name="pointsPerLine"/> points (dense, so that bends stay sharp after a map).
    /// </summary>
    public static IReadOnlyList<GridLine> Grid(double min, double max, int lines = 11, int pointsPerLine = 201)
    {
        if (!(max > min) || lines < 2 || pointsPerLine < 2)
        {
            throw new ArgumentException("Need max > min, at least 2 lines and at least 2 points per line.");
        }

        var result = new List<GridLine>(2 * lines);
        var along = Enumerable.Range(0, pointsPerLine).Select(i => min + ((max - min) * i / (pointsPerLine - 1))).ToArray();
        for (int k = 0; k < lines; k++)
        {
            double c = min + ((max - min) * k / (lines - 1));
            result.Add(new GridLine(along, Enumerable.Repeat(c, pointsPerLine).ToArray(), IsHorizontal: true));
            result.Add(new GridLine(Enumerable.Repeat(c, pointsPerLine).ToArray(), along, IsHorizontal: false));
        }

        return result;
    }

    /// <summary>Every point of every line sent through <paramref name="map"/>.</summary>
    public static IReadOnlyList<GridLine> Map(IReadOnlyList<GridLine> grid, Func<double, double, (double X, double Y)> map)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(map);
        return grid.Select(line =>
        {
            var x = new double[line.X.Length];
            var y = new double[line.X.Length];
            for (int i = 0; i < x.Length; i++)
            {
                (x[i], y[i]) = map(line.X[i], line.Y[i]);
            }

            return new GridLine(x, y, line.IsHorizontal);
        }).ToArray();
    }

    /// <summary>
    /// The same lines with every point where <paramref name="keep"/>(x, y) is false replaced by NaN (charts break the
    /// line there). Evaluate <paramref name="keep"/> on the original grid, then <see cref="Map"/> the result, to color
    /// where each part of the plane ends up.
    /// </summary>
    public static IReadOnlyList<GridLine> Keep(IReadOnlyList<GridLine> grid, Func<double, double, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(keep);
        return grid.Select(line =>
        {
            var x = (double[])line.X.Clone();
            var y = (double[])line.Y.Clone();
            for (int i = 0; i < x.Length; i++)
            {
                if (!keep(line.X[i], line.Y[i]))
                {
                    x[i] = double.NaN;
                    y[i] = double.NaN;
                }
            }

            return new GridLine(x, y, line.IsHorizontal);
        }).ToArray();
    }

    /// <summary>
    /// A rectifier layer with two units: (x, y) ↦ (relu(w₁₁x + w₁₂y + b₁), relu(w₂₁x + w₂₂y + b₂)).
    /// </summary>
    /// <param name="weights">The 2×2 weights, row per unit.</param>
    /// <param name="bias">The two biases.</param>
    public static Func<double, double, (double X, double Y)> ReluLayer(double[,] weights, double[] bias)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        if (weights.GetLength(0) != 2 || weights.GetLength(1) != 2 || bias.Length != 2)
        {
            throw new ArgumentException("A planar layer needs 2×2 weights and 2 biases.");
        }

        double w11 = weights[0, 0], w12 = weights[0, 1], w21 = weights[1, 0], w22 = weights[1, 1], b1 = bias[0], b2 = bias[1];
        return (x, y) => (Relu((w11 * x) + (w12 * y) + b1), Relu((w21 * x) + (w22 * y) + b2));
    }

    /// <summary>
    /// The fold along the crease a·x + b·y + c = 0, built from four rectifiers and a linear read-out:
    /// (x, y) ↦ (relu(u) + relu(−u), relu(v) − relu(−v)) = (|u|, v) with u = a·x + b·y + c and v = a·y − b·x.
    /// The first coordinate is the distance from the crease (times √(a² + b²)), the second the position along it, so
    /// mirror images across the crease land on the same point. With (a, b, c) = (1, 1, −1) the crease runs between the
    /// XOR classes: (0, 0) and (1, 1) land on (1, 0), while (0, 1) and (1, 0) land at distance 0.
    /// </summary>
    public static Func<double, double, (double X, double Y)> Fold(double a, double b, double c)
    {
        if (a == 0 && b == 0)
        {
            throw new ArgumentException("The crease a·x + b·y + c = 0 needs a or b nonzero.");
        }

        return (x, y) =>
        {
            double u = (a * x) + (b * y) + c, v = (a * y) - (b * x);
            return (Relu(u) + Relu(-u), Relu(v) - Relu(-v));
        };
    }

    private static double Relu(double v) => Math.Max(v, 0); // NaN stays NaN, so blanked points stay blank
}
