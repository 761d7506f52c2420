using ActivationCourse.Activations;
using ActivationCourse.Experiments;
using ActivationCourse.Training;

namespace ActivationCourse.Explorer.Model;

/// <summary>Health of one hidden layer after the latest step.</summary>
/// <param name="Index">1-based hidden layer number.</param>
/// <param name="Activation">Its activation name.</param>
/// <param name="Units">Its units.</param>
/// <param name="DeadShare">Share of units with zero derivative on every training point.</param>
/// <param name="SaturatedShare">Share of outputs in a sigmoid's or tanh's flat tails.</param>
/// <param name="GradientNorm">L2 norm of the loss gradient with respect to the layer's weights (latest batch).</param>
public sealed record LayerHealth(int Index, string Activation, int Units, double DeadShare, double SaturatedShare, double GradientNorm);

/// <summary>
/// A small MLP on a plane data set, trained one SGD step at a time with the library's <see cref="Network"/>:
/// Dense + activation per hidden layer (each layer its own activation), two softmax outputs.
/// </summary>
public sealed class TrainingSession
{
    /// <summary>Points in the training set (the test set has as many, from another seed).</summary>
    public const int Points = 200;

    private readonly Network _network;
    private readonly Sgd _optimizer;
    private readonly DenseLayer[] _hiddenDense;
    private readonly float[] _batchFeatures;
    private readonly int[] _batchLabels;
    private readonly int[] _order;
    private readonly Random _shuffle;
    private int _cursor;

    /// <summary>Builds the data and the network that <paramref name="state"/> describes.</summary>
    public TrainingSession(ExplorerState state)
    {
        Train = PlaneDataset.Generate(state.Data, Points, state.Noise, state.Seed);
        Test = PlaneDataset.Generate(state.Data, Points, state.Noise, state.Seed + 1000);
        var random = new Random(state.Seed);
        var layers = new List<Layer>();
        var dense = new List<DenseLayer>();
        int width = 2;
        foreach (var hidden in state.Layers)
        {
            int pieces = hidden.Activation == "maxout" ? 2 : 1;
            var layer = new DenseLayer(width, hidden.Units * pieces);
            layer.Initialize(Initializers.DefaultFor(hidden.Activation), random);
            layers.Add(layer);
            dense.Add(layer);
            layers.Add(hidden.Activation switch
            {
                "maxout" => new MaxoutLayer(hidden.Units, pieces),
                "prelu" => new PReLULayer(hidden.Units),
                "rrelu" => new RReLULayer(hidden.Units, seed: random.Next()),
                _ => new ActivationLayer(ActivationRegistry.Get(hidden.Activation), hidden.Units),
            });
            width = hidden.Units;
        }
        var output = new DenseLayer(width, 2);
        output.Initialize(Initialization.XavierUniform, random);
        layers.Add(output);
        _network = new Network(layers);
        _hiddenDense = [.. dense];
        Hidden = [.. state.Layers];
        _optimizer = new Sgd(state.LearningRate);
        BatchSize = Math.Min(state.BatchSize, Points);
        _batchFeatures = new float[BatchSize * 2];
        _batchLabels = new int[BatchSize];
        _order = Enumerable.Range(0, Points).ToArray();
        _shuffle = new Random(state.Seed + 7);
        Shuffle();
        Record();
    }

    /// <summary>Training points.</summary>
    public LabeledData Train { get; }

    /// <summary>Held-out points.</summary>
    public LabeledData Test { get; }

    /// <summary>The hidden layers as configured.</summary>
    public IReadOnlyList<HiddenLayer> Hidden { get; }

    /// <summary>Rows per step.</summary>
    public int BatchSize { get; }

    /// <summary>Steps taken.</summary>
    public int Steps { get; private set; }

    /// <summary>True once the loss became NaN or infinite (training stops).</summary>
    public bool Diverged { get; private set; }

