using ActivationCourse.Activations;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Exercises;

/// <summary>
/// A forward pass written in a lesson: from every layer's weights W (inputs × outputs) and bias b, the activation f and
/// a batch X (one sample per row), every layer's pre-activation Z[l] = H[l]·W[l] + b[l] and output H[l + 1], with
/// H[0] = X and the last layer left linear (H[L] = Z[L − 1]).
/// </summary>
public delegate (List<Matrix<double>> Z, List<Matrix<double>> H) ForwardPass(
    IReadOnlyList<Matrix<double>> weights, IReadOnlyList<Vector<double>> biases, Activation f, Matrix<double> x);

/// <summary>The checks of lesson 01's exercises (the learner's forward pass, the collapsed layer, the best linear XOR).</summary>
public static class Lesson01
{
    /// <summary>
    /// Exercise 1.1: the learner's forward pass, run on a small network with three layers of different widths, nonzero
    /// biases and tanh, compared with the defining formulas to 1e-9.
    /// </summary>
    public static CheckResult Forward(ForwardPass forward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        const string id = "1.1";
        var (weights, biases) = RandomLayers([3, 4, 5, 2], std: 0.8, seed: 11);
        var x = Matrix<double>.Build.Random(6, 3, new Normal(0, 1, new Random(12)));
        var f = new Tanh();
        List<Matrix<double>> z, h;
        try
        {
            (z, h) = forward(weights, biases, f, x);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Check.True(id, false, $"your Forward threw {e.GetType().Name}: {e.Message}");
        }

        if (z is null || h is null || z.Count == 0)
        {
            return NoAnswer(id);
        }

        var (expectedZ, expectedH) = ReferenceForward(weights, biases, f, x);
        string? problem =
            z.Count != expectedZ.Count ? $"Z should hold one matrix per layer ({expectedZ.Count}), not {z.Count}"
            : h.Count != expectedH.Count ? $"H should hold the input and every layer's output ({expectedH.Count} matrices), not {h.Count}"
            : FirstDifference("Z", z, expectedZ) ?? FirstDifference("H", h, expectedH);
        return Check.True(id, problem is null, problem);
    }

    /// <summary>
    /// Exercise 1.2: the single layer (W, b) equal to the linear stack given by <paramref name="weights"/> and
    /// <paramref name="biases"/> (inputs × outputs, rows are samples), compared to 1e-9 relative.
    /// </summary>
    public static CheckResult Collapse(IReadOnlyList<Matrix<double>> weights, IReadOnlyList<Vector<double>> biases,
        Matrix<double>? w, Vector<double>? b)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(biases);
        const string id = "1.2";
        if (w is null || b is null || w.Enumerate().All(double.IsNaN) || b.Enumerate().All(double.IsNaN))
        {
            return NoAnswer(id);
        }

        Matrix<double> expectedW = weights[0];
        Vector<double> expectedB = biases[0];
        for (int l = 1; l < weights.Count; l++)
        {
            expectedW *= weights[l];
            expectedB = (expectedB * weights[l]) + biases[l];
        }

        if (w.RowCount != expectedW.RowCount || w.ColumnCount != expectedW.ColumnCount)
        {
            return Check.True(id, false,
                $"W should be inputs × outputs ({expectedW.RowCount}×{expectedW.ColumnCount}), like every layer's W; yours is {w.RowCount}×{w.ColumnCount}");
        }

        if (b.Count != expectedB.Count)
        {
            return Check.True(id, false, $"b should have one entry per output ({expectedB.Count}); yours has {b.Count}");
        }

