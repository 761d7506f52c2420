using ActivationCourse.Activations;
using ActivationCourse.Data;
using ActivationCourse.Training;

namespace ActivationCourse.Explorer.Model;

/// <summary>Health of one hidden layer after the latest step.</summary>
/// <param name="Index">1-based hidden layer number.</param>
/// <param name="Activation">Its activation name.</param>
/// <param name="Units">Its units.</param>
/// <param name="DeadShare">Share of units with zero derivative on every training point that are not saturated.</param>
/// <param name="SaturatedShare">Share of outputs in a sigmoid's or tanh's flat tails.</param>
/// <param name="GradientNorm">L2 norm of the loss gradient with respect to the layer's weights (latest batch).</param>
/// <param name="SaturatedUnits">Units saturated on most training points (see <see cref="UnitMap.Saturated"/>).</param>
public sealed record LayerHealth(int Index, string Activation, int Units, double DeadShare, double SaturatedShare, double GradientNorm, int SaturatedUnits = 0)
{
    /// <summary>Dead units (rounded from <see cref="DeadShare"/>).</summary>
    public int DeadUnits => (int)Math.Round(DeadShare * Units);
}

/// <summary>
/// A small MLP on a plane data set, trained one SGD step at a time with the library's <see cref="Network"/>:
/// Dense + activation per hidden layer (each layer its own activation), two softmax outputs.
/// </summary>
public sealed class TrainingSession
{
    /// <summary>Points in the training set (the test set has as many, from another seed).</summary>
    public const int Points = 200;

    /// <summary>Loss points the chart keeps at most: past that, every other one is dropped and the interval doubles.</summary>
    public const int MaxLossPoints = 64;

    /// <summary>Grid points per side of each hidden unit's map.</summary>
    public const int MapResolution = 12;

    /// <summary>The plane the maps and the decision boundary cover: [−Extent, Extent]².</summary>
    public const double Extent = 1.6;

