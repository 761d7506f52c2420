using ActivationCourse.Training;

namespace ActivationCourse.Data;

/// <summary>
/// A small in-memory data set for the lessons' toy experiments: inputs and targets stored row-major,
/// sample after sample (<see cref="InputSize"/> values per input, <see cref="TargetSize"/> per target).
/// </summary>
/// <remarks>
/// Targets are what the loss compares against: real values for regression, 0/1 for binary
/// (sigmoid) outputs, one-hot rows for multi-class (softmax) outputs.
/// </remarks>
/// <param name="Inputs">n · <paramref name="InputSize"/> input values.</param>
/// <param name="InputSize">Features per sample.</param>
/// <param name="Targets">n · <paramref name="TargetSize"/> target values.</param>
/// <param name="TargetSize">Target values per sample.</param>
public sealed record ToyDataset(double[] Inputs, int InputSize, double[] Targets, int TargetSize)
{
    /// <summary>Number of samples.</summary>
    public int Count => Inputs.Length / InputSize;

    /// <summary>The inputs of sample <paramref name="i"/>.</summary>
    public ReadOnlySpan<double> Input(int i) => Inputs.AsSpan(i * InputSize, InputSize);

    /// <summary>The targets of sample <paramref name="i"/>.</summary>
    public ReadOnlySpan<double> Target(int i) => Targets.AsSpan(i * TargetSize, TargetSize);

    /// <summary>The class of sample <paramref name="i"/>: the index of the largest target (one-hot), or the 0/1 target itself.</summary>
    public int Label(int i)
    {
        var t = Target(i);
        if (t.Length == 1)
        {
            return t[0] > 0.5 ? 1 : 0;
        }
        var best = 0;
        for (var j = 1; j < t.Length; j++)
        {
            if (t[j] > t[best])
            {
                best = j;
            }
        }
        return best;
    }

    /// <summary>The samples for the training engine with class labels (<see cref="Label"/>), for a softmax output.</summary>
    public LabeledData WithLabels() =>
        new(Array.ConvertAll(Inputs, v => (float)v), Enumerable.Range(0, Count).Select(Label).ToArray(), InputSize);

    /// <summary>The samples for the training engine with their real-valued targets, for a linear (MSE) or sigmoid output.</summary>
    public LabeledData WithTargets() =>
        new(Array.ConvertAll(Inputs, v => (float)v), Array.ConvertAll(Targets, v => (float)v), InputSize, TargetSize);

    /// <summary>Input column <paramref name="feature"/> over all samples (for scatter plots).</summary>
    public double[] Feature(int feature) => Enumerable.Range(0, Count).Select(i => Inputs[(i * InputSize) + feature]).ToArray();

    /// <summary>Target column <paramref name="output"/> over all samples.</summary>
    public double[] TargetColumn(int output) => Enumerable.Range(0, Count).Select(i => Targets[(i * TargetSize) + output]).ToArray();

    /// <summary>
    /// Two concentric classes in the plane: class 0 inside radius 1, class 1 on a ring between radius 1.5 and 2.5 (times <paramref name="scale"/>)
    /// (uniform angle, uniform radius), one 0/1 target per sample. Needs a nonlinear decision boundary.
    /// </summary>
    /// <param name="count">Number of samples (half in each class).</param>
    /// <param name="seed">Seed of the generator.</param>
    /// <param name="scale">Multiplies every coordinate (radii become 1·scale, 1.5·scale and 2.5·scale).</param>
    public static ToyDataset Rings(int count, int seed, double scale = 1)
    {
        var rng = new Random(seed);
        var x = new double[count * 2];
        var y = new double[count];
        for (var i = 0; i < count; i++)
        {
            var outer = i % 2 == 1;
            var r = outer ? 1.5 + rng.NextDouble() : rng.NextDouble();
            var a = 2 * Math.PI * rng.NextDouble();
            x[2 * i] = scale * r * Math.Cos(a);
            x[(2 * i) + 1] = scale * r * Math.Sin(a);
            y[i] = outer ? 1 : 0;
        }
        return new ToyDataset(x, 2, y, 1);
    }

    /// <summary>
    /// <paramref name="classes"/> Gaussian blobs (standard deviation <paramref name="spread"/>) whose centres sit
    /// evenly on a circle of radius 2; one-hot targets.
    /// </summary>
    /// <param name="count">Number of samples (assigned to classes in turn).</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="spread">Standard deviation of each blob.</param>
    /// <param name="seed">Seed of the generator.</param>
    public static ToyDataset Blobs(int count, int classes, double spread, int seed)
    {
        var rng = new Random(seed);
        var x = new double[count * 2];
        var y = new double[count * classes];
        for (var i = 0; i < count; i++)
        {
            var c = i % classes;
            var a = (2 * Math.PI * c / classes) + (Math.PI / 2);
            x[2 * i] = (2 * Math.Cos(a)) + (spread * NormalSampler.Next(rng));
            x[(2 * i) + 1] = (2 * Math.Sin(a)) + (spread * NormalSampler.Next(rng));
            y[(i * classes) + c] = 1;
        }
        return new ToyDataset(x, 2, y, classes);
    }

    /// <summary>
    /// Samples of a function of one variable on an even grid of [<paramref name="min"/>, <paramref name="max"/>],
    /// plus Gaussian noise of standard deviation <paramref name="noise"/> (0 for none).
    /// </summary>
    /// <param name="f">The function to sample.</param>
    /// <param name="count">Number of samples (at least 2).</param>
    /// <param name="min">Left end of the grid.</param>
    /// <param name="max">Right end of the grid.</param>
    /// <param name="noise">Standard deviation of the added noise.</param>
    /// <param name="seed">Seed of the noise generator.</param>
    public static ToyDataset Curve(Func<double, double> f, int count, double min, double max, double noise = 0, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var rng = new Random(seed);
        var x = new double[count];
        var y = new double[count];
        for (var i = 0; i < count; i++)
        {
            x[i] = min + ((max - min) * i / (count - 1));
            y[i] = f(x[i]) + (noise == 0 ? 0 : noise * NormalSampler.Next(rng));
        }
        return new ToyDataset(x, 1, y, 1);
    }

    /// <summary>Standard normal inputs (<paramref name="count"/> samples of <paramref name="size"/> features) with zero targets.</summary>
    /// <param name="count">Number of samples.</param>
    /// <param name="size">Features per sample.</param>
    /// <param name="seed">Seed of the generator.</param>
    public static ToyDataset StandardNormal(int count, int size, int seed)
    {
        var rng = new Random(seed);
        var x = new double[count * size];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = NormalSampler.Next(rng);
        }
        return new ToyDataset(x, size, new double[count], 1);
    }
}
