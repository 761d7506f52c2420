using System.Diagnostics;
using System.Globalization;
using System.Text;
using ActivationCourse.Activations;
using ActivationCourse.Data;
using ActivationCourse.Plotting;
using ActivationCourse.Reports;
using ActivationCourse.Training;

namespace ActivationCourse.Studies;

/// <summary>The shared architecture and budget of an <see cref="ActivationStudy"/>.</summary>
public sealed record ActivationStudyOptions
{
    /// <summary>Hidden layer widths (the same for every activation).</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [256, 128];

    /// <summary>Passes over the training set per run.</summary>
    public int Epochs { get; init; } = 4;

    /// <summary>Samples per step.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Adam's learning rate (PyTorch's default 0.001), the same for every activation.</summary>
    public double LearningRate { get; init; } = 0.001;

    /// <summary>One run per seed; the seed sets both the initial weights and the shuffling.</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [1, 2, 3];

    /// <summary>
    /// How long the untimed warm-up lasts (at least one pass over the activations): .NET optimizes hot code in the
    /// background after a delay, and shorter warm-ups left the first timed runs of a process up to 2× slower.
    /// </summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(1.5);
}

/// <summary>One training run of an <see cref="ActivationStudy"/>.</summary>
/// <param name="Activation">Hidden activation name ("relu").</param>
/// <param name="Seed">Seed of the initialization and the shuffling.</param>
/// <param name="History">Per-epoch train and test loss and accuracy.</param>
/// <param name="TrainingSeconds">Wall time of the training steps (test evaluations excluded).</param>
/// <param name="Parameters">Learned values in the network.</param>
/// <param name="Network">The trained network.</param>
public sealed record ActivationRun(string Activation, int Seed, TrainingHistory History, double TrainingSeconds, long Parameters, Network Network)
{
    /// <summary>Test accuracy after the last epoch.</summary>
    public double FinalTestAccuracy => History.Last?.TestAccuracy ?? double.NaN;
}