    private readonly Network _network;
    private readonly Trainer _trainer;
    private readonly DenseLayer[] _hiddenDense;
    private int _recordEvery = 10;
    private bool _recording;

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
            var layer = new DenseLayer(width, HiddenLayers.DenseOutputs(hidden.Activation, hidden.Units));
            layer.Initialize(Initializers.DefaultFor(hidden.Activation), random);
            layers.Add(layer);
            dense.Add(layer);
            // Only RReLU draws a seed, so the other networks keep the weights their links always showed.
            int seed = hidden.Activation == "rrelu" ? random.Next() : 0;
            layers.Add(HiddenLayers.Create(hidden.Activation, hidden.Units, seed: seed));
            width = hidden.Units;
        }
        var output = new DenseLayer(width, 2);
        output.Initialize(Initialization.XavierUniform, random);
        layers.Add(output);
        _network = new Network(layers);
        _hiddenDense = [.. dense];
        Hidden = [.. state.Layers];
        Dense = [.. dense, output];
        BatchSize = Math.Min(state.BatchSize, Points);
        // The library's training loop, a few steps per frame: it shuffles each epoch, keeps the weight gradients for
        // the health panel and stops at a NaN or infinite loss; its per-step report records the loss curve.
        _trainer = new Trainer(_network, new Sgd(state.LearningRate, weightDecay: state.WeightDecay), new TrainerOptions
        {
            BatchSize = BatchSize,
            Seed = state.Seed + 7,
            Schedule = LearningRateSchedule.Constant(state.LearningRate),
            KeepGradients = true,
            ReportEveryBatch = true,
            Progress = OnStep,
        });
        RecordLoss();
        Refresh();
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
    public int Steps => (int)_trainer.Steps;

    /// <summary>True once the loss became NaN or infinite (training stops).</summary>
    public bool Diverged { get; private set; }

    /// <summary>The dense layers, input side first, the output layer last (the diagram's edges).</summary>
    public IReadOnlyList<DenseLayer> Dense { get; }

    /// <summary>Each hidden unit's map and state at the last <see cref="Refresh"/>.</summary>
    public IReadOnlyList<UnitMap> Maps { get; private set; } = [];

    /// <summary>Train loss at the last <see cref="Refresh"/>.</summary>
    public double CurrentTrainLoss { get; private set; }

    /// <summary>Test loss at the last <see cref="Refresh"/>.</summary>
    public double CurrentTestLoss { get; private set; }

    /// <summary>Step number at the last <see cref="Refresh"/>.</summary>
    public int RefreshedAt { get; private set; }

    /// <summary>
    /// Step numbers of <see cref="TrainLoss"/> and <see cref="TestLoss"/>: every few steps, the interval set by step
    /// counts alone, so a link replays the same curve however the frames fell.
    /// </summary>
    public List<double> LossSteps { get; } = [];

    /// <summary>Mean cross-entropy on the training set, after each recorded step.</summary>
    public List<double> TrainLoss { get; } = [];

    /// <summary>Mean cross-entropy on the test set, after each recorded step.</summary>
    public List<double> TestLoss { get; } = [];

    /// <summary>Test accuracy at the last <see cref="Refresh"/>.</summary>
    public double TestAccuracy { get; private set; }

    /// <summary>Per hidden layer health at the last <see cref="Refresh"/>.</summary>
    public IReadOnlyList<LayerHealth> Health { get; private set; } = [];

    /// <summary>Takes <paramref name="count"/> SGD steps (recording the loss on its schedule), then refreshes what the view shows.</summary>
    public void Step(int count = 1)
    {
        Advance(count);
        Refresh();
    }

    /// <summary>
    /// Takes up to <paramref name="count"/> SGD steps, recording the losses every few steps (deterministically),
    /// and draws nothing; stops early when training diverges.
    /// </summary>
    public void Advance(int count)
    {
        _recording = true;
        try
        {
            _trainer.Advance(Train, count);
        }
        finally
        {
            _recording = false;
        }
        Diverged |= _trainer.History.Divergence is not null;
    }

    /// <summary>One SGD step without recording; false when the batch loss is not finite.</summary>
    public bool StepOnce()
    {
        bool stepped = _trainer.Advance(Train, 1) == 1;
        Diverged |= !stepped;
        return stepped;
    }

    /// <summary>Probability of class 1 at each point of a grid (row-major, y from top).</summary>
    /// <param name="resolution">Points per side.</param>
    /// <param name="extent">The grid covers [−extent, extent]².</param>
    public float[] ClassOneProbabilities(int resolution, double extent)
    {
        var probabilities = _network.PredictProbabilities(UnitMaps.PlaneGrid(resolution, extent));
        var result = new float[resolution * resolution];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = probabilities[(2 * i) + 1];
        }
        return result;
    }

    private void OnStep(TrainingProgress progress)
    {
        if (_recording && progress.Completed is null && Steps % _recordEvery == 0)
        {
            RecordLoss();
        }
    }

    private void RecordLoss()
    {
        LossSteps.Add(Steps);
        TrainLoss.Add(_network.Evaluate(Train).Loss);
        TestLoss.Add(_network.Evaluate(Test).Loss);
        if (LossSteps.Count > MaxLossPoints)
        {
            // Keep step 0 and every other point; record half as often from now on.
            foreach (var list in new[] { LossSteps, TrainLoss, TestLoss })
            {
                var kept = list.Where((_, i) => i % 2 == 0).ToList();
                list.Clear();
                list.AddRange(kept);
            }
            _recordEvery *= 2;
        }
    }

    /// <summary>Computes what the view shows: current losses, accuracy, each unit's map and each layer's health.</summary>
    public void Refresh()
    {
        RefreshedAt = Steps;
        // The latest batch's weight gradients, read before anything else overwrites them.
        var norms = _hiddenDense.Select(d => Math.Sqrt(d.Weights.Gradient.Sum(g => (double)g * g))).ToArray();
        var train = _network.Evaluate(Train);
        var test = _network.Evaluate(Test);
        CurrentTrainLoss = train.Loss;
        CurrentTestLoss = test.Loss;
        TestAccuracy = test.Accuracy;
        if (!double.IsFinite(train.Loss))
        {
            Diverged = true;
        }
        Maps = UnitMaps.Compute(_network, Train, MapResolution, Extent);
        var byLayer = Maps.GroupBy(m => m.Layer).Select(g => g.ToArray()).ToArray();
        Health = Hidden.Select((h, i) =>
        {
            var units = i < byLayer.Length ? byLayer[i] : [];
            return new LayerHealth(
                i + 1,
                h.Activation,
                h.Units,
                units.Length == 0 ? double.NaN : (double)units.Count(u => u.Dead) / units.Length,
                units.Length == 0 ? double.NaN : units.Average(u => u.SaturatedShare),
                Steps > 0 && i < norms.Length ? norms[i] : double.NaN,
                units.Count(u => u.Saturated));
        }).ToArray();
    }
}
