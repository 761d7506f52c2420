using System.Numerics.Tensors;
using ActivationCourse.Activations;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ActivationCourse.Benchmarks;

/// <summary>The library against TensorPrimitives where TensorPrimitives has the same operation (1M floats).</summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class TensorPrimitivesBenchmarks
{
    private const int Length = 1 << 20;
    private const int Classes = 1000;
    private float[] _x = [];
    private float[] _y = [];
    private readonly Sigmoid _sigmoid = new();
    private readonly Tanh _tanh = new();
    private readonly ReLU _relu = new();
    private readonly SiLU _silu = new();

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _x = new float[Length];
        _y = new float[Length];
        for (int i = 0; i < Length; i++)
        {
            _x[i] = (float)(8 * rng.NextDouble() - 4);
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("sigmoid")]
    public void TP_Sigmoid() => TensorPrimitives.Sigmoid(_x, _y);

    [Benchmark, BenchmarkCategory("sigmoid")]
    public void Lib_Sigmoid() => _sigmoid.Forward(_x, _y);

    [Benchmark(Baseline = true), BenchmarkCategory("tanh")]
    public void TP_Tanh() => TensorPrimitives.Tanh(_x, _y);

    [Benchmark, BenchmarkCategory("tanh")]
    public void Lib_Tanh() => _tanh.Forward(_x, _y);

    // TensorPrimitives has no SiLU: x·σ(x) is its sigmoid, then a multiply (two passes over the data).
    [Benchmark(Baseline = true), BenchmarkCategory("silu")]
    public void TP_SigmoidTimesX()
    {
        TensorPrimitives.Sigmoid(_x, _y);
        TensorPrimitives.Multiply(_x, _y, _y);
    }

    [Benchmark, BenchmarkCategory("silu")]
    public void Lib_SiLU() => _silu.Forward(_x, _y);

    [Benchmark(Baseline = true), BenchmarkCategory("relu")]
    public void TP_MaxZero() => TensorPrimitives.Max(_x, 0f, _y);

    [Benchmark, BenchmarkCategory("relu")]
    public void Lib_ReLU() => _relu.Forward(_x, _y);

    // TensorPrimitives.SoftMax does not subtract the row maximum, so it returns NaN once a logit passes about 88
    // (softmax of [1000, 1001, 1002] is NaN). The fair reference is the stable softmax built from its parts.
    [Benchmark(Baseline = true), BenchmarkCategory("softmax")]
    public void TP_StableSoftMaxRows()
    {
        for (int r = 0; r < Length / Classes * Classes; r += Classes)
        {
            Span<float> y = _y.AsSpan(r, Classes);
            TensorPrimitives.Subtract(_x.AsSpan(r, Classes), TensorPrimitives.Max(_x.AsSpan(r, Classes)), y);
            TensorPrimitives.SoftMax(y, y);
        }
    }

    [Benchmark, BenchmarkCategory("softmax")]
    public void TP_UnstableSoftMaxRows()
    {
        for (int r = 0; r < Length / Classes * Classes; r += Classes)
        {
            TensorPrimitives.SoftMax(_x.AsSpan(r, Classes), _y.AsSpan(r, Classes));
        }
    }

    [Benchmark, BenchmarkCategory("softmax")]
    public void Lib_Softmax() => Softmax.Forward(_x.AsSpan(0, Length / Classes * Classes), Classes, _y.AsSpan(0, Length / Classes * Classes));
}
