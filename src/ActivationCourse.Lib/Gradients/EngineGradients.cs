using ActivationCourse.Training;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Gradients;

/// <summary>How one of the engine's parameters' gradients compares with a reference gradient.</summary>
/// <param name="Name">The parameter and its layer, "W1", "b1", "W2", ...</param>
/// <param name="Rows">Rows of the parameter.</param>
/// <param name="Columns">Columns of the parameter.</param>
/// <param name="LargestDifference">The largest |reference − engine| over the parameter's entries.</param>
/// <param name="LargestGradient">The largest |reference| over the parameter's entries.</param>
public sealed record GradientAgreement(string Name, int Rows, int Columns, double LargestDifference, double LargestGradient);

/// <summary>
/// Lesson 06: compares the engine's float gradients (each <see cref="Parameter.Gradient"/> after
/// <c>Network.ComputeGradients</c>) with the gradients of a double-precision network written by hand,
/// parameter by parameter.
/// </summary>
public static class EngineGradients
{
    /// <summary>One row per engine parameter, in the engine's order W1, b1, W2, b2, ...</summary>
    /// <param name="engine">The engine's parameters, weights and bias of each dense layer in turn, gradients filled.</param>
    /// <param name="dW">The reference weight gradients, one inputs × units matrix per layer.</param>
    /// <param name="dB">The reference bias gradients, one vector per layer.</param>
    public static IReadOnlyList<GradientAgreement> Compare(IReadOnlyList<Parameter> engine, IReadOnlyList<Matrix<double>> dW, IReadOnlyList<Vector<double>> dB)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(dW);
        ArgumentNullException.ThrowIfNull(dB);
        if (engine.Count != 2 * dW.Count || dW.Count != dB.Count)
        {
            throw new ArgumentException($"expected a weight and a bias gradient per layer: {engine.Count} engine parameters, {dW.Count} dW, {dB.Count} dB");
        }

        var rows = new List<GradientAgreement>(engine.Count);
        for (int p = 0; p < engine.Count; p++)
        {
            var parameter = engine[p];
            int layer = p / 2;
            Func<int, int, double> reference = p % 2 == 0 ? (i, j) => dW[layer][i, j] : (_, j) => dB[layer][j];
            double worst = 0, size = 0;
            for (int i = 0; i < parameter.Rows; i++)
            {
                for (int j = 0; j < parameter.Columns; j++)
                {
                    double value = reference(i, j);
                    worst = Math.Max(worst, Math.Abs(value - parameter.Gradient[(i * parameter.Columns) + j]));
                    size = Math.Max(size, Math.Abs(value));
                }
            }

            rows.Add(new GradientAgreement($"{parameter.Name}{layer + 1}", parameter.Rows, parameter.Columns, worst, size));
        }

        return rows;
    }
}
