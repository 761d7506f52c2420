using System.Reflection;
using ActivationCourse.Activations;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ActivationCourse.Benchmarks;

/// <summary>
/// Forward and derivative throughput on 1M floats for every registered activation: the library's span methods
/// (shared SIMD driver, or TensorPrimitives where used) against a plain scalar loop over the same kernel formula.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class ActivationBenchmarks
{
    private const int Length = 1 << 20;
    private float[] _x = [];
    private float[] _y = [];
    private Activation _f = null!;
    private Action<float[], float[]> _scalarForward = null!;
    private Action<float[], float[]> _scalarDerivative = null!;

    public static IEnumerable<string> Names => ActivationRegistry.Names;

    [ParamsSource(nameof(Names))]
    public string Name { get; set; } = "relu";

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
        _f = ActivationRegistry.Get(Name);
        (_scalarForward, _scalarDerivative) = ScalarLoops(_f);
    }

    // Binds ScalarBaseline.Forward<TKernel>/Derivative<TKernel> to the activation's kernel type once, outside the timing.
    private static (Action<float[], float[]>, Action<float[], float[]>) ScalarLoops(Activation f)
    {
        Type? t = f.GetType();
        while (t is not null && !(t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ElementwiseActivation<>)))
        {
            t = t.BaseType;
        }
        Type kernel = t!.GetGenericArguments()[0];
        MethodInfo fwd = typeof(ScalarLoopsOf<>).MakeGenericType(kernel).GetMethod("Forward")!;
        MethodInfo der = typeof(ScalarLoopsOf<>).MakeGenericType(kernel).GetMethod("Derivative")!;
        return ((Action<float[], float[]>)Delegate.CreateDelegate(typeof(Action<float[], float[]>), f, fwd),
                (Action<float[], float[]>)Delegate.CreateDelegate(typeof(Action<float[], float[]>), f, der));
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Forward")]
    public void ScalarForward() => _scalarForward(_x, _y);

    [Benchmark, BenchmarkCategory("Forward")]
    public void Forward() => _f.Forward(_x, _y);

    [Benchmark(Baseline = true), BenchmarkCategory("Derivative")]
    public void ScalarDerivative() => _scalarDerivative(_x, _y);

    [Benchmark, BenchmarkCategory("Derivative")]
    public void Derivative() => _f.Derivative(_x, _y);
}

internal static class ScalarLoopsOf<TKernel> where TKernel : struct, IActivationKernel
{
    public static void Forward(ElementwiseActivation<TKernel> f, float[] x, float[] y) => ScalarBaseline.Forward(f, x, y);

    public static void Derivative(ElementwiseActivation<TKernel> f, float[] x, float[] y) => ScalarBaseline.Derivative(f, x, y);
}
