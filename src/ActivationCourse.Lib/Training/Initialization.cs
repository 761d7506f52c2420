using ActivationCourse.Data;

namespace ActivationCourse.Training;

/// <summary>How a layer's weights are drawn before training (biases start at zero).</summary>
public enum Initialization
{
    /// <summary>Pick by activation: He for the ReLU family, Xavier for sigmoid and tanh, LeCun for SELU.</summary>
    Auto,

    /// <summary>Glorot and Bengio (2010): U(−a, a) with a = √(6 / (fan_in + fan_out)).</summary>
    XavierUniform,

    /// <summary>Glorot and Bengio (2010): N(0, 2 / (fan_in + fan_out)).</summary>
    XavierNormal,

    /// <summary>He et al. (2015): N(0, 2 / fan_in).</summary>
    HeNormal,

    /// <summary>He et al. (2015): U(−a, a) with a = √(6 / fan_in).</summary>
    HeUniform,

    /// <summary>LeCun (1998): N(0, 1 / fan_in), the one SELU's self-normalization assumes.</summary>
    LeCunNormal,
}

/// <summary>Draws initial weights for the <see cref="Initialization"/> schemes.</summary>
public static class Initializers
{
    /// <summary>The default scheme for an activation name: its <see cref="Activations.Activation.DefaultInitialization"/>.</summary>
    /// <param name="activation">Activation name or alias, e.g. "relu", "tanh", "selu".</param>
    /// <returns>He for the ReLU family, maxout and anything unknown, Xavier for squashing functions, LeCun for SELU.</returns>
    public static Initialization DefaultFor(string activation) =>
        Activations.ActivationRegistry.TryGet(activation, out var function) ? function.DefaultInitialization : Initialization.HeNormal;

    /// <summary>Fills <paramref name="weights"/> (fan_in × fan_out) from the scheme's distribution.</summary>
    /// <param name="weights">Destination.</param>
    /// <param name="scheme">Scheme (<see cref="Initialization.Auto"/> means He normal here).</param>
    /// <param name="fanIn">Inputs per unit.</param>
    /// <param name="fanOut">Units.</param>
    /// <param name="random">Seeded source.</param>
    public static void Fill(Span<float> weights, Initialization scheme, int fanIn, int fanOut, Random random)
    {
        switch (scheme)
        {
            case Initialization.XavierUniform:
                Uniform(weights, Math.Sqrt(6.0 / (fanIn + fanOut)), random);
                break;
            case Initialization.XavierNormal:
                Normal(weights, Math.Sqrt(2.0 / (fanIn + fanOut)), random);
                break;
            case Initialization.HeUniform:
                Uniform(weights, Math.Sqrt(6.0 / fanIn), random);
                break;
            case Initialization.LeCunNormal:
                Normal(weights, Math.Sqrt(1.0 / fanIn), random);
                break;
            default:
                Normal(weights, Math.Sqrt(2.0 / fanIn), random);
                break;
        }
    }

    private static void Uniform(Span<float> weights, double limit, Random random)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(((random.NextDouble() * 2) - 1) * limit);
        }
    }

    private static void Normal(Span<float> weights, double std, Random random)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)NormalSampler.Next(random, std);
        }
    }
}
