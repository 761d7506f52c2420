using ActivationCourse.Activations;
using ActivationCourse.Training;

namespace ActivationCourse.Experiments;

/// <summary>
/// Builds the multilayer perceptrons of the lessons from an <see cref="MlpSpec"/> with the engine's public layers:
/// dense layers initialized by the spec's scheme (output layer Xavier uniform, biases zero), element-wise
/// activations from the <see cref="ActivationRegistry"/>, and <see cref="MaxoutUnitsLayer"/> for "maxout".
/// </summary>
public static class StudyNetworks
{
    /// <summary>Builds and initializes the network (same spec and seed, same weights).</summary>
    /// <param name="spec">Sizes, activation, initialization.</param>
    /// <param name="seed">Seed of the initialization.</param>
    public static Network Build(MlpSpec spec, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var random = new Random(seed);
        var layers = new List<Layer>();
        int width = spec.Inputs;
        bool maxout = spec.Activation == "maxout";
        foreach (int units in spec.Hidden)
        {
            var dense = new DenseLayer(width, maxout ? units * spec.MaxoutPieces : units);
            dense.Initialize(spec.HiddenInitialization, random);
            layers.Add(dense);
            layers.Add(maxout ? new MaxoutUnitsLayer(units, spec.MaxoutPieces) : new ActivationLayer(ActivationRegistry.Get(spec.Activation), units));
            width = units;
        }

        var output = new DenseLayer(width, spec.Outputs);
        output.Initialize(Initialization.XavierUniform, random);
        layers.Add(output);
        return new Network(layers);
    }
}
