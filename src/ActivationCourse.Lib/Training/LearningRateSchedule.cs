using System.Globalization;

namespace ActivationCourse.Training;

/// <summary>
/// The learning rate of each epoch of a run, which <see cref="Trainer"/> sets on its optimizer before the epoch
/// starts: constant, or a peak rate that steps down over the last epochs (lesson 06's recipe).
/// </summary>
/// <example>
/// <code>
/// var schedule = LearningRateSchedule.StepDown(0.1, [0.3, 0.1, 0.03]);
/// double[] rates = schedule.Rates(epochs: 8);   // 0.1 ×5, 0.03, 0.01, 0.003
/// </code>
/// </example>
public sealed class LearningRateSchedule
{
    private readonly double _peak;
    private readonly double[] _factors;

    private LearningRateSchedule(double peak, double[] factors)
    {
        if (!(peak > 0) || double.IsInfinity(peak))
        {
            throw new ArgumentOutOfRangeException(nameof(peak), $"The learning rate must be positive and finite (got {peak.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (factors.Any(f => !(f > 0) || double.IsInfinity(f)))
        {
            throw new ArgumentOutOfRangeException(nameof(factors), "Every step-down factor must be positive and finite.");
        }

        _peak = peak;
        _factors = factors;
    }

    /// <summary>The same rate every epoch.</summary>
    /// <param name="rate">The learning rate (positive, finite).</param>
    public static LearningRateSchedule Constant(double rate) => new(rate, []);

    /// <summary>
    /// The rate <paramref name="peak"/>, then <c>peak · factors[0]</c>, <c>peak · factors[1]</c>, … over the last
    /// epochs of a run. A run of <c>n</c> epochs uses the first <c>min(factors.Count, n − 1)</c> factors, so its first
    /// epoch always runs at the peak rate.
    /// </summary>
    /// <param name="peak">The rate before the step-downs (positive, finite).</param>
    /// <param name="factors">The step-downs as fractions of the peak, in the order they apply.</param>
    public static LearningRateSchedule StepDown(double peak, IReadOnlyList<double> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return new(peak, [.. factors]);
    }

    /// <summary>The rate before any step-down (the only rate of a constant schedule).</summary>
    public double Peak => _peak;

    /// <summary>The step-downs as fractions of the peak (empty for a constant schedule).</summary>
    public IReadOnlyList<double> Factors => _factors;

    /// <summary>The learning rate of one epoch.</summary>
    /// <param name="epoch">1-based epoch, from 1 to <paramref name="epochs"/>.</param>
    /// <param name="epochs">Epochs of the whole run (≥ 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is outside 1..<paramref name="epochs"/>.</exception>
    public double RateAt(int epoch, int epochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        if (epoch < 1 || epoch > epochs)
        {
            throw new ArgumentOutOfRangeException(nameof(epoch), $"The epoch must be between 1 and {epochs} (got {epoch}).");
        }

        int steps = Math.Min(_factors.Length, epochs - 1);
        int stepIndex = epoch - (epochs - steps) - 1;
        return stepIndex < 0 ? _peak : _peak * _factors[stepIndex];
    }

    /// <summary>The rate of every epoch of a run of <paramref name="epochs"/> epochs, first epoch first.</summary>
    /// <param name="epochs">Epochs of the run (≥ 1).</param>
    public double[] Rates(int epochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        var rates = new double[epochs];
        for (int e = 1; e <= epochs; e++)
        {
            rates[e - 1] = RateAt(e, epochs);
        }

        return rates;
    }

    /// <summary>
    /// The distinct rates of a run, peak first, without listing every epoch (a run may have a billion): the peak,
    /// then each step-down the run reaches.
    /// </summary>
    /// <param name="epochs">Epochs of the run (≥ 1).</param>
    public double[] DistinctRates(int epochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        int steps = Math.Min(_factors.Length, epochs - 1);
        return [_peak, .. _factors.Take(steps).Select(f => _peak * f)];
    }

    /// <summary>"0.1" for a constant schedule, "0.1 → 0.03 → 0.01 → 0.003" for lesson 06's over 8 epochs.</summary>
    /// <param name="epochs">Epochs of the run (≥ 1).</param>
    public string Describe(int epochs) =>
        string.Join(" → ", DistinctRates(epochs).Select(r => r.ToString("G3", CultureInfo.InvariantCulture)));
}
