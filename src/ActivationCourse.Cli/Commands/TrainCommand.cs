using System.CommandLine;
using System.Globalization;
using ActivationCourse.Cli.Files;
using ActivationCourse.Data;
using ActivationCourse.IO;
using ActivationCourse.Training;
using Spectre.Console;

namespace ActivationCourse.Cli.Commands;

/// <summary>
/// <c>course train</c>: trains an MLP on MNIST with lesson 06's recipe by default (<see cref="MnistRecipe"/>),
/// shows progress and a results table, and exits non-zero when training diverged. With <c>--load FILE</c> it
/// evaluates a saved model on the test set, or (given <c>--epochs</c>) trains it further.
/// </summary>
internal static class TrainCommand
{
    /// <summary>Exit code of rejected settings.</summary>
    public const int BadSettings = 2;

    /// <summary>Exit code when the MNIST data could not be fetched or read.</summary>
    public const int DataProblem = 3;

    /// <summary>Exit code when training diverged or ended at chance accuracy.</summary>
    public const int Diverged = 4;

    /// <summary>Exit code when the trained model could not be saved where asked (it is saved elsewhere instead).</summary>
    public const int SaveFailed = 5;

    public static Command Create()
    {
        var activation = new Option<string>("--activation") { Description = "Hidden activation: a registry name (relu, tanh, gelu, ...) or prelu, rrelu, maxout.", DefaultValueFactory = _ => "relu" };
        var hidden = new Option<string>("--hidden") { Description = "Hidden layer sizes, comma-separated.", DefaultValueFactory = _ => string.Join(',', MnistRecipe.HiddenSizes) };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training set.", DefaultValueFactory = _ => 10 };
        var batch = new Option<int>("--batch") { Description = "Samples per step.", DefaultValueFactory = _ => MnistRecipe.BatchSize };
        var optimizer = new Option<string>("--optimizer") { Description = "momentum (SGD with momentum 0.9, lesson 06's recipe), nesterov, sgd or adam.", DefaultValueFactory = _ => "momentum" };
        var lr = new Option<double?>("--lr") { Description = "Learning rate before the step-downs (default 0.1 for the SGD variants, 0.001 for Adam)." };
        var schedule = new Option<string>("--schedule") { Description = "step: the rate steps down to 0.3, 0.1 and 0.03 of --lr over the last three epochs (lesson 06); constant: no steps.", DefaultValueFactory = _ => "step" };
        var weightDecay = new Option<double>("--weight-decay") { Description = "L2 penalty.", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of initialization and shuffling.", DefaultValueFactory = _ => 1 };
        var save = new Option<string?>("--save") { Description = "Save the trained model to this file (its folder must exist)." };
        var limit = new Option<int?>("--limit") { Description = "Train on the first N training images only." };
        var load = new Option<string?>("--load") { Description = "Start from a model saved with --save: evaluate it on the test set, or, with --epochs, train it further (its layers come from the file)." };

        var command = new Command("train", "Train a multilayer perceptron on MNIST and report loss and accuracy per epoch.");
        foreach (var option in new Option[] { activation, hidden, epochs, batch, optimizer, lr, schedule, weightDecay, seed, save, limit, load })
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult =>
        {
            var settings = new Settings(
                parseResult.GetValue(activation)!,
                parseResult.GetValue(hidden)!,
                parseResult.GetValue(epochs),
                parseResult.GetValue(batch),
                parseResult.GetValue(optimizer)!,
                parseResult.GetValue(lr),
                parseResult.GetValue(schedule)!,
                parseResult.GetValue(weightDecay),
                parseResult.GetValue(seed),
                parseResult.GetValue(save),
                parseResult.GetValue(limit),
                parseResult.GetValue(load),
                Given(parseResult, epochs),
                Given(parseResult, hidden) || Given(parseResult, activation));
            try
            {
                return Run(settings);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return BadSettings;
            }
            catch (MnistDataException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return DataProblem;
            }
        });
        return command;
    }

    private const int MnistInputs = 28 * 28;
    private const int MnistClasses = 10;

    private sealed record Settings(string Activation, string Hidden, int Epochs, int Batch, string Optimizer, double? LearningRate, string Schedule,
        double WeightDecay, int Seed, string? Save, int? Limit, string? Load, bool EpochsGiven, bool LayersGiven);

    private static bool Given(ParseResult parseResult, Option option) => parseResult.GetResult(option) is { Implicit: false };

