using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Training.Diagnostics;

/// <summary>
/// The signs of one dense layer's weight gradients. For example <c>e</c> and unit <c>j</c> the gradient of the unit's
/// weights is ∂L/∂W[:, j] = h_e · δ_ej: the layer's input row times one number, so when every input is positive (sigmoid
/// outputs) all of them share the sign of δ_ej. Summed over the batch, Hᵀδ, a unit's column can mix signs again.
/// </summary>
/// <param name="SingleSignedPairs">(example, unit) pairs whose weight gradients are all positive or all negative (a zero counts as neither).</param>
/// <param name="Pairs">Examples × units.</param>
/// <param name="MixedUnits">Units whose batch-summed gradient column Hᵀδ has at least one positive and one negative entry.</param>
/// <param name="FirstPositive">Positive entries of the gradient of example 0, unit 0.</param>
/// <param name="FirstNegative">Negative entries of the gradient of example 0, unit 0.</param>
/// <param name="SmallestInput">The smallest entry of the layer's input H.</param>
public sealed record WeightGradientSigns(int SingleSignedPairs, int Pairs, int MixedUnits, int FirstPositive, int FirstNegative, double SmallestInput)
{
    /// <summary>Counts the signs for a layer with input <paramref name="inputs"/> (examples × inputs) and error signal
    /// <paramref name="deltas"/> (examples × units), one row per example in both.</summary>
    public static WeightGradientSigns Of(Matrix<double> inputs, Matrix<double> deltas)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(deltas);
        if (inputs.RowCount != deltas.RowCount)
        {
            throw new ArgumentException($"inputs have {inputs.RowCount} rows and deltas {deltas.RowCount}: one row per example in both.", nameof(deltas));
        }

        int examples = inputs.RowCount, units = deltas.ColumnCount, singleSigned = 0;
        for (int e = 0; e < examples; e++)
        {
            var row = inputs.Row(e);
            for (int j = 0; j < units; j++)
            {
                var gradient = row * deltas[e, j];
                if (gradient.All(v => v > 0) || gradient.All(v => v < 0))
                {
                    singleSigned++;
                }
            }
        }

        var first = inputs.Row(0) * deltas[0, 0];
        return new WeightGradientSigns(singleSigned, examples * units, CountMixedUnits(inputs, deltas),
            first.Count(v => v > 0), first.Count(v => v < 0), inputs.Enumerate().Min());
    }

    /// <summary>Units whose batch-summed weight gradient Hᵀδ has entries of both signs.</summary>
    public static int CountMixedUnits(Matrix<double> inputs, Matrix<double> deltas)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(deltas);
        var summed = inputs.Transpose() * deltas;
        return Enumerable.Range(0, summed.ColumnCount).Count(j => summed.Column(j).Any(v => v > 0) && summed.Column(j).Any(v => v < 0));
    }
}
