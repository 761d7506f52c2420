using ActivationCourse.Activations;
using ActivationCourse.Exercises;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Lib.Tests.Exercises;

public class Lesson02Tests
{
    private enum Mistake
    {
        None,
        NoDerivative,
        DerivativeOnLastLayer,
        DerivativeAtOutput,
        WeightsNotTransposed,
    }

    // Written like the lesson's solution, with one typical mistake switched on at a time; Z and H come from the check.
    private static (List<Matrix<double>> DW, List<Vector<double>> DB) Solution(
        IReadOnlyList<Matrix<double>> w, Activation f, List<Matrix<double>> z, List<Matrix<double>> h, Matrix<double> dZLast, Mistake mistake)
    {
        var dW = new Matrix<double>[w.Count];
        var dB = new Vector<double>[w.Count];
        var delta = mistake == Mistake.DerivativeOnLastLayer ? dZLast.PointwiseMultiply(f.Derivative(z[^1])) : dZLast;
        for (int l = w.Count - 1; l >= 0; l--)
        {
            dW[l] = h[l].Transpose() * delta;
            dB[l] = delta.ColumnSums();
            if (l > 0)
            {
                var back = mistake == Mistake.WeightsNotTransposed ? delta * w[l] : delta * w[l].Transpose();
                delta = mistake switch
                {
                    Mistake.NoDerivative => back,
                    Mistake.DerivativeAtOutput => back.PointwiseMultiply(f.Derivative(h[l])),
                    _ => back.PointwiseMultiply(f.Derivative(z[l - 1])),
                };
            }
        }

        return ([.. dW], [.. dB]);
    }

    [Fact]
    public void SteepnessAcceptsFour() => Assert.True(Lesson02.Steepness(4).Passed);

    [Fact]
    public void SteepnessRejectsTheSlopeOfTheStandardSigmoid() => Assert.False(Lesson02.Steepness(0.25).Passed);

    [Fact]
    public void SteepnessRejectsOne() => Assert.False(Lesson02.Steepness(1).Passed);

    [Fact]
    public void BackwardAcceptsTheChainRule() =>
        Assert.True(Lesson02.Backward((w, b, f, z, h, d) => Solution(w, f, z, h, d, Mistake.None)).Passed);

    [Fact]
    public void BackwardRejectsAForgottenDerivative() =>
        Assert.False(Lesson02.Backward((w, b, f, z, h, d) => Solution(w, f, z, h, d, Mistake.NoDerivative)).Passed);

    [Fact]
    public void BackwardRejectsADerivativeOnTheLinearLastLayer() =>
        Assert.False(Lesson02.Backward((w, b, f, z, h, d) => Solution(w, f, z, h, d, Mistake.DerivativeOnLastLayer)).Passed);