    private static int Run(Settings s)
    {
        // Validate everything, output paths included, before loading data or training.
        var hidden = ParseHidden(s.Hidden);
        var spec = new MlpSpec(MnistInputs, hidden, MnistClasses, s.Activation);
        var (schedule, optimizer) = CheckNumbers(s, spec);
        string? savePath = s.Save is null ? null : OutputFile.CheckWritable(s.Save, "--save");
        var loaded = s.Load is null ? null : LoadModel(s);

        var mnist = Mnist.Load(new MnistOptions { Progress = new StderrProgress() });
        var test = LabeledData.From(mnist.Test);
        if (loaded is not null && !s.EpochsGiven)
        {
            return Evaluate(loaded, s.Load!, test);
        }

        var train = LabeledData.From(s.Limit is int n ? mnist.Train.Take(n) : mnist.Train);
        var network = loaded ?? Network.FromSpec(spec, s.Seed);
        string scheduleText = $"learning rate {schedule.Describe(s.Epochs)}";
        string layers = loaded is null ? spec.ToString() : $"{s.Load} ({string.Join(" → ", loaded.Layers.Select(l => l.Description))})";
        Console.WriteLine($"{layers} · {network.ParameterCount:N0} parameters · {optimizer.GetType().Name}{(optimizer is Sgd { Momentum: > 0 } m ? $" momentum {m.Momentum}" : "")} · {scheduleText} · batch {s.Batch} · {train.Count:N0} training / {test.Count:N0} test images");

        // A batch larger than a --limit'ed training set is that whole set.
        var run = new TrainingRun(network, optimizer, schedule, s.Epochs, Math.Min(s.Batch, train.Count), s.Seed, train, test, ChanceAccuracy(test));
        string? problem = Console.IsOutputRedirected ? run.RunPlain() : run.RunWithProgressBars();

        WriteTable(run.History);
        if (problem is not null)
        {
            Console.Error.WriteLine($"warning: {problem}");
            if (savePath is not null)
            {
                Console.Error.WriteLine($"warning: the model was not saved to {savePath}, because training did not work.");
            }

            return Diverged;
        }

        return savePath is null ? 0 : Save(network, savePath);
    }

