using System.Globalization;

namespace ActivationCourse.Training;

/// <summary>When <see cref="Trainer"/> gives up on a run because the loss left the range where training works.</summary>
/// <example>
/// <code>
/// // course train's rule: a NaN/∞ step loss, a NaN/∞ test loss, or an epoch's training loss above 10 · ln 10.
/// var rule = DivergenceRule.Exploded(10 * Math.Log(10));
/// </code>
/// </example>
public sealed record DivergenceRule
{
    /// <summary>Stops only when a step's loss is NaN or infinite (the default).</summary>
    public static DivergenceRule NonFiniteLoss { get; } = new();

    /// <summary>
    /// Stops when a step's loss is NaN or infinite, when a finished epoch's mean training loss is above
    /// <paramref name="maxEpochLoss"/>, or when its test loss is NaN or infinite.
    /// </summary>
    /// <param name="maxEpochLoss">The largest mean training loss of an epoch that still counts as training (positive).</param>
    public static DivergenceRule Exploded(double maxEpochLoss)
    {
        if (!(maxEpochLoss > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxEpochLoss), $"The loss bound must be positive (got {maxEpochLoss.ToString(CultureInfo.InvariantCulture)}).");
        }

        return new() { MaxEpochLoss = maxEpochLoss, CheckTestLoss = true };
    }

    /// <summary>The largest mean training loss of a finished epoch that still counts as training (∞: no bound).</summary>
    public double MaxEpochLoss { get; private init; } = double.PositiveInfinity;

    /// <summary>Whether a NaN or infinite test loss after an epoch stops the run.</summary>
    public bool CheckTestLoss { get; private init; }

    /// <summary>What diverged after a finished epoch, or null if the epoch is fine.</summary>
    internal DivergenceKind? CheckEpoch(EpochRecord record, bool tested) =>
        CheckTestLoss && tested && !double.IsFinite(record.TestLoss) ? DivergenceKind.TestLoss
        : record.TrainLoss > MaxEpochLoss ? DivergenceKind.EpochLoss
        : null;
}

/// <summary>Which loss made a run stop.</summary>
public enum DivergenceKind
{
    /// <summary>A training step's loss was NaN or infinite.</summary>
    StepLoss,

    /// <summary>A finished epoch's mean training loss was above <see cref="DivergenceRule.MaxEpochLoss"/>.</summary>
    EpochLoss,

    /// <summary>The test loss after an epoch was NaN or infinite.</summary>
    TestLoss,
}

/// <summary>Where and why a run diverged.</summary>
/// <param name="Kind">Which loss made it stop.</param>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Step">1-based step within the epoch (the epoch's last step for the epoch checks).</param>
/// <param name="Loss">The offending loss (the step's, the epoch's mean training loss, or the test loss).</param>
public sealed record TrainingDivergence(DivergenceKind Kind, int Epoch, int Step, double Loss)
{
    /// <summary>One sentence, e.g. "the loss became NaN at epoch 2, step 17".</summary>
    public override string ToString() => Kind switch
    {
        DivergenceKind.StepLoss => string.Create(CultureInfo.InvariantCulture, $"the loss became {Loss} at epoch {Epoch}, step {Step}"),
        DivergenceKind.TestLoss => string.Create(CultureInfo.InvariantCulture, $"the test loss after epoch {Epoch} is {Loss}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"after epoch {Epoch} the training loss is {Loss:G4}"),
    };
}