/// <summary>
/// Trains the same MLP with different hidden activations, each over several seeds, with the same data, optimizer
/// (Adam), epochs and batch size; summarizes final test accuracy (mean, sample standard deviation, min–max) and
/// training time, and draws the mean test-accuracy curves.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class ActivationStudy : IHtmlRenderable
{
    private readonly ActivationRun[] _runs;

    private ActivationStudy(IReadOnlyList<string> activations, ActivationStudyOptions options, ActivationRun[] runs, int trainingSamples)
    {
        Activations = activations;
        Options = options;
        _runs = runs;
        TrainingSamples = trainingSamples;
    }

    /// <summary>The activations compared, in the order given.</summary>
    public IReadOnlyList<string> Activations { get; }

    /// <summary>The shared budget.</summary>
    public ActivationStudyOptions Options { get; }

    /// <summary>Training samples per epoch.</summary>
    public int TrainingSamples { get; }

    /// <summary>Every run, activation by activation, seed by seed.</summary>
    public IReadOnlyList<ActivationRun> Runs => _runs;

    /// <summary>Runs the study: for each activation and seed, build, train with Adam and evaluate on <paramref name="test"/> after each epoch.</summary>
    /// <remarks>
    /// So that the training times compare the activations and not the moment they ran: the activations first train,
    /// untimed, on a small slice for <see cref="ActivationStudyOptions.WarmUp"/> (the JIT compiles and optimizes their code then), and the timed runs go seed by
    /// seed, each seed trying every activation, so that slow spells of a shared machine spread over all of them.
    /// </remarks>
    /// <param name="activations">Registry names ("relu", "sigmoid", ...) or "maxout" (see <see cref="Network.FromSpec"/>).</param>
    /// <param name="train">Training samples (the same for every run).</param>
    /// <param name="test">Test samples.</param>
    /// <param name="options">Architecture and budget (null: defaults).</param>
    /// <param name="classes">Output classes.</param>
    public static ActivationStudy Run(IEnumerable<string> activations, LabeledData train, LabeledData test, ActivationStudyOptions? options = null, int classes = 10)
    {
        ArgumentNullException.ThrowIfNull(activations);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        options ??= new ActivationStudyOptions();
        var names = activations.ToArray();
        var warmUp = train.Take(Math.Min(train.Count, 16 * options.BatchSize));
        var warmUpClock = Stopwatch.StartNew();
        do
        {
            foreach (string activation in names)
            {
                var network = Network.FromSpec(new MlpSpec(train.Dimensions, options.Hidden, classes, activation), options.Seeds.FirstOrDefault());
                new Trainer(network, new Adam(options.LearningRate), new TrainerOptions { Epochs = 1, BatchSize = options.BatchSize }).Fit(warmUp);
            }
        }
        while (warmUpClock.Elapsed < options.WarmUp);

        var runs = new List<ActivationRun>();
        foreach (int seed in options.Seeds)
        {
            foreach (string activation in names)
            {
                var network = Network.FromSpec(new MlpSpec(train.Dimensions, options.Hidden, classes, activation), seed);
                var trainer = new Trainer(network, new Adam(options.LearningRate), new TrainerOptions { Epochs = options.Epochs, BatchSize = options.BatchSize, Seed = seed });
                var history = trainer.Fit(train, test);
                runs.Add(new ActivationRun(activation, seed, history, history.Epochs.Sum(e => e.Seconds), network.ParameterCount, network));
            }
        }

        // Listed activation by activation, seed by seed, as before.
        var seeds = options.Seeds.ToList();
        var ordered = runs.OrderBy(r => Array.IndexOf(names, r.Activation)).ThenBy(r => seeds.IndexOf(r.Seed));
        return new ActivationStudy(names, options, [.. ordered], train.Count);
    }

    /// <summary>A short readable name: the registry's display name ("Leaky ReLU"), "Sigmoid", or "Maxout (k = 2)".</summary>
    /// <param name="activation">Activation name.</param>
    public static string DisplayName(string activation) => activation switch
    {
        "sigmoid" => "Sigmoid",
        "maxout" => "Maxout (k = 2)",
        "prelu" => "PReLU",
        "rrelu" => "RReLU",
        _ => ActivationRegistry.TryGet(activation, out var a) ? a.DisplayName : activation,
    };

    /// <summary>The runs of one activation.</summary>
    /// <param name="activation">Activation name.</param>
    public IReadOnlyList<ActivationRun> RunsOf(string activation) => [.. _runs.Where(r => r.Activation == activation)];

    /// <summary>Final test accuracy of one activation over the seeds.</summary>
    /// <param name="activation">Activation name.</param>
    public SeedSummary FinalAccuracy(string activation) => new(DisplayName(activation), [.. RunsOf(activation).Select(r => r.FinalTestAccuracy)]);

    /// <summary>Mean training time per run of one activation, in seconds.</summary>
    /// <param name="activation">Activation name.</param>
    public double MeanTrainingSeconds(string activation) => RunsOf(activation).Average(r => r.TrainingSeconds);

    /// <summary>Test accuracy after each epoch, averaged over the seeds.</summary>
    /// <param name="activation">Activation name.</param>
    public double[] MeanTestAccuracyCurve(string activation)
    {
        var runs = RunsOf(activation);
        return [.. Enumerable.Range(0, Options.Epochs).Select(e => runs.Average(r => r.History.Epochs[e].TestAccuracy))];
    }

    /// <summary>Training time per run of one activation over the seeds, in seconds.</summary>
    /// <param name="activation">Activation name.</param>
    public SeedSummary TrainingSeconds(string activation) => new(DisplayName(activation), [.. RunsOf(activation).Select(r => r.TrainingSeconds)]);

    /// <summary>Pairwise verdicts on the final test accuracies (see <see cref="SeedSpread"/>).</summary>
    public SeedSpread CompareFinalAccuracies() => SeedSpread.Compare(Activations.Select(FinalAccuracy));

    /// <summary>The activations ordered by mean final test accuracy, best first.</summary>
    public IReadOnlyList<string> Ranking() => [.. Activations.OrderByDescending(a => FinalAccuracy(a).Mean)];

    /// <summary>Mean test accuracy (in %) after each epoch, one line per activation.</summary>
    /// <param name="title">Chart title.</param>
    public LineChart TestAccuracyChart(string? title = null)
    {
        var chart = new LineChart
        {
            Title = title ?? $"Test accuracy, mean of {Options.Seeds.Count} seeds",
            XLabel = "epoch",
            YLabel = "test accuracy (%)",
            Legend = LegendPosition.Right,
        };
        var epochs = Enumerable.Range(1, Options.Epochs).Select(e => (double)e).ToArray();
        int i = 0;
        foreach (string activation in Ranking())
        {
            chart.Add(DisplayName(activation), epochs, MeanTestAccuracyCurve(activation).Select(a => a * 100), markers: true, color: Palette.Color(i++));
        }

        return chart;
    }

    /// <summary>One row per activation, best mean first: parameters and final test accuracy (mean, standard deviation, min–max). Times are kept in <see cref="Runs"/> but not shown: a lesson that compares them prints ratios with the machine line.</summary>
    public string ToHtml()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(HtmlTables.Open).Append(inv,
            $"<thead><tr><th style=\"{HtmlTables.HeaderLeft}\">activation</th><th style=\"{HtmlTables.Header}\">parameters</th>" +
            $"<th style=\"{HtmlTables.Header}\">test accuracy, mean (%)</th><th style=\"{HtmlTables.Header}\">std (points)</th>" +
            $"<th style=\"{HtmlTables.Header}\">min–max (%)</th></tr></thead><tbody>");
        foreach (string activation in Ranking())
        {
            var s = FinalAccuracy(activation);
            sb.Append(inv, $"<tr><td style=\"{HtmlTables.Text}\">{Svg.Escape(s.Name)}</td>")
              .Append(inv, $"<td style=\"{HtmlTables.Number}\">{RunsOf(activation)[0].Parameters:N0}</td>")
              .Append(inv, $"<td style=\"{HtmlTables.Number}\">{s.Mean * 100:0.00}</td>")
              .Append(inv, $"<td style=\"{HtmlTables.Number}\">{s.StandardDeviation * 100:0.00}</td>")
              .Append(inv, $"<td style=\"{HtmlTables.Number}\">{s.Min * 100:0.00}–{s.Max * 100:0.00}</td></tr>");
        }

        return sb.Append("</tbody></table>").ToString();
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(Environment.NewLine, Ranking().Select(a =>
        {
            var s = FinalAccuracy(a);
            return string.Create(CultureInfo.InvariantCulture, $"{s.Name}: {s.Mean * 100:0.00}% ± {s.StandardDeviation * 100:0.00} ({s.Min * 100:0.00}–{s.Max * 100:0.00})");
        }));
}
