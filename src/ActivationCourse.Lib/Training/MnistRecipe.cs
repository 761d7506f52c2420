namespace ActivationCourse.Training;

/// <summary>
/// The course's recipe for an MLP on MNIST (lesson 06, and the defaults of <c>course train</c>): a 784-256-128-10
/// network, mini-batch SGD with momentum 0.9, batches of 128, and a learning rate of 0.1 that steps down to
/// 0.03, 0.01 and 0.003 over the last three epochs.
/// </summary>
/// <example>
/// <code>
/// var net = Network.FromSpec(MnistRecipe.Spec("relu"), seed: 1);
/// var sgd = MnistRecipe.CreateOptimizer();
/// var options = new TrainerOptions { Epochs = 8, BatchSize = MnistRecipe.BatchSize, Seed = 1, Schedule = MnistRecipe.Schedule() };
/// var trainer = new Trainer(net, sgd, options);   // the rate: 0.1 ×5, 0.03, 0.01, 0.003
/// trainer.Fit(train, test);
/// </code>
/// </example>
public static class MnistRecipe
{
    /// <summary>Hidden layer sizes: 256 then 128 units.</summary>
    public static IReadOnlyList<int> HiddenSizes { get; } = [256, 128];

    /// <summary>Samples per step.</summary>
    public const int BatchSize = 128;

    /// <summary>SGD momentum (heavy ball, as PyTorch's <c>SGD(momentum=0.9)</c>).</summary>
    public const double Momentum = 0.9;

    /// <summary>The learning rate of every epoch before the step-downs.</summary>
    public const double PeakLearningRate = 0.1;

    /// <summary>Epochs of lesson 06's run.</summary>
    public const int LessonEpochs = 8;

    /// <summary>
    /// The step-downs as fractions of the peak rate, for the last epochs of a run: 0.3, 0.1, 0.03
    /// (0.03, 0.01, 0.003 at the peak 0.1). A run of <c>n</c> epochs uses the first <c>min(3, n − 1)</c> of them,
    /// so its first epoch always runs at the peak rate.
    /// </summary>
    public static IReadOnlyList<double> StepDownFactors { get; } = [0.3, 0.1, 0.03];

    /// <summary>The learning rate of one epoch of the schedule.</summary>
    /// <param name="epoch">1-based epoch, from 1 to <paramref name="epochs"/>.</param>
    /// <param name="epochs">Epochs of the whole run (≥ 1).</param>
    /// <param name="peak">The rate before the step-downs (default 0.1); the step-downs scale with it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is outside 1..<paramref name="epochs"/>, or <paramref name="peak"/> is not positive and finite.</exception>
    public static double LearningRate(int epoch, int epochs, double peak = PeakLearningRate) => Schedule(peak).RateAt(epoch, epochs);

    /// <summary>The recipe's learning-rate schedule for <see cref="TrainerOptions.Schedule"/>: <paramref name="peak"/>, stepping down by <see cref="StepDownFactors"/> over the last epochs.</summary>
    /// <param name="peak">The rate before the step-downs (default 0.1); the step-downs scale with it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="peak"/> is not positive and finite.</exception>
    public static LearningRateSchedule Schedule(double peak = PeakLearningRate) => LearningRateSchedule.StepDown(peak, StepDownFactors);

    /// <summary>The learning rate of every epoch of a run, first epoch first.</summary>
    /// <param name="epochs">Epochs of the run (≥ 1); 8 gives lesson 06's 0.1, 0.1, 0.1, 0.1, 0.1, 0.03, 0.01, 0.003.</param>
    /// <param name="peak">The rate before the step-downs (default 0.1).</param>
    public static double[] LearningRates(int epochs = LessonEpochs, double peak = PeakLearningRate) => Schedule(peak).Rates(epochs);

    /// <summary>The recipe's optimizer: SGD with momentum 0.9 at the peak rate. The trainer sets its rate per epoch from <see cref="Schedule"/>.</summary>
    /// <param name="weightDecay">L2 penalty (the recipe uses none).</param>
    public static Sgd CreateOptimizer(double weightDecay = 0) => new(PeakLearningRate, momentum: Momentum, weightDecay: weightDecay);

    /// <summary>The recipe's network: 784 inputs, <see cref="HiddenSizes"/>, 10 classes.</summary>
    /// <param name="activation">Hidden activation (default ReLU).</param>
    public static MlpSpec Spec(string activation = "relu") => new(28 * 28, HiddenSizes, 10, activation);

    /// <summary>The recipe's trainer settings: batches of 128 and the step-down <see cref="Schedule"/> over the run's epochs.</summary>
    /// <param name="seed">Seed of the shuffling.</param>
    /// <param name="epochs">Epochs of the run (default 8, lesson 06's).</param>
    /// <param name="peak">The rate before the step-downs (default 0.1).</param>
    public static TrainerOptions Options(int seed = 1, int epochs = LessonEpochs, double peak = PeakLearningRate) =>
        new() { Epochs = epochs, BatchSize = BatchSize, Seed = seed, Schedule = Schedule(peak) };
}
