namespace ActivationCourse.Training;

/// <summary>Turns an <see cref="MlpSpec"/> into initialized layers (the hidden layers come from <see cref="HiddenLayers"/>).</summary>
internal static class MlpBuilder
{
    public static Network Build(MlpSpec spec, int seed)
    {
        var random = new Random(seed);
        string activation = HiddenLayers.Canonical(spec.Activation);
        var parameters = spec.HiddenParameters();
        var layers = new List<Layer>();
        int width = spec.Inputs;
        foreach (int units in spec.Hidden)
        {
            var dense = new DenseLayer(width, HiddenLayers.DenseOutputs(activation, units, spec.MaxoutPieces));
            dense.Initialize(spec.HiddenInitialization, random);
            layers.Add(dense);
            // Only RReLU draws a seed (as it always did), so every other network keeps its initial weights.
            int rreluSeed = activation == "rrelu" ? random.Next() : 0;
            layers.Add(HiddenLayers.Create(activation, units, parameters, spec.MaxoutPieces, rreluSeed));
            width = units;
        }

        var output = new DenseLayer(width, spec.Outputs);
        output.Initialize(Initialization.XavierUniform, random);
        layers.Add(output);
        return new Network(layers, spec.Loss) { Spec = spec };
    }
}
