using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ActivationCourse.Activations;
using ActivationCourse.Benchmarking;
using ActivationCourse.Cli.Benchmarks;
using ActivationCourse.Data;
using ActivationCourse.LinearAlgebra;
using ActivationCourse.Training;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Cli.Commands;

/// <summary>
/// <c>course bench</c>: throughput of the training engine's pieces, one JSON object per line
/// (<c>{"name": ..., "value": ..., "unit": ...}</c>). Each figure is the best of several runs. When a system
/// OpenBLAS can be loaded, the headline product and the epoch are measured on it too, in alternating rounds with
/// ours, and reported as ratios (&gt; 1: ours is faster); otherwise one line on stderr says how to get it.
/// </summary>
/// <remarks>
/// The figures are taken in a child process: at the width <c>--width</c> asks for (the runtime's switches turn the
/// wider instruction sets off), and with OpenBLAS's fastest kernel family for that width on x86-64, found by timing
/// each family's headline product in a child of its own (<c>openblas_trial_*</c> lines). One line on stderr names
/// the kernels OpenBLAS ran.
/// </remarks>
internal static class BenchCommand
{
    private const double EpochLearningRate = 0.01;
    private const int EpochBatch = 128;
    private static readonly MlpSpec EpochSpec = new(784, [256, 128], 10, "relu");

    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Fewer repetitions (a rough figure in a few seconds)." };
        var width = new Option<string?>("--width")
        {
            Description = "Measure at this vector width (512, 256, 128 or scalar) by turning the wider instruction sets off in a child process; default: the widest this machine has.",
        };
        width.AcceptOnlyFromAmong([.. BenchWidth.Names]);
        var trial = new Option<bool>("--openblas-trial") { Hidden = true, Description = "Measure only OpenBLAS's headline product (used to pick its fastest kernels)." };
        var command = new Command("bench", "Benchmark the matrix multiply, the activations and one MLP training epoch against OpenBLAS's fastest kernels for the same vector width (if OpenBLAS is installed); prints JSON lines.");
        command.Options.Add(quick);
        command.Options.Add(width);
        command.Options.Add(trial);
        command.SetAction(parseResult => parseResult.GetValue(trial)
            ? RunOpenBlasTrial(parseResult.GetValue(quick))
            : Run(parseResult.GetValue(quick), parseResult.GetValue(width)));
        return command;
    }

    /// <summary>
    /// Picks the width and OpenBLAS's kernels, then measures in a child process that runs at that width with those
    /// kernels (OpenBLAS reads <c>OPENBLAS_CORETYPE</c> when it loads, the runtime its switches when it starts).
    /// </summary>
    private static int Run(bool quick, string? width)
    {
        if (Environment.GetEnvironmentVariable(BenchWidth.ChildVariable) == "1")
        {
            Measure(quick);
            return 0;
        }

        string target = width ?? BenchWidth.OfThisProcess;
        if (!BenchWidth.Available(target))
        {
            Console.Error.WriteLine(BenchWidth.UnavailableNote(target));
            return 0;
        }

        var environment = new Dictionary<string, string>(BenchWidth.Switches(target));
        if (FastestOpenBlasCore(target, environment, quick) is { } core)
        {
            environment["OPENBLAS_CORETYPE"] = core;
        }

        return BenchWidth.RunChild(["bench", .. quick ? new[] { "--quick" } : []], environment, passOutput: true).ExitCode;
    }

    /// <summary>
    /// Tries each of OpenBLAS's kernel families for <paramref name="width"/> on the headline product, one child
    /// process each, reports each one's figure and returns the fastest; null when OpenBLAS is missing, when
    /// <c>OPENBLAS_CORETYPE</c> is already set (it is then used as is), or when there is nothing to choose from.
    /// </summary>
    private static string? FastestOpenBlasCore(string width, Dictionary<string, string> environment, bool quick)
    {
        var cores = BenchWidth.OpenBlasCores(width == "scalar" ? "128" : width);
        if (Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE") is not null || cores.Count == 0 || OpenBlas.TryLoad() is null)
        {
            return null;
        }

        string? best = null;
        double bestGflops = 0;
        foreach (string core in cores)
        {
            var trialEnvironment = new Dictionary<string, string>(environment) { ["OPENBLAS_CORETYPE"] = core };
            var (exitCode, output) = BenchWidth.RunChild(["bench", "--openblas-trial", .. quick ? new[] { "--quick" } : []], trialEnvironment, passOutput: false);
            if (exitCode != 0 || !TryReadTrial(output, out string used, out double gflops) || !used.Equals(core, StringComparison.OrdinalIgnoreCase))
            {
                continue; // this processor cannot run that family, or OpenBLAS does not know it
            }

            Emit($"openblas_trial_{core}_gemm_128x784x256", gflops, "GFLOP/s");
            if (gflops > bestGflops)
            {
                (best, bestGflops) = (core, gflops);
            }
        }

        return best;
    }

    /// <summary>The trial child's one line: the kernel family OpenBLAS ran and its GFLOP/s on the headline product.</summary>
    private static bool TryReadTrial(string output, out string core, out double gflops)
    {
        core = "";
        gflops = 0;
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            string name = json.RootElement.GetProperty("name").GetString() ?? "";
            if (name.StartsWith("openblas_trial_", StringComparison.Ordinal))
            {
                core = name["openblas_trial_".Length..];
                gflops = json.RootElement.GetProperty("value").GetDouble();
                return gflops > 0;
            }
        }

        return false;
    }

    /// <summary>The trial child: OpenBLAS's headline product with the kernels <c>OPENBLAS_CORETYPE</c> selected.</summary>
    private static int RunOpenBlasTrial(bool quick)
    {
        var blas = OpenBlas.TryLoad();
        if (blas is null)
        {
            return 1;
        }

        var product = new GemmBench(128, 256, 784, false, false);
        double seconds = BestOf(quick ? 3 : 7, () => product.Run(blas.Sgemm));
        Emit($"openblas_trial_{blas.CoreName ?? "unknown"}", product.Flops / seconds / 1e9, "GFLOP/s");
        return 0;
    }

    /// <summary>Every figure, at this process's width.</summary>
    private static void Measure(bool quick)
    {
        int repeats = quick ? 3 : 10;
        Emit("vector_width_" + BenchWidth.OfThisProcess, 1, "flag");
        Emit("gemm_kernel_" + Gemm.KernelName, 1, "flag");
        var headline = new GemmBench(128, 256, 784, false, false);
        double ours = BenchGemm("gemm_128x784x256", headline, repeats);
        BenchGemm("gemm_at_b_784x128x256", new GemmBench(784, 256, 128, true, false), repeats);
        BenchGemm("gemm_a_bt_128x256x784", new GemmBench(128, 784, 256, false, true), repeats);
        BenchGemm("gemm_128x256x128", new GemmBench(128, 128, 256, false, false), repeats);
        BenchGemm("gemm_512x512x512", new GemmBench(512, 512, 512, false, false), repeats);
        double mathNet = BenchMathNet(128, 256, 784, quick ? 2 : 4);
        Emit("gemm_speedup_vs_mathnet_128x784x256", ours / mathNet, "ratio");
        BenchActivations(quick);
        var data = SyntheticMnist();
        int epochs = quick ? 2 : 5;
        var blas = OpenBlas.TryLoad();
        if (blas is null)
        {
            Console.Error.WriteLine(OpenBlas.MissingNote);
            BenchEpoch(data, epochs, null);
            return;
        }

        Console.Error.WriteLine(blas.Description);
        // Ours and OpenBLAS's, interleaved: the headline product, then the epoch.
        var (gemm, theirs) = Interleaved(repeats, () => headline.Run(Gemm.Multiply), () => headline.Run(blas.Sgemm));
        Emit("gemm_128x784x256_interleaved", headline.Flops / gemm / 1e9, "GFLOP/s");
        Emit("openblas_gemm_128x784x256", headline.Flops / theirs / 1e9, "GFLOP/s");
        Emit("gemm_128x784x256_vs_openblas", theirs / gemm, "ratio");
        BenchEpoch(data, epochs, blas);
    }

    /// <summary>
    /// Best times of two contenders measured in alternating rounds, with a pause after each call: OpenBLAS's threads
    /// keep spinning for about a tenth of a second after a call, which would take a core from whatever runs next.
    /// (The course's <c>Timing.Compare</c> interleaves without such a pause, so it is not used here.)
    /// </summary>
    private static (double First, double Second) Interleaved(int rounds, Action first, Action second)
    {
        first();
        second();
        double a = double.MaxValue, b = double.MaxValue;
        for (int r = 0; r < rounds; r++)
        {
            a = Math.Min(a, Seconds(first));
            Thread.Sleep(300);
            b = Math.Min(b, Seconds(second));
            Thread.Sleep(300);
        }

        return (a, b);
    }

    private static double Seconds(Action action)
    {
        long start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>60,000 synthetic MNIST-shaped samples: 784 uniform features in [0, 1) and a label in 0..9.</summary>
    private static LabeledData SyntheticMnist()
    {
        var rng = new Random(1);
        var features = new float[60_000 * 784];
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = (float)rng.NextDouble();
        }

        var labels = new int[60_000];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = rng.Next(10);
        }

        return new LabeledData(features, labels, 784);
    }

    /// <summary>
    /// One SGD epoch of a 784-256-128-10 ReLU network, batch 128, best of <paramref name="repeats"/> in seconds; with
    /// <paramref name="blas"/>, the same epoch on OpenBLAS (same starting weights, data, shuffling seed and steps) in
    /// alternating rounds.
    /// </summary>
    private static void BenchEpoch(LabeledData data, int repeats, OpenBlas? blas)
    {
        var network = Network.FromSpec(EpochSpec, seed: 1);
        var trainer = new Trainer(network, new Sgd(EpochLearningRate), new TrainerOptions { Epochs = 1, BatchSize = EpochBatch, Seed = 1 });
        if (blas is null)
        {
            trainer.Fit(data); // warm-up: JIT tiers, buffers
            Emit("mlp_epoch", Enumerable.Range(0, repeats).Min(_ => trainer.Fit(data).Last!.Seconds), "s");
            return;
        }

        var layers = Network.FromSpec(EpochSpec, seed: 1).Layers.OfType<DenseLayer>().ToArray();
        var reference = new OpenBlasEpoch(blas, layers, data, EpochBatch, (float)EpochLearningRate, seed: 1);
        var (ours, theirs) = Interleaved(repeats, () => trainer.Fit(data), () => reference.Run());
        Emit("mlp_epoch", ours, "s");
        Emit("openblas_mlp_epoch", theirs, "s");
        Emit("mlp_epoch_vs_openblas", theirs / ours, "ratio"); // OpenBLAS's time over ours
    }

    /// <summary>
    /// Forward and backward throughput of registry activations, each with a scalar-loop reference, and each forward
    /// pass relative to the sigmoid's. Timed with the course's <see cref="Timing"/>: all activations' forward passes
    /// interleaved in one comparison, then the backward passes, then the scalar loops.
    /// </summary>
    private static void BenchActivations(bool quick)
    {
        string[] names = quick ? ["relu", "sigmoid", "tanh", "gelu"] : ["relu", "leaky_relu", "sigmoid", "tanh", "gelu", "gelu_tanh", "silu", "elu", "selu", "celu", "softplus", "mish"];
        const int n = 1 << 16; // 256 KB per span: stays in L2
        var rng = new Random(2);
        var x = new float[n];
        var y = new float[n];
        var upstream = new float[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (float)((rng.NextDouble() * 8) - 4);
            upstream[i] = (float)rng.NextDouble();
        }

        var activations = names.Select(ActivationRegistry.Get).ToArray();
        int runs = quick ? 3 : 7;
        var forward = Timing.Compare([.. names.Select((name, a) => (name, (Action)(() => activations[a].Forward(x, y))))], runs);
        var backward = Timing.Compare([.. names.Select((name, a) => (name, (Action)(() => activations[a].Backward(x, upstream, y))))], runs);
        var scalar = Timing.Compare([.. names.Select((name, a) => (name, (Action)(() => ScalarLoop(activations[a], x, y))))], quick ? 2 : 3);
        foreach (string name in names)
        {
            Emit($"act_{name}_forward", n / forward.Seconds(name), "elements/s");
            Emit($"act_{name}_backward", n / backward.Seconds(name), "elements/s");
            Emit($"act_{name}_forward_scalar_loop", n / scalar.Seconds(name), "elements/s");
            Emit($"act_{name}_forward_speedup", scalar.Seconds(name) / forward.Seconds(name), "ratio");
            Emit($"act_{name}_forward_vs_sigmoid", forward.Ratio("sigmoid", name), "ratio"); // throughput relative to the sigmoid's
        }
    }

    private static void ScalarLoop(Activation f, float[] x, float[] y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = (float)f.Forward((double)x[i]);
        }
    }

    private static double BenchGemm(string name, GemmBench product, int repeats)
    {
        double gflops = product.Flops / BestOf(repeats, () => product.Run(Gemm.Multiply)) / 1e9;
        Emit(name, gflops, "GFLOP/s");
        return gflops;
    }

    private static double BenchMathNet(int m, int n, int k, int repeats)
    {
        var rng = new Random(1);
        var a = Matrix<float>.Build.Dense(m, k, (_, _) => (float)rng.NextDouble());
        var b = Matrix<float>.Build.Dense(k, n, (_, _) => (float)rng.NextDouble());
        var c = Matrix<float>.Build.Dense(m, n);
        double best = BestOf(repeats, () => a.Multiply(b, c));
        double gflops = 2.0 * m * n * k / best / 1e9;
        Emit($"mathnet_gemm_{m}x{k}x{n}", gflops, "GFLOP/s");
        return gflops;
    }

    /// <summary>
    /// Best time per call of <paramref name="repeats"/> timed runs, in seconds, measured by the course's
    /// <see cref="Timing"/> (warm-up until the optimized code is in, then best of n).
    /// </summary>
    private static double BestOf(int repeats, Action action) => Timing.Compare([("run", action)], repeats).Seconds("run");

    private static void Emit(string name, double value, string unit)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteNumber("value", Math.Round(value, value < 1 ? 6 : 3));
            writer.WriteString("unit", unit);
            writer.WriteEndObject();
        }

        Console.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}

