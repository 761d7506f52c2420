using System.Globalization;
using ActivationCourse.Training;

namespace ActivationCourse.Cli.Commands;

/// <summary>
/// Checks, before any data is loaded, that a network and batch size fit in .NET arrays and in this machine's memory,
/// so an impossible setting is rejected by name instead of failing with an <see cref="OverflowException"/> or running out of memory.
/// </summary>
internal static class TrainingSize
{
    /// <summary>Images in the MNIST training set.</summary>
    public const int MnistTrainingImages = 60_000;

    /// <summary>Throws an <see cref="ArgumentException"/> naming <c>--hidden</c> or <c>--batch</c> when the sizes cannot work.</summary>
    /// <param name="spec">The network.</param>
    /// <param name="batch">Samples per step (at most the whole MNIST training set; a smaller <c>--limit</c> makes the steps smaller).</param>
    /// <param name="availableBytes">Memory the process may use; default: what the runtime reports.</param>
    public static void Check(MlpSpec spec, int batch, long? availableBytes = null)
    {
        if (batch > MnistTrainingImages)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--batch {batch:N0} is larger than the MNIST training set ({MnistTrainingImages:N0} images); use at most {MnistTrainingImages}."));
        }

        int pieces = string.Equals(spec.Activation, "maxout", StringComparison.OrdinalIgnoreCase) ? spec.MaxoutPieces : 1;
        long parameters = 0;
        long widestRow = spec.Inputs;
        long unitsPerRow = spec.Inputs;
        int fanIn = spec.Inputs;
        for (int layer = 0; layer <= spec.Hidden.Count; layer++)
        {
            bool output = layer == spec.Hidden.Count;
            long units = (long)(output ? spec.Outputs : spec.Hidden[layer]) * (output ? 1 : pieces);
            long weights = fanIn * units;
            if (weights > Array.MaxLength)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"--hidden {string.Join(',', spec.Hidden)}: the layer from {fanIn:N0} to {units:N0} units needs {weights:N0} weights, more than one .NET array holds ({Array.MaxLength:N0}). Use smaller layers."));
            }

            if (batch * units > Array.MaxLength)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"--batch {batch:N0} with a layer of {units:N0} units needs {batch * units:N0} values per step, more than one .NET array holds ({Array.MaxLength:N0}). Use a smaller --batch or --hidden."));
            }

            parameters += weights + units;
            widestRow = Math.Max(widestRow, units);
            unitsPerRow += units;
            fanIn = output ? fanIn : (int)(units / pieces);
        }

        // Each parameter has a value, a gradient and up to two optimizer slots (Adam); each unit of a batch row an activation and
        // a gradient, plus a layer's own scratch; the images are floats.
        const long bytesPerFloat = sizeof(float);
        long needed = (4 * parameters * bytesPerFloat) + (3 * batch * unitsPerRow * bytesPerFloat) + (70_000L * 28 * 28 * (bytesPerFloat + 1));
        long available = availableBytes ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (needed > available)
        {
            string culprit = 4 * parameters * bytesPerFloat > 3 * batch * unitsPerRow * bytesPerFloat ? $"--hidden {string.Join(',', spec.Hidden)}" : $"--batch {batch}";
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{culprit}: training would need about {needed / 1e9:F1} GB ({parameters:N0} parameters), more than the {available / 1e9:F1} GB this process may use. Use smaller layers or batches."));
        }
    }
}