        bool wRight = Close(w, expectedW), bRight = Close(b.ToRowMatrix(), expectedB.ToRowMatrix());
        return Check.True(id, wRight && bRight,
            wRight ? "W is right, b is not: what happens to an early layer's bias on its way through the layers above it?"
            : bRight ? "b is right, W is not: in which order do the weight matrices multiply when X enters on the left?"
            : "neither W nor b matches: run your Forward with the identity on X = 0, then on one unit input at a time, and compare");
    }

    /// <summary>
    /// Exercise 1.3 (predict, then measure): the learner predicted how many of the four XOR corners the best linear
    /// network gets right, made the network deeper (<paramref name="hiddenLayers"/> 2 or 3, the depths the lesson's
    /// later cells are measured with) and searched many random
    /// networks; correct when the prediction and the measurement agree on the true best, three corners.
    /// </summary>
    /// <param name="predicted">The learner's prediction (a negative placeholder means no answer yet).</param>
    /// <param name="hiddenLayers">Hidden layers of the linear networks searched.</param>
    /// <param name="measuredBest">The most corners any network of the search classified correctly.</param>
    public static CheckResult BestLinearCorners(int predicted, int hiddenLayers, int measuredBest)
    {
        const string id = "1.3";
        if (predicted < 0)
        {
            return NoAnswer(id);
        }

        if (predicted > 4)
        {
            return Check.True(id, false, "there are only four corners");
        }

        if (hiddenLayers < 2)
        {
            return Check.True(id, false, "make the linear network deeper (two or three hidden layers) and run the search again");
        }

        if (hiddenLayers > 3)
        {
            return Check.True(id, false, "the exercise asks for two or three hidden layers: set hiddenLayers to 2 or 3 and run the search again");
        }

        if (measuredBest > 3)
        {
            return Check.True(id, false,
                "the search reports all four corners right with identity activations: check that it runs your Forward with the identity");
        }

        if (measuredBest < 3)
        {
            return Check.True(id, false, "the search found no network that beats two corners: try more random networks");
        }

        return Check.True(id, predicted == measuredBest,
            "your prediction and the measurement disagree: what does a linear network of any depth compute, and what can one straight line do to four corners?");
    }

    /// <summary>
    /// The defining formulas of the forward pass: Z[l] = H[l]·W[l] + b[l], H[l + 1] = f(Z[l]) except after the last
    /// layer, which stays linear.
    /// </summary>
    internal static (List<Matrix<double>> Z, List<Matrix<double>> H) ReferenceForward(
        IReadOnlyList<Matrix<double>> weights, IReadOnlyList<Vector<double>> biases, Activation f, Matrix<double> x)
    {
        var z = new List<Matrix<double>>();
        var h = new List<Matrix<double>> { x };
        for (int l = 0; l < weights.Count; l++)
        {
            var zl = h[l] * weights[l];
            for (int row = 0; row < zl.RowCount; row++)
            {
                for (int col = 0; col < zl.ColumnCount; col++)
                {
                    zl[row, col] += biases[l][col];
                }
            }

            z.Add(zl);
            h.Add(l == weights.Count - 1 ? zl.Clone() : zl.Map(f.Forward));
        }

        return (z, h);
    }

    /// <summary>Weights (inputs × outputs) and biases drawn from N(0, std²), seeded, for the given widths.</summary>
    internal static (List<Matrix<double>> Weights, List<Vector<double>> Biases) RandomLayers(int[] widths, double std, int seed)
    {
        var normal = new Normal(0, std, new Random(seed));
        var weights = new List<Matrix<double>>();
        var biases = new List<Vector<double>>();
        for (int l = 1; l < widths.Length; l++)
        {
            weights.Add(Matrix<double>.Build.Random(widths[l - 1], widths[l], normal));
            biases.Add(Vector<double>.Build.Random(widths[l], normal));
        }

        return (weights, biases);
    }

    /// <summary>The placeholder verdict "not yet — no answer given" (what <see cref="Check.Number"/> says for NaN).</summary>
    internal static CheckResult NoAnswer(string id) => Check.Number(id, double.NaN, 0);

    /// <summary>Whether two matrices agree to 1e-9, relative to the larger entry.</summary>
    internal static bool Close(Matrix<double> a, Matrix<double> b)
    {
        double scale = Math.Max(1, b.Enumerate().Max(Math.Abs));
        return a.RowCount == b.RowCount && a.ColumnCount == b.ColumnCount
            && a.Enumerate().Zip(b.Enumerate(), (p, q) => Math.Abs(p - q)).All(d => d <= 1e-9 * scale);
    }

    /// <summary>Describes the first matrix of <paramref name="actual"/> that differs from <paramref name="expected"/>, or null.</summary>
    internal static string? FirstDifference(string name, IReadOnlyList<Matrix<double>> actual, IReadOnlyList<Matrix<double>> expected)
    {
        for (int l = 0; l < expected.Count; l++)
        {
            var a = actual[l];
            var e = expected[l];
            if (a is null)
            {
                return $"{name}[{l}] is missing";
            }

            if (a.RowCount != e.RowCount || a.ColumnCount != e.ColumnCount)
            {
                return $"{name}[{l}] should be {e.RowCount}×{e.ColumnCount} (samples × units), not {a.RowCount}×{a.ColumnCount}";
            }

            if (!Close(a, e))
            {
                return $"{name}[{l}] differs from the formulas (counting from 0)";
            }
        }

        return null;
    }
}