/// <summary>One product of the benchmark: random operands of the given shape, run by ours or a reference.</summary>
internal sealed class GemmBench
{
    private readonly float[] _a;
    private readonly float[] _b;
    private readonly float[] _c;
    private readonly int _m;
    private readonly int _n;
    private readonly int _k;
    private readonly bool _transposeA;
    private readonly bool _transposeB;
    private readonly int _inner;

    public GemmBench(int m, int n, int k, bool transposeA, bool transposeB)
    {
        (_m, _n, _k, _transposeA, _transposeB) = (m, n, k, transposeA, transposeB);
        var rng = new Random(1);
        _a = RandomArray(rng, m * k);
        _b = RandomArray(rng, k * n);
        _c = new float[m * n];
        _inner = Math.Max(1, (int)(1e8 / (2.0 * m * n * k)));
        Flops = 2.0 * m * n * k * _inner;
    }

    /// <summary>Floating-point operations of one <see cref="Run"/> (several products, about 0.1 GFLOP).</summary>
    public double Flops { get; }

    /// <summary>C = op(A)·op(B), repeated to about 0.1 GFLOP, with <paramref name="multiply"/>.</summary>
    public void Run(GemmCall multiply)
    {
        for (int r = 0; r < _inner; r++)
        {
            multiply(_transposeA, _transposeB, _m, _n, _k, 1f, _a, _transposeA ? _m : _k, _b, _transposeB ? _k : _n, 0f, _c, _n);
        }
    }

    private static float[] RandomArray(Random rng, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)((rng.NextDouble() * 2) - 1);
        }

        return values;
    }
}

/// <summary>C = α·op(A)·op(B) + β·C with the arguments of <see cref="Gemm.Multiply(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int)"/>: ours or a reference's.</summary>
internal delegate void GemmCall(
    bool transposeA, bool transposeB, int m, int n, int k,
    float alpha, ReadOnlySpan<float> a, int lda,
    ReadOnlySpan<float> b, int ldb,
    float beta, Span<float> c, int ldc);
