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

    /// <summary>
    /// The learning rate of each epoch, set on the optimizer before the epoch starts, over <see cref="Epochs"/> epochs
    /// (later epochs, trained with <see cref="Trainer.Advance"/> or another <see cref="Trainer.Fit"/>, keep its last rate).
    /// Null leaves the optimizer's rate alone.
    /// </summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>When the run gives up (default: a step's loss is NaN or infinite).</summary>
    public DivergenceRule Divergence { get; init; } = DivergenceRule.NonFiniteLoss;

    /// <summary>
    /// Store every parameter's gradient on every step, so it can be read after the step. Without it, plain SGD
    /// (no momentum, no weight decay) updates each layer inside the backward pass and stores no weight gradient.
    /// </summary>
    public bool KeepGradients { get; init; }
}

/// <summary>Where training stands, passed to <see cref="TrainerOptions.Progress"/>.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Total epochs.</param>
/// <param name="Batch">Batches done in this epoch.</param>
/// <param name="Batches">Batches per epoch.</param>
/// <param name="RunningLoss">Mean training loss of the epoch so far.</param>
/// <param name="Completed">The epoch's record once it is finished, else null.</param>
public readonly record struct TrainingProgress(int Epoch, int Epochs, int Batch, int Batches, double RunningLoss, EpochRecord? Completed)
{
    /// <summary>The optimizer's learning rate during the epoch.</summary>
    public double LearningRate { get; init; }
}

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

    /// <summary>Why the latest run stopped early, or null if it did not diverge.</summary>
    public TrainingDivergence? Divergence { get; internal set; }

    internal void Add(EpochRecord record) => _epochs.Add(record);
}

/// <summary>Training stopped because the loss became NaN or infinite, or left the range its <see cref="DivergenceRule"/> allows.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for a step whose loss is NaN or infinite.</summary>
    /// <param name="epoch">1-based epoch.</param>
    /// <param name="step">1-based step within the epoch.</param>
    /// <param name="loss">The offending loss.</param>
    public TrainingDivergedException(int epoch, int step, double loss)
        : this(new TrainingDivergence(DivergenceKind.StepLoss, epoch, step, loss))
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="divergence">Where and why the run stopped.</param>
    public TrainingDivergedException(TrainingDivergence divergence)
        : base($"Training diverged: {divergence}. Try a smaller learning rate.")
    {
        Divergence = divergence;
    }

    /// <summary>Where and why the run stopped.</summary>
    public TrainingDivergence Divergence { get; }

    /// <summary>1-based epoch.</summary>
    public int Epoch => Divergence.Epoch;

    /// <summary>1-based step within the epoch.</summary>
    public int Step => Divergence.Step;

    /// <summary>The offending loss.</summary>
    public double Loss => Divergence.Loss;
}

/// <summary>
/// Mini-batch training of a <see cref="Network"/> with seeded shuffling, a learning-rate schedule and a divergence
/// rule: the same network seed, trainer seed and data give the same weights and history, bit for bit. It trains
/// whole runs (<see cref="Fit"/>) or a few steps at a time (<see cref="Advance"/>, for a live view), with the same
/// epochs, batches and results either way.
/// </summary>
/// <example>
/// <code>
/// var net = Network.FromSpec(new MlpSpec(784, [256, 128], 10, "relu"), seed: 1);
/// var options = new TrainerOptions { Epochs = 8, BatchSize = 128, Schedule = LearningRateSchedule.StepDown(0.1, [0.3, 0.1, 0.03]) };
/// var trainer = new Trainer(net, new Sgd(0.1, momentum: 0.9), options);
/// TrainingHistory history = trainer.Fit(train, test);
/// </code>
/// </example>
public sealed class Trainer
{
    private readonly Network _network;
    private readonly Optimizer _optimizer;
    private readonly TrainerOptions _options;
    private readonly Random _shuffle;
    private readonly BatchGather _gather = new();