    /// <summary>Step numbers of <see cref="TrainLoss"/> and <see cref="TestLoss"/>.</summary>
    public List<double> LossSteps { get; } = [];

    /// <summary>Mean cross-entropy on the training set, after each recorded step.</summary>
    public List<double> TrainLoss { get; } = [];

    /// <summary>Mean cross-entropy on the test set, after each recorded step.</summary>
    public List<double> TestLoss { get; } = [];

    /// <summary>Test accuracy at the last record.</summary>
    public double TestAccuracy { get; private set; }

    /// <summary>Per hidden layer health at the last record.</summary>
    public IReadOnlyList<LayerHealth> Health { get; private set; } = [];

    /// <summary>Takes <paramref name="count"/> SGD steps, then records losses and layer health once.</summary>
    public void Step(int count = 1)
    {
        for (int i = 0; i < count && !Diverged; i++)
        {
            if (!StepOnce())
            {
                Diverged = true;
            }
        }
        Record();
    }

    /// <summary>One SGD step without recording; false when the batch loss is not finite.</summary>
    public bool StepOnce()
    {
        for (int r = 0; r < BatchSize; r++)
        {
            if (_cursor == Points)
            {
                Shuffle();
            }
            int row = _order[_cursor++];
            _batchFeatures[2 * r] = Train.Features[2 * row];
            _batchFeatures[(2 * r) + 1] = Train.Features[(2 * row) + 1];
            _batchLabels[r] = Train.Labels[row];
        }
        var (loss, _) = _network.ComputeGradients(_batchFeatures, _batchLabels);
        if (!double.IsFinite(loss))
        {
            return false;
        }
        _lastGradientNorms = _hiddenDense.Select(d => Math.Sqrt(d.Weights.Gradient.Sum(g => (double)g * g))).ToArray();
        _optimizer.Step(_network.Parameters);
        Steps++;
        return true;
    }

    private double[] _lastGradientNorms = [];

    /// <summary>Probability of class 1 at each point of a grid (row-major, y from top).</summary>
    /// <param name="resolution">Points per side.</param>
    /// <param name="extent">The grid covers [−extent, extent]².</param>
    public float[] ClassOneProbabilities(int resolution, double extent)
    {
        var grid = new float[resolution * resolution * 2];
        for (int row = 0; row < resolution; row++)
        {
            for (int col = 0; col < resolution; col++)
            {
                int i = (row * resolution) + col;
                grid[2 * i] = (float)(-extent + ((col + 0.5) * 2 * extent / resolution));
                grid[(2 * i) + 1] = (float)(extent - ((row + 0.5) * 2 * extent / resolution));
            }
        }
        var probabilities = _network.PredictProbabilities(grid);
        var result = new float[resolution * resolution];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = probabilities[(2 * i) + 1];
        }
        return result;
    }

    private void Shuffle()
    {
        for (int i = _order.Length - 1; i > 0; i--)
        {
            int j = _shuffle.Next(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
        _cursor = 0;
    }

    private void Record()
    {
        var train = _network.Evaluate(Train);
        var test = _network.Evaluate(Test);
        LossSteps.Add(Steps);
        TrainLoss.Add(train.Loss);
        TestLoss.Add(test.Loss);
        TestAccuracy = test.Accuracy;
        if (!double.IsFinite(train.Loss))
        {
            Diverged = true;
        }
        var diagnostics = NetworkDiagnostics.Compute(_network, Train);
        var activationLayers = diagnostics.Where(d => d.Activation is not null).ToArray();
        Health = Hidden.Select((h, i) => new LayerHealth(
            i + 1,
            h.Activation,
            h.Units,
            i < activationLayers.Length ? activationLayers[i].DeadShare : double.NaN,
            i < activationLayers.Length ? activationLayers[i].SaturatedShare : double.NaN,
            i < _lastGradientNorms.Length ? _lastGradientNorms[i] : double.NaN)).ToArray();
    }
}
