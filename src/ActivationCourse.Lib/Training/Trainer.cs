using System.Diagnostics;
using ActivationCourse.Data;

namespace ActivationCourse.Training;

/// <summary>Settings of a <see cref="Trainer"/> run.</summary>
public sealed class TrainerOptions
{
    /// <summary>Passes over the training set (≥ 1).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Samples per step (≥ 1). The last batch of an epoch may be smaller.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Seed of the shuffling (the network's initialization has its own seed).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Shuffle the training set each epoch.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Called after every batch (if <see cref="ReportEveryBatch"/>) and after every epoch.</summary>
    public Action<TrainingProgress>? Progress { get; init; }

    /// <summary>Report every batch, not only finished epochs.</summary>
    public bool ReportEveryBatch { get; init; }
}

/// <summary>Where training stands, passed to <see cref="TrainerOptions.Progress"/>.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Total epochs.</param>
/// <param name="Batch">Batches done in this epoch.</param>
/// <param name="Batches">Batches per epoch.</param>
/// <param name="RunningLoss">Mean training loss of the epoch so far.</param>
/// <param name="Completed">The epoch's record once it is finished, else null.</param>
public readonly record struct TrainingProgress(int Epoch, int Epochs, int Batch, int Batches, double RunningLoss, EpochRecord? Completed);

/// <summary>One epoch of a <see cref="TrainingHistory"/>.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="TrainLoss">Mean loss over the epoch's batches (weights changing as it goes, as Keras reports it).</param>
/// <param name="TrainAccuracy">Accuracy over the epoch's batches.</param>
/// <param name="TestLoss">Loss on the test set after the epoch (NaN without one).</param>
/// <param name="TestAccuracy">Accuracy on the test set after the epoch (NaN without one).</param>
/// <param name="Seconds">Wall time of the epoch's training steps (evaluation excluded).</param>
public sealed record EpochRecord(int Epoch, double TrainLoss, double TrainAccuracy, double TestLoss, double TestAccuracy, double Seconds);

/// <summary>The per-epoch records of a run.</summary>
public sealed class TrainingHistory
{
    private readonly List<EpochRecord> _epochs = [];

    /// <summary>The epochs so far.</summary>
    public IReadOnlyList<EpochRecord> Epochs => _epochs;

    /// <summary>The last epoch (null before the first finishes).</summary>
    public EpochRecord? Last => _epochs.Count == 0 ? null : _epochs[^1];

    internal void Add(EpochRecord record) => _epochs.Add(record);
}

/// <summary>Training stopped because the loss became NaN or infinite.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="epoch">1-based epoch.</param>
    /// <param name="step">1-based step within the epoch.</param>
    /// <param name="loss">The offending loss.</param>
    public TrainingDivergedException(int epoch, int step, double loss)
        : base($"Training diverged at epoch {epoch}, step {step}: the loss is {loss}. Try a smaller learning rate.")
    {
        Epoch = epoch;
        Step = step;
        Loss = loss;
    }

    /// <summary>1-based epoch.</summary>
    public int Epoch { get; }

    /// <summary>1-based step within the epoch.</summary>
    public int Step { get; }

    /// <summary>The loss (NaN or ±∞).</summary>
    public double Loss { get; }
}

/// <summary>
/// Mini-batch training of a <see cref="Network"/> with seeded shuffling: the same network seed, trainer seed
/// and data give the same weights and history, bit for bit.
/// </summary>
/// <example>
/// <code>
/// var net = Network.FromSpec(new MlpSpec(784, [256, 128], 10, "relu"), seed: 1);
/// var trainer = new Trainer(net, new Adam(0.001), new TrainerOptions { Epochs = 3, BatchSize = 128 });
/// TrainingHistory history = trainer.Fit(train, test);
/// </code>
/// </example>
public sealed class Trainer
{
    private readonly Network _network;
    private readonly Optimizer _optimizer;
    private readonly TrainerOptions _options;
    private readonly Random _shuffle;