    // The epoch in progress (_nextBatch < 0: none).
    private LabeledData? _data;
    private int[] _order = [];
    private float[] _features = [];
    private int[] _labels = [];
    private float[] _targets = [];
    private int _nextBatch = -1;
    private int _batches;
    private double _lossSum;
    private long _correct;
    private TimeSpan _elapsed;
    private int _reportedEpochs;

    /// <summary>Creates a trainer.</summary>
    /// <param name="network">The network to train (updated in place).</param>
    /// <param name="optimizer">The update rule.</param>
    /// <param name="options">Epochs, batch size, seed, schedule, divergence rule, progress.</param>
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

        ArgumentNullException.ThrowIfNull(_options.Divergence, nameof(options));
        _shuffle = new Random(_options.Seed);
    }

    /// <summary>The history of the runs so far.</summary>
    public TrainingHistory History { get; } = new();

    /// <summary>Training steps taken so far (diverged steps excluded).</summary>
    public long Steps { get; private set; }

    /// <summary>
    /// Trains for <see cref="TrainerOptions.Epochs"/> epochs (finishing first an epoch that <see cref="Advance"/> left
    /// half done), evaluating on <paramref name="test"/> after each.
    /// </summary>
    /// <param name="train">Training samples.</param>
    /// <param name="test">Held-out samples (optional).</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <returns>The history (also in <see cref="History"/>).</returns>
    /// <exception cref="TrainingDivergedException">The <see cref="TrainerOptions.Divergence"/> rule stopped the run (also in <see cref="TrainingHistory.Divergence"/>).</exception>
    public TrainingHistory Fit(LabeledData train, LabeledData? test = null, CancellationToken cancellationToken = default)
    {
        CheckData(train, test);
        History.Divergence = null;
        _reportedEpochs = History.Epochs.Count + _options.Epochs;
        while (History.Epochs.Count < _reportedEpochs)
        {
            RunEpoch(train, test, int.MaxValue, cancellationToken);
            if (History.Divergence is { } divergence)
            {
                throw new TrainingDivergedException(divergence);
            }
        }

        return History;
    }

    /// <summary>
    /// Takes up to <paramref name="steps"/> training steps, continuing the epoch in progress and starting new ones as
    /// needed (shuffled, scheduled and recorded as in <see cref="Fit"/>). Stops early, without throwing, when the
    /// run diverges; after that it takes no more steps.
    /// </summary>
    /// <param name="train">Training samples (the same set for every call of an epoch).</param>
    /// <param name="steps">Steps to take (≥ 0).</param>
    /// <param name="test">Held-out samples, evaluated when an epoch finishes (optional).</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <returns>The steps taken (fewer than <paramref name="steps"/> only if the run diverged).</returns>
    public int Advance(LabeledData train, int steps, LabeledData? test = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        CheckData(train, test);
        int taken = 0;
        while (taken < steps && History.Divergence is null)
        {
            _reportedEpochs = Math.Max(_options.Epochs, History.Epochs.Count + 1);
            taken += RunEpoch(train, test, steps - taken, cancellationToken);
        }

        return taken;
    }

    private void CheckData(LabeledData train, LabeledData? test)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Dimensions != _network.Inputs)
        {
            throw new ArgumentException($"The training data has {train.Dimensions} features per row; the network takes {_network.Inputs}.");
        }

        if (_nextBatch >= 0 && !ReferenceEquals(train, _data))
        {
            throw new InvalidOperationException("An epoch is in progress on another training set; finish it with that set.");
        }

        _network.CheckData(train);
        if (test is not null)
        {
            _network.CheckData(test);
        }
    }

    /// <summary>Runs up to <paramref name="maxSteps"/> steps of the current epoch (starting one if needed) and finishes it if it ends.</summary>
    private int RunEpoch(LabeledData train, LabeledData? test, int maxSteps, CancellationToken cancellationToken)
    {
        if (_nextBatch < 0)
        {
            StartEpoch(train);
        }

        int epoch = History.Epochs.Count + 1;
        int batch = _options.BatchSize;
        int dims = train.Dimensions;
        int width = train.TargetWidth;
        int end = (int)Math.Min(_batches, (long)_nextBatch + maxSteps);
        int taken = 0;
        long start = Stopwatch.GetTimestamp();
        for (int b = _nextBatch; b < end; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int offset = b * batch;
            int rows = Math.Min(batch, train.Count - offset);
            _gather.Run(train, _order, offset, rows, _features, _labels, _targets);
            var (loss, right) = Step(train.HasTargets, rows, dims, width);
            if (!double.IsFinite(loss))
            {
                History.Divergence = new TrainingDivergence(DivergenceKind.StepLoss, epoch, b + 1, loss);
                _nextBatch = -1;
                return taken;
            }

            taken++;
            Steps++;
            _lossSum += loss * rows;
            _correct += right;
            if (_options.ReportEveryBatch && _options.Progress is { } report)
            {
                report(new TrainingProgress(epoch, _reportedEpochs, b + 1, _batches, _lossSum / (offset + rows), null) { LearningRate = _optimizer.LearningRate });
            }
        }

        _elapsed += Stopwatch.GetElapsedTime(start);
        _nextBatch = end;
        if (end == _batches)
        {
            FinishEpoch(epoch, train, test);
        }

        return taken;
    }

    private (double Loss, int Correct) Step(bool hasTargets, int rows, int dims, int width)
    {
        var features = _features.AsSpan(0, rows * dims);
        if (_options.KeepGradients)
        {
            var result = hasTargets
                ? _network.ComputeGradients(features, (ReadOnlySpan<float>)_targets.AsSpan(0, rows * width))
                : _network.ComputeGradients(features, (ReadOnlySpan<int>)_labels.AsSpan(0, rows));
            if (double.IsFinite(result.Loss))
            {
                _optimizer.Step(_network.Parameters);
            }

            return result;
        }

        return hasTargets
            ? _network.TrainStep(features, default, _targets.AsSpan(0, rows * width), _optimizer)
            : _network.TrainStep(features, _labels.AsSpan(0, rows), default, _optimizer);
    }

    private void StartEpoch(LabeledData train)
    {
        int batch = _options.BatchSize;
        if (!ReferenceEquals(train, _data) || _order.Length != train.Count)
        {
            _data = train;
            _order = new int[train.Count];
            _features = new float[batch * train.Dimensions];
            _labels = new int[train.HasTargets ? 0 : batch];
            _targets = new float[batch * train.TargetWidth];
        }

        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        if (_options.Shuffle)
        {
            for (int i = _order.Length - 1; i > 0; i--)
            {
                int j = _shuffle.Next(i + 1);
                (_order[i], _order[j]) = (_order[j], _order[i]);
            }
        }

        if (_options.Schedule is { } schedule)
        {
            int epoch = History.Epochs.Count + 1;
            _optimizer.LearningRate = schedule.RateAt(Math.Min(epoch, _options.Epochs), _options.Epochs);
        }

        _network.Prepare(batch);
        _batches = (train.Count + batch - 1) / batch;
        _nextBatch = 0;
        _lossSum = 0;
        _correct = 0;
        _elapsed = TimeSpan.Zero;
    }

    private void FinishEpoch(int epoch, LabeledData train, LabeledData? test)
    {
        _nextBatch = -1;
        var evaluation = test is null ? null : _network.Evaluate(test);
        var record = new EpochRecord(
            epoch,
            _lossSum / train.Count,
            _network.Loss.DecisionsPerRow(_network.Outputs) is int perRow and > 0 ? (double)_correct / ((long)train.Count * perRow) : double.NaN,
            evaluation?.Loss ?? double.NaN,
            evaluation?.Accuracy ?? double.NaN,
            _elapsed.TotalSeconds);
        History.Add(record);
        _options.Progress?.Invoke(new TrainingProgress(epoch, _reportedEpochs, _batches, _batches, record.TrainLoss, record) { LearningRate = _optimizer.LearningRate });
        if (_options.Divergence.CheckEpoch(record, test is not null) is DivergenceKind kind)
        {
            double loss = kind == DivergenceKind.TestLoss ? record.TestLoss : record.TrainLoss;
            History.Divergence = new TrainingDivergence(kind, epoch, _batches, loss);
        }
    }
}
