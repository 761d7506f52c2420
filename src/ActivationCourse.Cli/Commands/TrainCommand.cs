using System.CommandLine;
using System.Globalization;
using ActivationCourse.Data;
using ActivationCourse.Training;
using Spectre.Console;

namespace ActivationCourse.Cli.Commands;

/// <summary><c>course train</c>: trains an MLP on MNIST with a progress bar per epoch and a results table.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var activation = new Option<string>("--activation") { Description = "Hidden activation: a registry name (relu, tanh, gelu, ...) or prelu, rrelu, maxout.", DefaultValueFactory = _ => "relu" };
        var hidden = new Option<string>("--hidden") { Description = "Hidden layer sizes, comma-separated.", DefaultValueFactory = _ => "256,128" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training set.", DefaultValueFactory = _ => 10 };
        var batch = new Option<int>("--batch") { Description = "Samples per step.", DefaultValueFactory = _ => 128 };
        var optimizer = new Option<string>("--optimizer") { Description = "adam, sgd, momentum (SGD with momentum 0.9) or nesterov.", DefaultValueFactory = _ => "adam" };
        var lr = new Option<double?>("--lr") { Description = "Learning rate (default 0.001 for Adam, 0.05 for the SGD variants)." };
        var weightDecay = new Option<double>("--weight-decay") { Description = "L2 penalty.", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of initialization and shuffling.", DefaultValueFactory = _ => 1 };
        var save = new Option<string?>("--save") { Description = "Save the trained model to this file." };
        var limit = new Option<int?>("--limit") { Description = "Train on the first N training images only." };

        var command = new Command("train", "Train a multilayer perceptron on MNIST and report loss and accuracy per epoch.");
        foreach (var option in new Option[] { activation, hidden, epochs, batch, optimizer, lr, weightDecay, seed, save, limit })
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
                parseResult.GetValue(weightDecay),
                parseResult.GetValue(seed),
                parseResult.GetValue(save),
                parseResult.GetValue(limit));
            try
            {
                return Run(settings);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return 2;
            }
            catch (MnistDataException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return 3;
            }
            catch (TrainingDivergedException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return 4;
            }
        });
        return command;
    }

    private const int MnistInputs = 28 * 28;

    private sealed record Settings(string Activation, string Hidden, int Epochs, int Batch, string Optimizer, double? LearningRate, double WeightDecay, int Seed, string? Save, int? Limit);

    private static int Run(Settings s)
    {
        // Validate everything before loading data. The spec checks the activation name (and lists the valid ones).
        var hidden = ParseHidden(s.Hidden);
        var spec = new MlpSpec(MnistInputs, hidden, 10, s.Activation);
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

        double lr = s.LearningRate ?? (s.Optimizer == "adam" ? 0.001 : 0.05);
        if (!(lr > 0) || double.IsInfinity(lr))
        {
            throw new ArgumentException($"--lr must be a positive number (got {lr.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (!(s.WeightDecay >= 0))
        {
            throw new ArgumentException($"--weight-decay must be ≥ 0 (got {s.WeightDecay.ToString(CultureInfo.InvariantCulture)}).");
        }

        Optimizer optimizer = s.Optimizer switch
        {
            "adam" => new Adam(lr, weightDecay: s.WeightDecay),
            "sgd" => new Sgd(lr, weightDecay: s.WeightDecay),
            "momentum" => new Sgd(lr, momentum: 0.9, weightDecay: s.WeightDecay),
            "nesterov" => new Sgd(lr, momentum: 0.9, nesterov: true, weightDecay: s.WeightDecay),
            _ => throw new ArgumentException($"Unknown optimizer \"{s.Optimizer}\". Valid names: adam, sgd, momentum, nesterov."),
        };

        var mnist = Mnist.Load(new MnistOptions { Progress = new Progress<string>(line => Console.Error.WriteLine(line)) });
        var train = LabeledData.From(s.Limit is int n ? mnist.Train.Take(n) : mnist.Train);
        var test = LabeledData.From(mnist.Test);
        var network = Network.FromSpec(spec, s.Seed);
        Console.WriteLine($"{spec} · {network.ParameterCount:N0} parameters · {optimizer} · batch {s.Batch} · {train.Count:N0} training / {test.Count:N0} test images");

        var history = Console.IsOutputRedirected
            ? TrainPlain(network, optimizer, s, train, test)
            : TrainWithProgressBars(network, optimizer, s, train, test);

        var table = new Table().AddColumns("epoch", "train loss", "train acc", "test loss", "test acc", "seconds");
        foreach (var e in history.Epochs)
        {
            table.AddRow(
                e.Epoch.ToString(CultureInfo.InvariantCulture),
                e.TrainLoss.ToString("F4", CultureInfo.InvariantCulture),
                e.TrainAccuracy.ToString("P2", CultureInfo.InvariantCulture),
                e.TestLoss.ToString("F4", CultureInfo.InvariantCulture),
                e.TestAccuracy.ToString("P2", CultureInfo.InvariantCulture),
                e.Seconds.ToString("F2", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        if (s.Save is { } path)
        {
            ModelFile.Save(network, path);
            Console.WriteLine($"Saved the model to {Path.GetFullPath(path)}");
        }

        return 0;
    }

    private static TrainingHistory TrainPlain(Network network, Optimizer optimizer, Settings s, LabeledData train, LabeledData test)
    {
        var options = new TrainerOptions
        {
            Epochs = s.Epochs,
            BatchSize = s.Batch,
            Seed = s.Seed,
            Progress = p => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {p.Epoch}/{p.Epochs}: train loss {p.Completed!.TrainLoss:F4}, test loss {p.Completed.TestLoss:F4}, test accuracy {p.Completed.TestAccuracy:P2}, {p.Completed.Seconds:F2} s")),
        };
        return new Trainer(network, optimizer, options).Fit(train, test);
    }

    private static TrainingHistory TrainWithProgressBars(Network network, Optimizer optimizer, Settings s, LabeledData train, LabeledData test)
    {
        TrainingHistory? history = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = Enumerable.Range(1, s.Epochs)
                    .Select(e => context.AddTask($"epoch {e}/{s.Epochs}", autoStart: e == 1, maxValue: 1))
                    .ToArray();
                var options = new TrainerOptions
                {
                    Epochs = s.Epochs,
                    BatchSize = s.Batch,
                    Seed = s.Seed,
                    ReportEveryBatch = true,
                    Progress = p =>
                    {
                        var task = tasks[p.Epoch - 1];
                        if (!task.IsStarted)
                        {
                            task.StartTask();
                        }

                        if (p.Completed is { } done)
                        {
                            task.Description = string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch}/{p.Epochs} loss {done.TrainLoss:F4} test acc {done.TestAccuracy:P2}");
                            task.Value = 1;
                            task.StopTask();
                        }
                        else if (p.Batch % 20 == 0 || p.Batch == p.Batches)
                        {
                            task.Description = string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch}/{p.Epochs} loss {p.RunningLoss:F4}");
                            task.Value = (double)p.Batch / p.Batches;
                        }
                    },
                };
                history = new Trainer(network, optimizer, options).Fit(train, test);
            });
        return history!;
    }

    private static int[] ParseHidden(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new ArgumentException("--hidden needs at least one layer size, e.g. --hidden 256,128.");
        }

        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] <= 0)
            {
                throw new ArgumentException($"--hidden: \"{parts[i]}\" is not a positive layer size.");
            }
        }

        return sizes;
    }
}
