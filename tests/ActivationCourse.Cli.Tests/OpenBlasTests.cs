using ActivationCourse.Cli.Benchmarks;
using ActivationCourse.Data;
using ActivationCourse.LinearAlgebra;
using ActivationCourse.Training;

namespace ActivationCourse.Cli.Tests;

/// <summary>
/// The run-time OpenBLAS binding of <c>course bench</c>. OpenBLAS is optional: the comparisons are skipped (with the
/// install hint as the reason) where it is missing, and the fallback message is checked only there.
/// </summary>
public class OpenBlasTests
{
    [WithoutOpenBlasFact]
    public void WithoutOpenBlasTheNoteNamesTheLibrariesTriedAndHowToInstallIt()
    {
        Assert.Null(OpenBlas.TryLoad());
        Assert.All(OpenBlas.CandidateNames, name => Assert.Contains(name, OpenBlas.MissingNote));
        Assert.Contains(OperatingSystem.IsLinux() ? "apt-get install libopenblas0" : "install", OpenBlas.MissingNote);
    }

    [OpenBlasTheory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void SgemmAgreesWithGemmMultiply(bool transposeA, bool transposeB)
    {
        OpenBlas blas = OpenBlas.TryLoad()!;

        // Odd sizes and padded row strides, so a mixed-up flag, size or stride shows.
        const int m = 13, n = 9, k = 17, pad = 3;
        var rng = new Random(7);
        int lda = (transposeA ? m : k) + pad, ldb = (transposeB ? k : n) + pad, ldc = n + pad;
        float[] a = Random(rng, (transposeA ? k : m) * lda), b = Random(rng, (transposeB ? n : k) * ldb), c0 = Random(rng, m * ldc);
        float[] theirs = (float[])c0.Clone(), ours = (float[])c0.Clone();

        blas.Sgemm(transposeA, transposeB, m, n, k, 0.5f, a, lda, b, ldb, 2f, theirs, ldc);
        Gemm.Multiply(transposeA, transposeB, m, n, k, 0.5f, a, lda, b, ldb, 2f, ours, ldc);

        for (int i = 0; i < ours.Length; i++)
        {
            Assert.True(Math.Abs(theirs[i] - ours[i]) <= 1e-5f * (1 + Math.Abs(ours[i])), $"C[{i}]: OpenBLAS {theirs[i]}, ours {ours[i]}");
        }

        Assert.NotEqual(c0, theirs);
        Assert.True(blas.Threads >= 1, blas.Description);
    }

    [OpenBlasFact]
    public void TheOpenBlasEpochTrainsLikeTheEngine()
    {
        OpenBlas blas = OpenBlas.TryLoad()!;

        // A small ReLU network and 300 samples in batches of 32: the last batch (12 rows) is partial.
        var spec = new MlpSpec(20, [16, 8], 4, "relu");
        var rng = new Random(3);
        var data = new LabeledData(Random(rng, 300 * 20), [.. Enumerable.Range(0, 300).Select(_ => rng.Next(4))], 20);
        var network = Network.FromSpec(spec, seed: 5);
        var reference = new OpenBlasEpoch(blas, [.. Network.FromSpec(spec, seed: 5).Layers.OfType<DenseLayer>()], data, 32, 0.1f, seed: 9);
        var trainer = new Trainer(network, new Sgd(0.1), new TrainerOptions { Epochs = 2, BatchSize = 32, Seed = 9 });

        trainer.Fit(data);
        reference.Run();
        reference.Run();

        var layers = network.Layers.OfType<DenseLayer>().ToArray();
        for (int l = 0; l < layers.Length; l++)
        {
            AssertClose(layers[l].Weights.Value, reference.Weights[l], $"W{l}");
            AssertClose(layers[l].Bias.Value, reference.Biases[l], $"b{l}");
        }

        // Two epochs moved the weights: the comparison is not between two untouched copies.
        Assert.NotEqual(Network.FromSpec(spec, seed: 5).Layers.OfType<DenseLayer>().First().Weights.Value, reference.Weights[0]);
    }

    [OpenBlasFact]
    public void SgemmAndSaxpyRejectSpansThatDoNotFitBeforeCallingNativeCode()
    {
        OpenBlas blas = OpenBlas.TryLoad()!;

        var a = new float[4 * 3];
        var b = new float[3 * 5];
        Assert.Throws<ArgumentException>(() => blas.Sgemm(false, false, 4, 5, 3, 1f, a, 3, b, 5, 0f, new float[(4 * 5) - 1], 5));
        Assert.Throws<ArgumentException>(() => blas.Sgemm(true, false, 4, 5, 3, 1f, a, 3, b, 5, 0f, new float[4 * 5], 5));
        Assert.Throws<ArgumentException>(() => blas.Saxpy(1f, a, b));

        var y = new float[] { 1, 2, 3 };
        blas.Saxpy(-0.5f, [2, 4, 8], y);
        Assert.Equal([0f, 0f, -1f], y);
    }

    [Fact]
    public void LibrariesThatAreMissingOrLackCblasAreNotLoaded()
    {
        Assert.Null(OpenBlas.TryLoad(["libno-such-blas-library.so.0", "no-such-blas-library.dll"]));
        // The C library loads on Linux but has no CBLAS; elsewhere it is simply missing.
        Assert.Null(OpenBlas.TryLoad(["libc.so.6"]));
    }

    private static void AssertClose(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4f * (1 + Math.Abs(expected[i])), $"{what}[{i}]: engine {expected[i]}, OpenBLAS epoch {actual[i]}");
        }
    }

    private static float[] Random(Random rng, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)((rng.NextDouble() * 2) - 1);
        }

        return values;
    }
}
