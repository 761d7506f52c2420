using System.Globalization;
using System.Numerics;
using System.Text;
using ActivationCourse.Activations;
using ActivationCourse.Explorer.Model;

namespace ActivationCourse.Explorer.Tests;

/// <summary>
/// Results of the library's vectorized code paths (every activation on float and double spans, and a short XOR
/// training run through the GEMM) in one process, written as text so a child process's results can be compared.
/// </summary>
public sealed record Fingerprint(bool VectorAccelerated, IReadOnlyDictionary<string, double[]> Values)
{
    /// <summary>Runs everything in this process.</summary>
    public static Fingerprint Compute()
    {
        var values = new Dictionary<string, double[]>();
        const int n = 997; // not a multiple of any vector width: the scalar tail runs too
        var xd = Enumerable.Range(0, n).Select(i => -8 + (16.0 * i / (n - 1))).ToArray();
        var xf = xd.Select(v => (float)v).ToArray();
        foreach (var activation in ActivationRegistry.All)
        {
            var yf = new float[n];
            activation.Forward(xf, yf);
            values[$"{activation.Name}.f32"] = [.. yf.Select(v => (double)v)];
            activation.Derivative(xf, yf);
            values[$"{activation.Name}.df32"] = [.. yf.Select(v => (double)v)];
            var yd = new double[n];
            activation.Forward(xd, yd);
            values[$"{activation.Name}.f64"] = yd.ToArray();
            activation.Derivative(xd, yd);
            values[$"{activation.Name}.df64"] = yd.ToArray();
        }
        var session = new TrainingSession(ExplorerState.Parse("view=network&data=xor&layers=relu:16,tanh:16&lr=0.1&batch=32&seed=3"));
        session.Step(150);
        values["xor.train_loss"] = [session.TrainLoss[^1]];
        values["xor.boundary"] = [.. session.ClassOneProbabilities(12, 1.5).Select(v => (double)v)];
        return new Fingerprint(Vector.IsHardwareAccelerated, values);
    }

    /// <summary>One line per entry: key, then the values (round-trip format).</summary>
    public string ToText()
    {
        var text = new StringBuilder($"vector_accelerated {VectorAccelerated}\n");
        foreach (var (key, values) in Values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(' ').AppendJoin(' ', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Reads <see cref="ToText"/>.</summary>
    public static Fingerprint Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        bool accelerated = bool.Parse(lines[0].Split(' ')[1]);
        var values = lines.Skip(1).Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => p.Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        return new Fingerprint(accelerated, values);
    }
}
