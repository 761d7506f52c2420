namespace ActivationCourse.Gradients;

/// <summary>
/// The arithmetic behind RReLU's two conventions. Xu et al. (2015) divide a negative input by a ~ U(l, u) in training and
/// by (l + u)/2 at test time; PyTorch multiplies by a ~ U(lower, upper) and uses (lower + upper)/2 in evaluation. Dividing
/// by the mean is not the same as the mean of the division: E[1/a] ≠ 1/E[a] (Jensen's inequality makes E[1/a] larger).
/// </summary>
public static class RandomSlopeAverages
{
    /// <summary>E[1/a] for a ~ U(<paramref name="lower"/>, <paramref name="upper"/>), exactly: ln(u/l) / (u − l).</summary>
    /// <param name="lower">Lower end l &gt; 0.</param>
    /// <param name="upper">Upper end u &gt; l.</param>
    public static double MeanOfReciprocal(double lower, double upper)
    {
        if (!(lower > 0) || !(upper > lower))
        {
            throw new ArgumentException($"Need 0 < lower < upper; got lower = {lower}, upper = {upper}.");
        }
        return Math.Log(upper / lower) / (upper - lower);
    }

    /// <summary>1 / E[a] = 2 / (l + u): the deterministic test-time factor of the paper's convention.</summary>
    /// <param name="lower">Lower end l.</param>
    /// <param name="upper">Upper end u.</param>
    public static double ReciprocalOfMean(double lower, double upper) => 2 / (lower + upper);

    /// <summary>The sample mean of 1/a over <paramref name="samples"/> draws a ~ U(l, u), to check <see cref="MeanOfReciprocal"/>.</summary>
    /// <param name="lower">Lower end l &gt; 0.</param>
    /// <param name="upper">Upper end u &gt; l.</param>
    /// <param name="samples">Number of draws.</param>
    /// <param name="seed">Seed of the generator.</param>
    public static double SampledMeanOfReciprocal(double lower, double upper, int samples, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var rng = new Random(seed);
        var sum = 0.0;
        for (var i = 0; i < samples; i++)
        {
            sum += 1 / (lower + ((upper - lower) * rng.NextDouble()));
        }
        return sum / samples;
    }
}
