using ActivationCourse.Training.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Lib.Tests.Training.Diagnostics;

public class WeightGradientSignsTests
{
    private static Matrix<double> M(double[,] values) => Matrix<double>.Build.DenseOfArray(values);

    [Fact]
    public void PositiveInputsGiveSingleSignedPairs()
    {
        // Two examples, two positive inputs, two units; δ of unit 1 is 0 for example 1 (neither sign).
        var h = M(new[,] { { 0.2, 0.7 }, { 0.9, 0.1 } });
        var delta = M(new[,] { { -1.0, 2.0 }, { 3.0, 0.0 } });
        var signs = WeightGradientSigns.Of(h, delta);
        Assert.Equal(3, signs.SingleSignedPairs);
        Assert.Equal(4, signs.Pairs);
        Assert.Equal(0, signs.FirstPositive);
        Assert.Equal(2, signs.FirstNegative);
        Assert.Equal(0.1, signs.SmallestInput);
    }

    [Fact]
    public void MixedUnitsCountColumnsOfTheBatchSumWithBothSigns()
    {
        // Hᵀδ = [[0.2·(−1) + 0.9·3, 0.2·2], [0.7·(−1) + 0.1·3, 0.7·2]] = [[2.5, 0.4], [−0.4, 1.4]]: unit 0 mixes, unit 1 does not.
        var h = M(new[,] { { 0.2, 0.7 }, { 0.9, 0.1 } });
        var delta = M(new[,] { { -1.0, 2.0 }, { 3.0, 0.0 } });
        Assert.Equal(1, WeightGradientSigns.CountMixedUnits(h, delta));
        Assert.Equal(1, WeightGradientSigns.Of(h, delta).MixedUnits);
    }

    [Fact]
    public void InputsOfBothSignsGiveNoSingleSignedPair()
    {
        var h = M(new[,] { { -0.5, 0.5 }, { 0.3, -0.2 } });
        var delta = M(new[,] { { 1.0 }, { -2.0 } });
        var signs = WeightGradientSigns.Of(h, delta);
        Assert.Equal(0, signs.SingleSignedPairs);
        Assert.Equal((1, 1), (signs.FirstPositive, signs.FirstNegative));
    }

    [Fact]
    public void RowCountsMustMatch()
    {
        Assert.Throws<ArgumentException>(() => WeightGradientSigns.Of(M(new double[2, 2]), M(new double[3, 1])));
    }
}
