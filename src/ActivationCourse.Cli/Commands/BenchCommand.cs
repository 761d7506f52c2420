using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ActivationCourse.Activations;
using ActivationCourse.Cli.Benchmarks;
using ActivationCourse.LinearAlgebra;
using ActivationCourse.Training;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Cli.Commands;

/// <summary>
/// <c>course bench</c>: throughput of the training engine's pieces, one JSON object per line
/// (<c>{"name": ..., "value": ..., "unit": ...}</c>). Each figure is the best of several runs. When a system
/// OpenBLAS can be loaded, the headline product and the epoch are measured on it too, in the same run, and
/// reported as ratios (&gt; 1: ours is faster); otherwise one line on stderr says how to get it.
/// </summary>
internal static class BenchCommand
{
    private const double EpochLearningRate = 0.01;
    private const int EpochBatch = 128;
    private static readonly MlpSpec EpochSpec = new(784, [256, 128], 10, "relu");

    /// <summary>C = α·op(A)·op(B) + β·C with the arguments of <see cref="Gemm.Multiply(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int)"/>: ours or a reference's.</summary>
    private delegate void GemmCall(
        bool transposeA, bool transposeB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc);

    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Fewer repetitions (a rough figure in a few seconds)." };
        var command = new Command("bench", "Benchmark the matrix multiply, the activations and one MLP training epoch (and a system OpenBLAS as reference, if found); prints JSON lines.");
        command.Options.Add(quick);
        command.SetAction(parseResult =>
        {
            Run(parseResult.GetValue(quick));
            return 0;
        });
        return command;
    }

    private static void Run(bool quick)
    {
        int repeats = quick ? 3 : 10;
        Emit("gemm_kernel_" + Gemm.KernelName, 1, "flag");
        double ours = BenchGemm("gemm_128x784x256", false, false, 128, 256, 784, repeats, Gemm.Multiply);
        BenchGemm("gemm_at_b_784x128x256", true, false, 784, 256, 128, repeats, Gemm.Multiply);
        BenchGemm("gemm_a_bt_128x256x784", false, true, 128, 784, 256, repeats, Gemm.Multiply);
        BenchGemm("gemm_128x256x128", false, false, 128, 128, 256, repeats, Gemm.Multiply);
        BenchGemm("gemm_512x512x512", false, false, 512, 512, 512, repeats, Gemm.Multiply);
        double mathNet = BenchMathNet(128, 256, 784, quick ? 2 : 4);
        Emit("gemm_speedup_vs_mathnet_128x784x256", ours / mathNet, "ratio");
        var data = SyntheticMnist();
        int epochs = quick ? 2 : 5;
        double epoch = BenchEpoch(data, epochs);
        BenchActivations(quick);
        // Last: OpenBLAS's threads keep spinning for a while after each call, which would slow what follows.
        BenchOpenBlas(ours, epoch, data, repeats, epochs);
    }

    /// <summary>
    /// The optional native reference: the headline product and the same epoch on a system OpenBLAS, each
    /// also as a ratio with ours (&gt; 1: ours is faster).
    /// </summary>
    private static void BenchOpenBlas(double ourGemm, double ourEpoch, LabeledData data, int repeats, int epochs)
    {
        var blas = OpenBlas.TryLoad();
        if (blas is null)
        {
            Console.Error.WriteLine(OpenBlas.MissingNote);
            return;
        }

        Console.Error.WriteLine(blas.Description);
        double gemm = BenchGemm("openblas_gemm_128x784x256", false, false, 128, 256, 784, repeats, blas.Sgemm);
        Emit("gemm_128x784x256_vs_openblas", ourGemm / gemm, "ratio");

        // The same starting weights, data, shuffling seed and steps as BenchEpoch.
        var layers = Network.FromSpec(EpochSpec, seed: 1).Layers.OfType<DenseLayer>().ToArray();
        var reference = new OpenBlasEpoch(blas, layers, data, EpochBatch, (float)EpochLearningRate, seed: 1);
        reference.Run(); // warm-up
        double best = double.MaxValue;
        for (int r = 0; r < epochs; r++)
        {
            best = Math.Min(best, reference.Run());
        }

        Emit("openblas_mlp_epoch", best, "s");
        Emit("mlp_epoch_vs_openblas", best / ourEpoch, "ratio"); // OpenBLAS's time over ours
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

    /// <summary>One SGD epoch of a 784-256-128-10 ReLU network, batch 128; best of <paramref name="repeats"/> in seconds.</summary>
    private static double BenchEpoch(LabeledData data, int repeats)
    {
        var network = Network.FromSpec(EpochSpec, seed: 1);
        var trainer = new Trainer(network, new Sgd(EpochLearningRate), new TrainerOptions { Epochs = 1, BatchSize = EpochBatch, Seed = 1 });
        trainer.Fit(data); // warm-up: JIT tiers, buffers
        double best = double.MaxValue;
        for (int r = 0; r < repeats; r++)
        {
            best = Math.Min(best, trainer.Fit(data).Last!.Seconds);
        }

        Emit("mlp_epoch", best, "s");
        return best;
    }

    /// <summary>Forward and backward throughput of registry activations, each with a scalar-loop reference.</summary>
    private static void BenchActivations(bool quick)
    {
        string[] names = quick ? ["relu", "sigmoid", "tanh", "gelu"] : ["relu", "leaky_relu", "sigmoid", "tanh", "gelu", "silu", "elu", "selu", "softplus", "mish"];
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

        int repeats = quick ? 3 : 7;
        foreach (string name in names)
        {
            var f = ActivationRegistry.Get(name);
            double vector = Best(repeats, () =>
            {
                for (int r = 0; r < 20; r++)
                {
                    f.Forward(x, y);
                }
            }) / 20;
            double backward = Best(repeats, () =>
            {
                for (int r = 0; r < 20; r++)
                {
                    f.Backward(x, upstream, y);
                }
            }) / 20;
            double scalar = Best(repeats, () =>
            {
                for (int i = 0; i < n; i++)
                {
                    y[i] = (float)f.Forward((double)x[i]);
                }
            });
            Emit($"act_{name}_forward", n / vector, "elements/s");
            Emit($"act_{name}_backward", n / backward, "elements/s");
            Emit($"act_{name}_forward_scalar_loop", n / scalar, "elements/s");
            Emit($"act_{name}_forward_speedup", scalar / vector, "ratio");
        }
    }

    private static double BenchGemm(string name, bool ta, bool tb, int m, int n, int k, int repeats, GemmCall multiply)
    {
        var rng = new Random(1);
        float[] a = RandomArray(rng, m * k), b = RandomArray(rng, k * n), c = new float[m * n];
        int lda = ta ? m : k, ldb = tb ? k : n;
        double flops = 2.0 * m * n * k;
        int inner = Math.Max(1, (int)(2e9 / flops / 20));
        double best = Best(repeats, () =>
        {
            for (int r = 0; r < inner; r++)
            {
                multiply(ta, tb, m, n, k, 1f, a, lda, b, ldb, 0f, c, n);
            }
        }) / inner;
        double gflops = flops / best / 1e9;
        Emit(name, gflops, "GFLOP/s");
        return gflops;
    }

    private static double BenchMathNet(int m, int n, int k, int repeats)
    {
        var rng = new Random(1);
        var a = Matrix<float>.Build.Dense(m, k, (_, _) => (float)rng.NextDouble());
        var b = Matrix<float>.Build.Dense(k, n, (_, _) => (float)rng.NextDouble());
        var c = Matrix<float>.Build.Dense(m, n);
        double best = Best(repeats, () => a.Multiply(b, c));
        double gflops = 2.0 * m * n * k / best / 1e9;
        Emit($"mathnet_gemm_{m}x{k}x{n}", gflops, "GFLOP/s");
        return gflops;
    }

    /// <summary>Best wall time of <paramref name="repeats"/> runs after one warm-up run, in seconds.</summary>
    internal static double Best(int repeats, Action action)
    {
        // Warm up for a while so the JIT reaches its optimized tier.
        long warm = Stopwatch.GetTimestamp();
        do
        {
            action();
        }
        while (Stopwatch.GetElapsedTime(warm).TotalSeconds < 0.2);

        double best = double.MaxValue;
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return best;
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
