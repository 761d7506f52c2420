using System.Globalization;
using System.Text;
using ActivationCourse.Activations;
using ActivationCourse.Data;
using ActivationCourse.Plotting;
using ActivationCourse.Reports;
using ActivationCourse.Training;
using ActivationCourse.Training.Diagnostics;

namespace ActivationCourse.Studies;

/// <summary>The fixed part of a <see cref="DeadUnitSweep"/>: network, budget and momentum.</summary>
public sealed record DeadUnitSweepOptions
{
    /// <summary>Hidden layer widths.</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [256, 128];

    /// <summary>Hidden activation.</summary>
    public string Activation { get; init; } = "relu";

    /// <summary>Passes over the training set per learning rate ("a short training").</summary>
    public int Epochs { get; init; } = 2;

    /// <summary>Samples per step.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>SGD momentum (0: plain SGD).</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Seed of the initialization and the shuffling (the same for every learning rate).</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>The outcome for one learning rate.</summary>
/// <param name="LearningRate">SGD's learning rate (0 stands for the untrained network).</param>
/// <param name="DeadShare">Per hidden activation layer, input side first: the share of units whose derivative is 0 on every training sample.</param>
/// <param name="TestAccuracy">Test accuracy after the training.</param>
/// <param name="Diverged">True if the loss became NaN or infinite (training stopped there).</param>
/// <param name="Network">The network as the training left it.</param>
public sealed record DeadUnitPoint(double LearningRate, IReadOnlyList<double> DeadShare, double TestAccuracy, bool Diverged, Network Network);

/// <summary>
/// Dead units against the learning rate: trains the same network (same seed) with SGD at each learning rate for a
/// few epochs, then counts, per hidden layer, the units that are never active on the training set (for ReLU:
/// pre-activation ≤ 0 on every sample, so the unit passes no gradient and cannot recover by itself).
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class DeadUnitSweep : IHtmlRenderable
{
    private DeadUnitSweep(DeadUnitSweepOptions options, DeadUnitPoint initial, IReadOnlyList<DeadUnitPoint> points)
    {
        Options = options;
        Initial = initial;
        Points = points;
    }

    /// <summary>The fixed settings.</summary>
    public DeadUnitSweepOptions Options { get; }

    /// <summary>The untrained network (learning rate 0).</summary>
    public DeadUnitPoint Initial { get; }

    /// <summary>One point per learning rate, in the order given.</summary>
    public IReadOnlyList<DeadUnitPoint> Points { get; }

    /// <summary>Share of never-active units per hidden activation layer of <paramref name="network"/> on <paramref name="data"/>.</summary>
    /// <param name="network">A network (its weights are not changed).</param>
    /// <param name="data">Samples to run through it.</param>
    public static double[] DeadShares(Network network, LabeledData data) =>
        [.. NetworkDiagnostics.Compute(network, data).Where(d => d.Activation is not null).Select(d => d.DeadShare)];

    /// <summary>Runs the sweep.</summary>
    /// <param name="learningRates">SGD learning rates to try (positive).</param>
    /// <param name="train">Training samples; dead units are counted on these too.</param>
    /// <param name="test">Test samples for the accuracy.</param>
    /// <param name="options">Network and budget (null: defaults).</param>
    /// <param name="classes">Output classes.</param>
    public static DeadUnitSweep Run(IEnumerable<double> learningRates, LabeledData train, LabeledData test, DeadUnitSweepOptions? options = null, int classes = 10)
    {
        ArgumentNullException.ThrowIfNull(learningRates);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        options ??= new DeadUnitSweepOptions();
        var spec = new MlpSpec(train.Dimensions, options.Hidden, classes, options.Activation);

        var untrained = Network.FromSpec(spec, options.Seed);
        var initial = new DeadUnitPoint(0, DeadShares(untrained, train), untrained.Evaluate(test).Accuracy, false, untrained);

        var points = new List<DeadUnitPoint>();
        foreach (double lr in learningRates)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lr, nameof(learningRates));
            var network = Network.FromSpec(spec, options.Seed);
            var trainer = new Trainer(network, new Sgd(lr, options.Momentum), new TrainerOptions { Epochs = options.Epochs, BatchSize = options.BatchSize, Seed = options.Seed });
            bool diverged = false;
            try
            {
                trainer.Fit(train);
            }
            catch (TrainingDivergedException)
            {
                diverged = true;
            }

            points.Add(new DeadUnitPoint(lr, DeadShares(network, train), network.Evaluate(test).Accuracy, diverged, network));
        }

