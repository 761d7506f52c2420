using ActivationCourse.Training.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Lib.Tests.Training.Diagnostics;

public class DeepStackProbeTests
{
    [Fact]
    public void ShapesAndSeeding()
    {
        var a = DeepStackProbe.Run(FormulaActivations.Tanh, depth: 4, width: 6, weightStd: 0.5, batchSize: 5, seed: 2);
        var b = DeepStackProbe.Run(FormulaActivations.Tanh, depth: 4, width: 6, weightStd: 0.5, batchSize: 5, seed: 2);
        Assert.Equal(4, a.Depth);
        Assert.Equal(6, a.Width);
        Assert.Equal(5, a.BatchSize);
        Assert.Equal(4, a.WeightGradientNorms.Count);
        Assert.Equal(a.WeightGradientNorms, b.WeightGradientNorms);
        Assert.Equal(5, a.Outputs[3].RowCount);
        Assert.Equal(a.Input, a.LayerInput(0));
        Assert.Equal(a.Outputs[1], a.LayerInput(2));
    }

    [Fact]
    public void ForwardPassMatchesTheDefinition()
    {
        var p = DeepStackProbe.Run(FormulaActivations.Sigmoid, depth: 3, width: 4, weightStd: 1, batchSize: 2, seed: 9);
        Matrix<double> h = p.Input;
        for (int l = 0; l < 3; l++)
        {
            h = (h * p.Weights[l]).Map(x => 1 / (1 + Math.Exp(-x)));
            Assert.True((h - p.Outputs[l]).Enumerate().Max(Math.Abs) < 1e-12);
        }
    }

    [Fact]
    public void WeightGradientsMatchFiniteDifferences()
    {
        // L = Σ g ⊙ h_L with the probe's read-out g = dL/dh_L; perturb one weight of the first layer.
        var p = DeepStackProbe.Run(FormulaActivations.Tanh, depth: 3, width: 3, weightStd: 0.8, batchSize: 4, seed: 4);
        Matrix<double> g = p.OutputGradients[^1];
        double Loss(Matrix<double>[] weights)
        {
            Matrix<double> h = p.Input;
            foreach (var w in weights)
            {
                h = (h * w).Map(Math.Tanh);
            }

            return h.PointwiseMultiply(g).Enumerate().Sum();
        }

        var analytic = p.LayerInput(0).Transpose() * p.Deltas[0];
        const double step = 1e-6;
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                var plus = p.Weights.Select(w => w.Clone()).ToArray();
                var minus = p.Weights.Select(w => w.Clone()).ToArray();
                plus[0][i, j] += step;
                minus[0][i, j] -= step;
                double numeric = (Loss(plus) - Loss(minus)) / (2 * step);
                Assert.Equal(analytic[i, j], numeric, 6);
            }
        }

        Assert.Equal(analytic.FrobeniusNorm(), p.WeightGradientNorms[0], 10);
    }

    [Fact]
    public void StepFactorSplitsIntoWeightAndActivationParts()
    {
        var p = DeepStackProbe.Run(FormulaActivations.Sigmoid, depth: 6, width: 32, weightStd: 3.0 / Math.Sqrt(32), batchSize: 64, seed: 1);
        for (int l = 1; l < p.Depth; l++)
        {
            Assert.Equal(p.StepFactor(l), p.WeightPart(l) * p.ActivationPart(l), 10);
            Assert.True(p.ActivationPart(l) <= 0.25);
        }

        // With weights three times the Glorot scale the sigmoid's error shrinks by less than a quarter per layer.
        Assert.Contains(Enumerable.Range(1, p.Depth - 1), l => p.StepFactor(l) > 0.25);
    }

    [Fact]
    public void LargeWeightsSaturateTanhAndSmallOnesDoNot()
    {
        var large = DeepStackProbe.Run(FormulaActivations.Tanh, depth: 3, width: 64, weightStd: 1, batchSize: 32, seed: 3);
        var small = DeepStackProbe.Run(FormulaActivations.Tanh, depth: 3, width: 64, weightStd: 0.01, batchSize: 32, seed: 3);
        Assert.True(large.SaturatedShare(2, -0.97, 0.97) > 0.5);
        Assert.Equal(0, small.SaturatedShare(2, -0.97, 0.97));
        Assert.InRange(small.MeanDerivative(2), 0.99, 1);
    }

    [Fact]
    public void RejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeepStackProbe.Run(FormulaActivations.Tanh, 0, 4, 1, 4, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeepStackProbe.Run(FormulaActivations.Tanh, 2, 4, double.NaN, 4, 1));
    }
}