    /// <summary>Checks the numeric settings and builds the schedule and the optimizer they describe.</summary>
    private static (LearningRateSchedule Schedule, Optimizer Optimizer) CheckNumbers(Settings s, MlpSpec spec)
    {
        if (s.Epochs <= 0)
        {
            throw new ArgumentException($"--epochs must be at least 1 (got {s.Epochs}).");
        }

        if (s.Batch <= 0)
        {
            throw new ArgumentException($"--batch must be at least 1 (got {s.Batch}).");
        }

        if (s.Limit is <= 0)
        {
            throw new ArgumentException($"--limit must be at least 1 (got {s.Limit}).");
        }

        TrainingSize.Check(spec, s.Batch);
        double lr = s.LearningRate ?? (s.Optimizer == "adam" ? 0.001 : MnistRecipe.PeakLearningRate);
        if (!(lr > 0) || double.IsInfinity(lr))
        {
            throw new ArgumentException($"--lr must be a positive number (got {lr.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (!(s.WeightDecay >= 0) || double.IsInfinity(s.WeightDecay))
        {
            throw new ArgumentException($"--weight-decay must be a finite number ≥ 0 (got {s.WeightDecay.ToString(CultureInfo.InvariantCulture)}).");
        }

        LearningRateSchedule schedule = s.Schedule switch
        {
            "step" => MnistRecipe.Schedule(lr),
            "constant" => LearningRateSchedule.Constant(lr),
            _ => throw new ArgumentException($"--schedule: unknown schedule \"{s.Schedule}\". Valid names: step, constant."),
        };

        Optimizer optimizer = s.Optimizer switch
        {
            "adam" => new Adam(lr, weightDecay: s.WeightDecay),
            "sgd" => new Sgd(lr, weightDecay: s.WeightDecay),
            "momentum" => new Sgd(lr, momentum: MnistRecipe.Momentum, weightDecay: s.WeightDecay),
            "nesterov" => new Sgd(lr, momentum: MnistRecipe.Momentum, nesterov: true, weightDecay: s.WeightDecay),
            _ => throw new ArgumentException($"--optimizer: unknown optimizer \"{s.Optimizer}\". Valid names: momentum, nesterov, sgd, adam."),
        };

        return (schedule, optimizer);
    }

    /// <summary>Saves the trained model, or, if that fails after all, saves it to a temporary file and says where.</summary>
    private static int Save(Network network, string savePath)
    {
        try
        {
            AtomicFile.Write(savePath, stream => ModelFile.Save(network, stream));
            Console.WriteLine($"Saved the model to {savePath}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder was checked before training, so something changed since (disk full, permissions). Keep the model anyway.
            string rescue = Path.Combine(Path.GetTempPath(), $"activationcourse-model-{Guid.NewGuid():N}.bin");
            Console.Error.WriteLine($"error: could not save the model to {savePath}: {e.Message}");
            AtomicFile.Write(rescue, stream => ModelFile.Save(network, stream));
            Console.Error.WriteLine($"The trained model was saved to {rescue} instead.");
            return SaveFailed;
        }

        return 0;
    }

    /// <summary>
    /// The model <c>--load</c> names, checked before any data is loaded: a readable, undamaged model file with MNIST's
    /// inputs and classes, and no <c>--hidden</c> or <c>--activation</c> (the layers come from the file).
    /// </summary>
    private static Network LoadModel(Settings s)
    {
        if (s.LayersGiven)
        {
            throw new ArgumentException("--load: the layers come from the model file; leave out --hidden and --activation.");
        }

        Network network;
        try
        {
            network = ModelFile.Load(s.Load!);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--load {s.Load}: {e.Message}");
        }

        if (network.Inputs != MnistInputs || network.Outputs != MnistClasses)
        {
            throw new ArgumentException($"--load {s.Load}: the model takes {network.Inputs} inputs and gives {network.Outputs} outputs; MNIST needs {MnistInputs} and {MnistClasses}.");
        }

        long widest = network.Layers.Max(l => (long)Math.Max(l.Inputs, l.Outputs));
        if (s.Batch > TrainingSize.MnistTrainingImages || s.Batch * widest > Array.MaxLength)
        {
            throw new ArgumentException($"--batch {s.Batch} is too large for this model and MNIST's {TrainingSize.MnistTrainingImages} training images.");
        }

        return network;
    }

    /// <summary>Evaluates a loaded model on the test set and prints its loss and accuracy.</summary>
    private static int Evaluate(Network network, string path, LabeledData test)
    {
        var result = network.Evaluate(test);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path} ({network.ParameterCount:N0} parameters) on the {test.Count:N0} test images: loss {result.Loss:F4}, accuracy {result.Accuracy:P2}"));
        return 0;
    }

    /// <summary>The best accuracy a network that ignores its input can reach: always answering the most common test label.</summary>
    private static double ChanceAccuracy(LabeledData test)
    {
        var counts = new int[MnistClasses];
        foreach (int label in test.Labels)
        {
            counts[label]++;
        }

        return (double)counts.Max() / test.Count;
    }

    private static void WriteTable(TrainingHistory history)
    {
        if (history.Epochs.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumns("epoch", "train loss", "train acc", "test loss", "test acc", "seconds");
        // Long runs keep the table readable: the first epochs and the last ones.
        const int shown = 40;
        for (int i = 0; i < history.Epochs.Count; i++)
        {
            if (history.Epochs.Count > shown && i == shown / 2)
            {
                table.AddRow("…", "", "", "", "", "");
                i = history.Epochs.Count - (shown / 2);
            }

            var e = history.Epochs[i];
            table.AddRow(
                e.Epoch.ToString(CultureInfo.InvariantCulture),
                e.TrainLoss.ToString("F4", CultureInfo.InvariantCulture),
                e.TrainAccuracy.ToString("P2", CultureInfo.InvariantCulture),
                e.TestLoss.ToString("F4", CultureInfo.InvariantCulture),
                e.TestAccuracy.ToString("P2", CultureInfo.InvariantCulture),
                e.Seconds.ToString("F2", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
    }

    /// <summary>Parses "256,128"; an empty item ("16,,8" or a trailing comma) is an error, not skipped.</summary>
    internal static int[] ParseHidden(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("--hidden needs at least one layer size, e.g. --hidden 256,128.");
        }

        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0)
            {
                throw new ArgumentException($"--hidden \"{text}\": item {i + 1} is empty. Give one positive size per layer, e.g. --hidden 256,128.");
            }

            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] <= 0)
            {
                throw new ArgumentException($"--hidden: \"{parts[i]}\" is not a positive layer size.");
            }
        }

        return sizes;
    }

    /// <summary>
    /// One <see cref="Trainer"/> run with the chosen schedule, stopped by <see cref="DivergenceRule.Exploded"/>; the
    /// display is plain lines or progress bars, and a run that ends at chance accuracy counts as failed too.
    /// </summary>
    private sealed class TrainingRun
    {
        /// <summary>A network that guesses uniformly has loss ln 10 ≈ 2.3; ten times that is worse than guessing by far.</summary>
        private static readonly double ExplodedLoss = 10 * Math.Log(MnistClasses);

        private readonly Trainer _trainer;
        private readonly int _epochs;
        private readonly LabeledData _train;
        private readonly LabeledData _test;
        private readonly double _chance;
        private Action<TrainingProgress> _display = _ => { };

        public TrainingRun(Network network, Optimizer optimizer, LearningRateSchedule schedule, int epochs, int batch, int seed, LabeledData train, LabeledData test, double chance)
        {
            _epochs = epochs;
            _train = train;
            _test = test;
            _chance = chance;
            _trainer = new Trainer(network, optimizer, new TrainerOptions
            {
                Epochs = epochs,
                BatchSize = batch,
                Seed = seed,
                Schedule = schedule,
                Divergence = DivergenceRule.Exploded(ExplodedLoss),
                ReportEveryBatch = true,
                Progress = p => _display(p),
            });
        }

        public TrainingHistory History => _trainer.History;

        /// <summary>Trains with one line per epoch (for redirected output); returns the problem, or null if training worked.</summary>
        public string? RunPlain()
        {
            _display = p =>
            {
                if (p.Completed is { } e)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"epoch {e.Epoch}/{_epochs}: lr {p.LearningRate:G3}, train loss {e.TrainLoss:F4}, test loss {e.TestLoss:F4}, test accuracy {e.TestAccuracy:P2}, {e.Seconds:F2} s"));
                }
            };
            return Run();
        }

        /// <summary>
        /// Trains under two progress bars, the whole run and the current epoch: their number does not grow with the
        /// epochs, and each finished epoch is summed up in the run's description.
        /// </summary>
        public string? RunWithProgressBars()
        {
            string? problem = null;
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var overall = context.AddTask($"epochs 0/{_epochs}", maxValue: _epochs);
                    var current = context.AddTask("epoch 1", maxValue: 1);
                    _display = p => ShowOnBars(p, overall, current);
                    problem = Run();
                    current.StopTask();
                    overall.StopTask();
                });
            return problem;
        }

        private void ShowOnBars(TrainingProgress p, ProgressTask overall, ProgressTask current)
        {
            if (p.Completed is { } e)
            {
                overall.Value = e.Epoch;
                overall.Description = string.Create(CultureInfo.InvariantCulture,
                    $"epochs {e.Epoch}/{_epochs}, last: train loss {e.TrainLoss:F4}, test acc {e.TestAccuracy:P2}");
                return;
            }

            if (p.Batch == 1)
            {
                current.Description = string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch} (lr {p.LearningRate:G3})");
            }

            if (p.Batch == 1 || p.Batch % 20 == 0 || p.Batch == p.Batches)
            {
                current.Value = (double)p.Batch / p.Batches;
            }
        }

        private string? Run()
        {
            try
            {
                _trainer.Fit(_train, _test);
            }
            catch (TrainingDivergedException e) when (e.Divergence.Kind == DivergenceKind.StepLoss)
            {
                return $"training diverged: the loss became {e.Loss.ToString(CultureInfo.InvariantCulture)} at epoch {e.Epoch}, step {e.Step}. Try a smaller --lr.";
            }
            catch (TrainingDivergedException e)
            {
                var record = _trainer.History.Last!;
                return string.Create(CultureInfo.InvariantCulture,
                    $"training diverged: after epoch {e.Epoch} the training loss is {record.TrainLoss:G4} (test loss {record.TestLoss:G4}), far above the {Math.Log(MnistClasses):F2} of a uniform guess. Try a smaller --lr.");
            }

            var last = _trainer.History.Last!;
            if (last.TestAccuracy <= _chance + 0.01)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"training did not work: the test accuracy after {_epochs} epoch(s) is {last.TestAccuracy:P2}, no better than always answering the most common digit ({_chance:P2}). Try another --lr, more --epochs or more data (--limit).");
            }

            return null;
        }
    }

    /// <summary>Writes each line at once, on the calling thread (<see cref="Progress{T}"/> posts to the thread pool and can lose the last lines).</summary>
    private sealed class StderrProgress : IProgress<string>
    {
        public void Report(string value) => Console.Error.WriteLine(value);
    }
}
