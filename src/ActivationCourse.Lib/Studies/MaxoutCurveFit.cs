using ActivationCourse.Data;
using ActivationCourse.Training;

namespace ActivationCourse.Studies;

/// <summary>
/// Fits a curve y = f(x) with a layer of maxout units: x → a dense layer of units·pieces affine pieces → a
/// <see cref="MaxoutLayer"/> → a linear output, trained on the mean squared error. Random starts can leave a piece
/// that never wins and so never learns, which is why <see cref="FitBest"/> trains from several seeds and keeps the best.
/// </summary>
public static class MaxoutCurveFit
{
    /// <summary>
    /// The untrained network, drawn from one generator seeded with <paramref name="seed"/>: the pieces' weights
    /// He-uniform, their biases uniform in [−1, 1] (to spread the kinks over the inputs), then the output layer
    /// Xavier-uniform.
    /// </summary>
    /// <param name="units">Maxout units.</param>
    /// <param name="pieces">Affine pieces per unit (k).</param>
    /// <param name="seed">Seed of the generator.</param>
    public static Network Build(int units, int pieces, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pieces, 1);
        var random = new Random(seed);
        var first = new DenseLayer(1, units * pieces);
        first.Initialize(Initialization.HeUniform, random);
        for (int j = 0; j < units * pieces; j++)
        {
            first.Bias.Value[j] = (float)((random.NextDouble() * 2) - 1);
        }
        var output = new DenseLayer(units, 1);
        output.Initialize(Initialization.XavierUniform, random);
        return new Network([first, new MaxoutLayer(units, pieces), output], Loss.MeanSquaredError);
    }

    /// <summary>
    /// Trains <see cref="Build"/>(units, pieces, seed) for every seed with Adam (batches of 8, shuffled with seed 1) and
    /// returns the network with the lowest mean squared error on <paramref name="data"/>, and that error.
    /// </summary>
    /// <param name="data">Samples of one input and one target.</param>
    /// <param name="units">Maxout units.</param>
    /// <param name="pieces">Affine pieces per unit (k).</param>
    /// <param name="seeds">The starts to try.</param>
    /// <param name="learningRate">Adam's learning rate.</param>
    /// <param name="epochs">Epochs per start.</param>
    public static (Network Network, double Error) FitBest(LabeledData data, int units, int pieces, IReadOnlyList<int> seeds, double learningRate, int epochs)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentOutOfRangeException.ThrowIfZero(seeds.Count);
        (Network Network, double Error) best = (null!, double.PositiveInfinity);
        foreach (int seed in seeds)
        {
            var net = Build(units, pieces, seed);
            new Trainer(net, new Adam(learningRate), new TrainerOptions { Epochs = epochs, BatchSize = 8, Seed = 1 }).Fit(data);
            double error = net.Evaluate(data).Loss;
            if (best.Network is null || error < best.Error)
            {
                best = (net, error);
            }
        }
        return best;
    }
}