    /// <summary>Creates a trainer.</summary>
    /// <param name="network">The network to train (updated in place).</param>
    /// <param name="optimizer">The update rule.</param>
    /// <param name="options">Epochs, batch size, seed, progress.</param>
    public Trainer(Network network, Optimizer optimizer, TrainerOptions? options = null)
    {
        _network = network ?? throw new ArgumentNullException(nameof(network));
        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        _options = options ?? new TrainerOptions();
        if (_options.Epochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Epochs must be at least 1 (got {_options.Epochs}).");
        }

        if (_options.BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"The batch size must be at least 1 (got {_options.BatchSize}).");
        }

        _shuffle = new Random(_options.Seed);
    }

    /// <summary>The history of the runs so far.</summary>
    public TrainingHistory History { get; } = new();

    /// <summary>Trains for <see cref="TrainerOptions.Epochs"/> epochs, evaluating on <paramref name="test"/> after each.</summary>
    /// <param name="train">Training samples.</param>
    /// <param name="test">Held-out samples (optional).</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <returns>The history (also in <see cref="History"/>).</returns>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public TrainingHistory Fit(LabeledData train, LabeledData? test = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Dimensions != _network.Inputs)
        {
            throw new ArgumentException($"The training data has {train.Dimensions} features per row; the network takes {_network.Inputs}.");
        }

        _network.CheckData(train);
        if (test is not null)
        {
            _network.CheckData(test);
        }

        int batch = _options.BatchSize;
        int dims = train.Dimensions;
        int batches = (train.Count + batch - 1) / batch;
        var order = new int[train.Count];
        var features = new float[batch * dims];
        var labels = new int[train.HasTargets ? 0 : batch];
        var targets = new float[batch * train.TargetWidth];
        var gather = new BatchGather();
        _network.Prepare(batch);
        int firstEpoch = History.Epochs.Count + 1;

        for (int epoch = firstEpoch; epoch < firstEpoch + _options.Epochs; epoch++)
        {
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            if (_options.Shuffle)
            {
                for (int i = order.Length - 1; i > 0; i--)
                {
                    int j = _shuffle.Next(i + 1);
                    (order[i], order[j]) = (order[j], order[i]);
                }
            }

            long start = Stopwatch.GetTimestamp();
            double lossSum = 0;
            long correct = 0;
            for (int b = 0; b < batches; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int offset = b * batch;
                int rows = Math.Min(batch, train.Count - offset);
                gather.Run(train, order, offset, rows, features, labels, targets);

                var (loss, right) = train.HasTargets
                    ? _network.TrainStep(features.AsSpan(0, rows * dims), default, targets.AsSpan(0, rows * train.TargetWidth), _optimizer)
                    : _network.TrainStep(features.AsSpan(0, rows * dims), labels.AsSpan(0, rows), default, _optimizer);
                if (!double.IsFinite(loss))
                {
                    throw new TrainingDivergedException(epoch, b + 1, loss);
                }

                lossSum += loss * rows;
                correct += right;
                if (_options.ReportEveryBatch && _options.Progress is { } report)
                {
                    report(new TrainingProgress(epoch, firstEpoch + _options.Epochs - 1, b + 1, batches, lossSum / (offset + rows), null));
                }
            }

            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var evaluation = test is null ? null : _network.Evaluate(test);
            var record = new EpochRecord(
                epoch,
                lossSum / train.Count,
                _network.Loss.DecisionsPerRow(_network.Outputs) is int perRow and > 0 ? (double)correct / ((long)train.Count * perRow) : double.NaN,
                evaluation?.Loss ?? double.NaN,
                evaluation?.Accuracy ?? double.NaN,
                seconds);
            History.Add(record);
            _options.Progress?.Invoke(new TrainingProgress(epoch, firstEpoch + _options.Epochs - 1, batches, batches, record.TrainLoss, record));
        }

        return History;
    }
}
