using ActivationCourse.Activations;
using ActivationCourse.Exercises;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Lib.Tests.Exercises;

public class Lesson01Tests
{
    private static Matrix<double> AddBias(Matrix<double> z, Vector<double> b)
    {
        var result = z.Clone();
        for (int r = 0; r < z.RowCount; r++)
        {
            result.SetRow(r, z.Row(r) + b);
        }

        return result;
    }

    // Written like the lesson's solution, without the library's reference.
    private static (List<Matrix<double>> Z, List<Matrix<double>> H) Solution(
        IReadOnlyList<Matrix<double>> w, IReadOnlyList<Vector<double>> b, Activation f, Matrix<double> x, bool activateLast = false,
        bool withBias = true, bool keepInput = true)
    {
        var z = new List<Matrix<double>>();
        var h = new List<Matrix<double>> { x };
        for (int l = 0; l < w.Count; l++)
        {
            var zl = h[^1] * w[l];
            if (withBias)
            {
                zl = AddBias(zl, b[l]);
            }

            z.Add(zl);
            h.Add(l < w.Count - 1 || activateLast ? f.Forward(zl) : zl);
        }

        return (z, keepInput ? h : h.Skip(1).ToList());
    }

    [Fact]
    public void ForwardAcceptsTheSolution() => Assert.True(Lesson01.Forward((w, b, f, x) => Solution(w, b, f, x)).Passed);

    [Fact]
    public void ForwardWithEmptyListsIsNoAnswer() =>
        Assert.Equal(CheckOutcome.NoAnswer, Lesson01.Forward((w, b, f, x) => ([], [])).Outcome);

    [Fact]
    public void ForwardRejectsAnActivatedLastLayer() =>
        Assert.False(Lesson01.Forward((w, b, f, x) => Solution(w, b, f, x, activateLast: true)).Passed);

    [Fact]
    public void ForwardRejectsAForgottenBias() =>
        Assert.False(Lesson01.Forward((w, b, f, x) => Solution(w, b, f, x, withBias: false)).Passed);

    [Fact]
    public void ForwardRejectsHWithoutTheInput()
    {
        var r = Lesson01.Forward((w, b, f, x) => Solution(w, b, f, x, keepInput: false));
        Assert.False(r.Passed);
        Assert.Contains("H should hold", r.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ForwardThatThrowsIsNotYetAndDoesNotCrash()
    {
        // W·H instead of H·W: the shapes do not chain.
        var r = Lesson01.Forward((w, b, f, x) => ([w[0] * x], [x]));
        Assert.Equal(CheckOutcome.NotYet, r.Outcome);
    }

    private static readonly Matrix<double>[] StackW =
    [
        Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, 0 }, { -1, 0.5, 3 } }),
        Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 0, -1 }, { 1, 1 } }),
        Matrix<double>.Build.DenseOfArray(new double[,] { { 1 }, { -2 } }),
    ];

    private static readonly Vector<double>[] StackB =
    [
        Vector<double>.Build.Dense([0.5, -1, 2]), Vector<double>.Build.Dense([1, 0.25]), Vector<double>.Build.Dense([-3.0]),
    ];

    [Fact]
    public void CollapseAcceptsTheProductAndTheBiasPushedThrough()
    {
        var w = StackW[0] * StackW[1] * StackW[2];
        var b = (((StackB[0] * StackW[1]) + StackB[1]) * StackW[2]) + StackB[2];
        Assert.True(Lesson01.Collapse(StackW, StackB, w, b).Passed);
    }

    [Fact]
    public void CollapseAcceptsAnAnswerReadOffTheNetworkItself()
    {
        // The affine map's value at 0 is b; at each unit input it is that row of W plus b.
        Vector<double> Run(Vector<double> x) => StackW.Zip(StackB).Aggregate(x, (h, layer) => (h * layer.First) + layer.Second);
        var b = Run(Vector<double>.Build.Dense(2));
        var w = Matrix<double>.Build.DenseOfRowVectors(Run(Vector<double>.Build.Dense([1.0, 0])) - b, Run(Vector<double>.Build.Dense([0, 1.0])) - b);
        Assert.True(Lesson01.Collapse(StackW, StackB, w, b).Passed);
    }

    [Fact]
    public void CollapseRejectsTheLastBiasAlone()
    {
        // Forgetting that earlier biases pass through the layers above them.
        var r = Lesson01.Collapse(StackW, StackB, StackW[0] * StackW[1] * StackW[2], StackB[2]);
        Assert.False(r.Passed);
        Assert.Contains("W is right, b is not", r.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CollapseRejectsAForgottenMiddleBias()
    {
        var r = Lesson01.Collapse(StackW, StackB, StackW[0] * StackW[1] * StackW[2], (StackB[0] * StackW[1] * StackW[2]) + StackB[2]);
        Assert.False(r.Passed);
    }

    [Fact]
    public void CollapseRejectsTheColumnConventionsTransposedW()
    {
        // W_L⋯W_1 of the column convention, transposed into outputs × inputs.
        var w = (StackW[0] * StackW[1] * StackW[2]).Transpose();
        var b = (((StackB[0] * StackW[1]) + StackB[1]) * StackW[2]) + StackB[2];
        var r = Lesson01.Collapse(StackW, StackB, w, b);
        Assert.False(r.Passed);
        Assert.Contains("inputs × outputs", r.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CollapsePlaceholderIsNoAnswer() =>
        Assert.Equal(CheckOutcome.NoAnswer, Lesson01.Collapse(StackW, StackB, null, null).Outcome);

    [Fact]
    public void BestLinearCornersAcceptsThreeMeasuredInADeeperNetwork() =>
        Assert.True(Lesson01.BestLinearCorners(predicted: 3, hiddenLayers: 3, measuredBest: 3).Passed);

    [Fact]
    public void BestLinearCornersRejectsBeliefThatDepthSolvesXor() =>
        Assert.False(Lesson01.BestLinearCorners(predicted: 4, hiddenLayers: 3, measuredBest: 3).Passed);

    [Fact]
    public void BestLinearCornersRejectsTheCoinFlipBelief() =>
        Assert.False(Lesson01.BestLinearCorners(predicted: 2, hiddenLayers: 3, measuredBest: 3).Passed);

    [Fact]
    public void BestLinearCornersRejectsADepthTheLessonIsNotMeasuredWith() =>
        Assert.False(Lesson01.BestLinearCorners(predicted: 3, hiddenLayers: 6, measuredBest: 3).Passed);

    [Fact]
    public void BestLinearCornersAcceptsTwoHiddenLayers() =>
        Assert.True(Lesson01.BestLinearCorners(predicted: 3, hiddenLayers: 2, measuredBest: 3).Passed);

    [Fact]
    public void BestLinearCornersRejectsAnUnchangedSetting() =>
        Assert.False(Lesson01.BestLinearCorners(predicted: 3, hiddenLayers: 1, measuredBest: 3).Passed);

    [Fact]
    public void BestLinearCornersRejectsABrokenSearch() =>
        Assert.False(Lesson01.BestLinearCorners(predicted: 4, hiddenLayers: 3, measuredBest: 4).Passed);

    [Fact]
    public void BestLinearCornersPlaceholderIsNoAnswer() =>
        Assert.Equal(CheckOutcome.NoAnswer, Lesson01.BestLinearCorners(predicted: -1, hiddenLayers: 1, measuredBest: 3).Outcome);
}