    [Fact]
    public void BackwardRejectsBiasGradientsAveragedInsteadOfSummed()
    {
        var r = Lesson02.Backward((w, b, f, z, h, d) =>
        {
            var (dW, dB) = Solution(w, f, z, h, d, Mistake.None);
            return (dW, [.. dB.Select(v => v / d.RowCount)]);
        });
        Assert.False(r.Passed);
        Assert.Contains("dB", r.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BackwardRejectsTheDerivativeTakenAtTheLayerOutput() =>
        Assert.False(Lesson02.Backward((w, b, f, z, h, d) => Solution(w, f, z, h, d, Mistake.DerivativeAtOutput)).Passed);

    [Fact]
    public void BackwardRejectsWeightsNotTransposed()
    {
        // δ·W instead of δ·Wᵀ does not even fit the shapes of the check's layers of different widths.
        var r = Lesson02.Backward((w, b, f, z, h, d) => Solution(w, f, z, h, d, Mistake.WeightsNotTransposed));
        Assert.False(r.Passed);
    }

    [Fact]
    public void BackwardWithEmptyListsIsNoAnswer() =>
        Assert.Equal(CheckOutcome.NoAnswer, Lesson02.Backward((w, b, f, z, h, d) => ([], [])).Outcome);

    [Fact]
    public void BackwardThatThrowsIsNotYet() =>
        Assert.Equal(CheckOutcome.NotYet, Lesson02.Backward((w, b, f, z, h, d) => throw new InvalidOperationException("unfinished")).Outcome);

    [Fact]
    public void ReferenceBackwardMatchesCenteredDifferences()
    {
        // L = Σ dZLast ⊙ Z_last, so dL/dW is what Backward returns; check one weight of every layer numerically.
        var (w, b) = Lesson01.RandomLayers([3, 4, 5, 2], 0.9, 5);
        var x = Matrix<double>.Build.Random(4, 3, new MathNet.Numerics.Distributions.Normal(0, 1, new Random(6)));
        var dZ = Matrix<double>.Build.Random(4, 2, new MathNet.Numerics.Distributions.Normal(0, 1, new Random(7)));
        var f = new Sigmoid();
        double Loss() => Lesson01.ReferenceForward(w, b, f, x).Z[^1].PointwiseMultiply(dZ).Enumerate().Sum();
        var (dW, dB) = Lesson02.ReferenceBackward(w, b, f, x, dZ);
        const double h = 1e-6;
        for (int l = 0; l < w.Count; l++)
        {
            double saved = w[l][1, 1];
            w[l][1, 1] = saved + h;
            double up = Loss();
            w[l][1, 1] = saved - h;
            double down = Loss();
            w[l][1, 1] = saved;
            Assert.Equal((up - down) / (2 * h), dW[l][1, 1], 1e-7);

            double savedB = b[l][0];
            b[l][0] = savedB + h;
            up = Loss();
            b[l][0] = savedB - h;
            down = Loss();
            b[l][0] = savedB;
            Assert.Equal((up - down) / (2 * h), dB[l][0], 1e-7);
        }
    }

    [Fact]
    public void ChainSlopeAcceptsTheProductAlongTheChain()
    {
        var s = new Sigmoid();
        double input = 0, slope = 1;
        for (int k = 0; k < 5; k++)
        {
            slope *= s.Forward(input) * (1 - s.Forward(input));
            input = s.Forward(input);
        }

        Assert.True(Lesson02.ChainSlope(slope).Passed);
    }

    [Fact]
    public void ChainSlopeRejectsAQuarterToTheFifth() => Assert.False(Lesson02.ChainSlope(Math.Pow(0.25, 5)).Passed);

    [Fact]
    public void ChainSlopeRejectsOneQuarter() => Assert.False(Lesson02.ChainSlope(0.25).Passed);

    private static CheckResult Gain(string prediction, double gain) =>
        Lesson02.TanhGain(prediction, Lesson02.FirstToLastRatio(new Tanh(), 1), gain, Lesson02.FirstToLastRatio(new Tanh(), gain));

    [Fact]
    public void TanhGainAcceptsTheRightPredictionAndAGainThatKeepsTheRatioNearOne() => Assert.True(Gain("below", 1.2).Passed);

    [Fact]
    public void TanhGainRejectsThePredictionThatGlorotKeepsTheSignal() =>
        // "Glorot keeps the variance, so it keeps the gradient": tanh′ < 1 away from 0 still shrinks the error signal.
        Assert.False(Gain("within", 1.2).Passed);

    [Fact]
    public void TanhGainRejectsGlorotAsTheGain() => Assert.False(Gain("below", 1.0).Passed);

    [Fact]
    public void TanhGainRejectsSmallWeights() =>
        // "Small weights cannot saturate, so they are safe": the signal shrinks at every layer instead.
        Assert.False(Gain("below", 0.5).Passed);

    [Fact]
    public void TanhGainRejectsAGainThatOvercompensates() =>
        // "tanh′ < 1 shrinks the gradient, so make the weights much larger": the weights then amplify it.
        Assert.False(Gain("below", 2.0).Passed);

    [Fact]
    public void TanhGainAnswersAVeryLargeGainWithTheAmplifyHint()
    {
        // A learner trying "much larger weights": the rounding of a correct backward pass grows with the ratio, and the
        // hint must be about the weights, not about a changed measurement.
        double ratio = Lesson02.FirstToLastRatio(new Tanh(), 20);
        var result = Lesson02.TanhGain("below", Lesson02.FirstToLastRatio(new Tanh(), 1), 20, ratio * (1 + 5e-7));
        Assert.False(result.Passed);
        Assert.Contains("amplify", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TanhGainRejectsAMeasurementThatIsNotTheStacks() =>
        Assert.False(Lesson02.TanhGain("below", Lesson02.FirstToLastRatio(new Tanh(), 1), 1.2, 1.0).Passed);

    [Fact]
    public void TanhGainPlaceholderIsNoAnswer() => Assert.Equal(CheckOutcome.NoAnswer, Lesson02.TanhGain("", double.NaN, double.NaN, double.NaN).Outcome);

    [Fact]
    public void ChainSlopeAcceptsAProductOfFourDigitFactors() =>
        Assert.True(Lesson02.ChainSlope(0.25 * 0.2350 * 0.2273 * 0.2253 * 0.2248).Passed);

    [Fact]
    public void MixedSignsRejectsPositiveOutputs() => Assert.False(Lesson02.MixedSigns('D', 2, 40).Passed);

    [Fact]
    public void MixedSignsRejectsTheRightLetterMeasuredWhereNothingMixes() => Assert.False(Lesson02.MixedSigns('C', 15, 0).Passed);

    [Fact]
    public void RecheckShowsBothVerdictsAndNoAnswerForPlaceholders()
    {
        var summary = MyNetwork.Recheck((w, b, f, x) => ([], [x]), (w, b, f, z, h, d) => ([], []));
        Assert.Equal(["1.1", "2.2"], summary.Results.Select(r => r.Exercise));
        Assert.All(summary.Results, r => Assert.Equal(CheckOutcome.NoAnswer, r.Outcome));
    }

    [Fact]
    public void MixedSignsAcceptsTheExplanationBackedByAMeasurement() => Assert.True(Lesson02.MixedSigns('C', 2, 40).Passed);

    [Fact]
    public void MixedSignsRejectsTheBatchIsTooSmall() => Assert.False(Lesson02.MixedSigns('A', 2, 40).Passed);

    [Fact]
    public void MixedSignsRejectsThePositiveDerivative() => Assert.False(Lesson02.MixedSigns('B', 2, 40).Passed);

    [Fact]
    public void MixedSignsRejectsTheRightLetterWithoutTheMeasurement() => Assert.False(Lesson02.MixedSigns('C', 10, 0).Passed);

    [Fact]
    public void MixedSignsPlaceholderIsNoAnswer() => Assert.Equal(CheckOutcome.NoAnswer, Lesson02.MixedSigns(' ', 10, 0).Outcome);

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(-3)]
    public void MixedSignsRejectsALayerOutsideTheStack(int layer) => Assert.False(Lesson02.MixedSigns('C', layer, 40).Passed);

    [Fact]
    public void MixedSignsAcceptsTheLastLayerThatFeedsAnother() => Assert.True(Lesson02.MixedSigns('C', Lesson02.SignLayers, 3).Passed);
}