        return new DeadUnitSweep(options, initial, points);
    }

    /// <summary>Two charts side by side: the dead share (%) per hidden layer and the test accuracy (%), both against the learning rate (log axis).</summary>
    public ChartGrid Chart()
    {
        var lrs = Points.Select(p => p.LearningRate).ToArray();
        var dead = new LineChart
        {
            Title = "Never-active hidden units after training",
            XLabel = "SGD learning rate (log scale)",
            YLabel = "dead units (%)",
            LogX = true,
            Legend = LegendPosition.Inside,
        };
        int layers = Initial.DeadShare.Count;
        for (int l = 0; l < layers; l++)
        {
            int layer = l;
            dead.Add($"hidden layer {layer + 1} ({Options.Hidden[layer]} units)", lrs, Points.Select(p => p.DeadShare[layer] * 100), markers: true, color: Palette.Color(layer));
        }

        dead.YRange(0, 100);
        var accuracy = new LineChart
        {
            Title = "Test accuracy after the same training",
            XLabel = "SGD learning rate (log scale)",
            YLabel = "test accuracy (%)",
            LogX = true,
            Legend = LegendPosition.None,
        };
        accuracy.Add("test accuracy", lrs, Points.Select(p => p.TestAccuracy * 100), markers: true, color: Palette.Color(layers));
        accuracy.YRange(0, 100);
        return Plotting.Chart.Row(dead, accuracy);
    }

    /// <summary>A table: learning rate, dead share per layer, test accuracy; the untrained network first.</summary>
    public string ToHtml()
    {
        var inv = CultureInfo.InvariantCulture;
        int layers = Initial.DeadShare.Count;
        var sb = new StringBuilder(HtmlTables.Open).Append(inv, $"<thead><tr><th style=\"{HtmlTables.HeaderLeft}\">learning rate</th>");
        for (int l = 0; l < layers; l++)
        {
            sb.Append(inv, $"<th style=\"{HtmlTables.Header}\">dead in layer {l + 1} (%)</th>");
        }

        sb.Append(inv, $"<th style=\"{HtmlTables.Header}\">test accuracy (%)</th></tr></thead><tbody>");
        foreach (var p in Points.Prepend(Initial))
        {
            string lr = p.LearningRate == 0 ? "untrained" : p.LearningRate.ToString("G4", inv) + (p.Diverged ? " (diverged)" : "");
            sb.Append(inv, $"<tr><td style=\"{HtmlTables.Text}\">{lr}</td>");
            foreach (double d in p.DeadShare)
            {
                sb.Append(inv, $"<td style=\"{HtmlTables.Number}\">{d * 100:0.0}</td>");
            }

            sb.Append(inv, $"<td style=\"{HtmlTables.Number}\">{p.TestAccuracy * 100:0.00}</td></tr>");
        }

        return sb.Append("</tbody></table>").ToString();
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(Environment.NewLine, Points.Prepend(Initial).Select(p => string.Create(CultureInfo.InvariantCulture,
            $"lr {p.LearningRate:G4}: dead {string.Join(" / ", p.DeadShare.Select(d => (d * 100).ToString("0.0", CultureInfo.InvariantCulture)))} %, test accuracy {p.TestAccuracy * 100:0.00}%{(p.Diverged ? " (diverged)" : "")}")));
}
