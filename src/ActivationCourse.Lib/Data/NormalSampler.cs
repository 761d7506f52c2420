namespace ActivationCourse.Data;

/// <summary>
/// Normal samples from a seeded <see cref="Random"/> (Box–Muller): the one sampler of the library, so that every
/// generator draws the same sequence from the same seed.
/// </summary>
internal static class NormalSampler
{
    /// <summary>One N(0, <paramref name="std"/>²) sample; draws two uniforms from <paramref name="rng"/>.</summary>
    public static double Next(Random rng, double std = 1.0)
    {
        var u1 = 1.0 - rng.NextDouble(); // in (0, 1]: the log is finite
        var u2 = rng.NextDouble();
        return std * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
