using System.Numerics;
using System.Numerics.Tensors;

namespace ActivationCourse.Activations;

/// <summary>
/// Softmax over each row of a row-major batch: p[j] = e^(z[j]/T) / Σₖ e^(z[k]/T), computed stably
/// (the row maximum is subtracted first, so [1000, 1001, 1002] is fine). T is the temperature (default 1).
/// The output may be the same span as the input.
/// </summary>
public static class Softmax
{
    /// <summary>
    /// The smallest temperature accepted: 1e-30. Below it 1/T overflows float (above 1/3.4e38 ≈ 2.9e-39) or double
    /// (1e-320 is subnormal and 1/T = ∞), and 0·∞ makes the row's largest entry NaN. At T = 1e-30 softmax is already an arg max.
    /// </summary>
    public const double MinTemperature = 1e-30;

    /// <summary>Row-wise softmax of <paramref name="logits"/> (rows of <paramref name="classes"/> values).</summary>
    /// <remarks>
    /// Each step is one TensorPrimitives call (its exp uses the widest vectors the machine has): the row maximum,
    /// z − max (scaled by 1/T), the exponentials, their sum, and the division by Σ (as TensorPrimitives.SoftMax does). A
    /// fused pass over our own 256-bit exp measured slower. Float and double share one generic body.
    /// </remarks>
    public static void Forward(ReadOnlySpan<float> logits, int classes, Span<float> probabilities, double temperature = 1.0) =>
        Forward<float>(logits, classes, probabilities, temperature);

    /// <inheritdoc cref="Forward(ReadOnlySpan{float}, int, Span{float}, double)"/>
    public static void Forward(ReadOnlySpan<double> logits, int classes, Span<double> probabilities, double temperature = 1.0) =>
        Forward<double>(logits, classes, probabilities, temperature);

    /// <summary>
    /// Row-wise log-softmax: log p[j] = (z[j] − m)/T − log Σₖ e^((z[k] − m)/T), m the row maximum. Never −∞ for finite input
    /// unless p underflows in the exponent itself. Computed in double for both element types.
    /// </summary>
    public static void LogForward(ReadOnlySpan<float> logits, int classes, Span<float> logProbabilities, double temperature = 1.0) =>
        LogForward<float>(logits, classes, logProbabilities, temperature);

    /// <inheritdoc cref="LogForward(ReadOnlySpan{float}, int, Span{float}, double)"/>
    public static void LogForward(ReadOnlySpan<double> logits, int classes, Span<double> logProbabilities, double temperature = 1.0) =>
        LogForward<double>(logits, classes, logProbabilities, temperature);

    private static void Forward<T>(ReadOnlySpan<T> logits, int classes, Span<T> probabilities, double temperature)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Validate(logits.Length, probabilities.Length, classes, temperature);
        for (int r = 0; r < logits.Length; r += classes)
        {
            ReadOnlySpan<T> z = logits.Slice(r, classes);
            Span<T> p = probabilities.Slice(r, classes);
            TensorPrimitives.Subtract(z, TensorPrimitives.Max(z), p);
            if (temperature != 1.0)
            {
                TensorPrimitives.Multiply(p, T.CreateTruncating(1.0 / temperature), p);
            }

            TensorPrimitives.Exp(p, p);
            TensorPrimitives.Divide(p, TensorPrimitives.Sum<T>(p), p);
        }
    }

    private static void LogForward<T>(ReadOnlySpan<T> logits, int classes, Span<T> logProbabilities, double temperature)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Validate(logits.Length, logProbabilities.Length, classes, temperature);
        for (int r = 0; r < logits.Length; r += classes)
        {
            ReadOnlySpan<T> z = logits.Slice(r, classes);
            Span<T> lp = logProbabilities.Slice(r, classes);
            double max = double.CreateTruncating(TensorPrimitives.Max(z));
            double sum = 0;
            for (int j = 0; j < classes; j++)
            {
                sum += Math.Exp((double.CreateTruncating(z[j]) - max) / temperature);
            }
            double logSum = Math.Log(sum);
            for (int j = 0; j < classes; j++)
            {
                lp[j] = T.CreateTruncating((double.CreateTruncating(z[j]) - max) / temperature - logSum);
            }
        }
    }

    internal static void Validate(int inputLength, int outputLength, int classes, double temperature = 1.0)
    {
        if (classes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "The number of classes must be positive.");
        }
        if (!(temperature >= MinTemperature) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature,
                $"The temperature must be finite and at least {MinTemperature:G} (smaller ones overflow 1/T and give NaN).");
        }
        Check.SameLength(inputLength, outputLength, "logits", "output");
        if (inputLength % classes != 0)
        {
            throw new ArgumentException($"The logits length {inputLength} is not a multiple of the class count {classes}.", "logits");
        }
    }
}
