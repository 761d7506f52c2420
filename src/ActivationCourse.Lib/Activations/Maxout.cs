namespace ActivationCourse.Activations;

/// <summary>
/// Maxout (Goodfellow et al. 2013): the input is a sequence of groups of k consecutive values
/// (for a row-major batch simply the whole span); y[g] = maxₚ z[g·k + p] and winners[g] = the winning p
/// (the first one on ties). The backward pass routes each upstream gradient to its group's winner.
/// With pieces (z, 0) maxout is ReLU; with (z, 0.01z) it is Leaky ReLU.
/// </summary>
public static class Maxout
{
    /// <summary>Group maxima and the index of the winning piece within each group.</summary>
    public static void Forward(ReadOnlySpan<float> z, int k, Span<float> y, Span<int> winners)
    {
        int groups = Groups(z.Length, k, y.Length, winners.Length);
        for (int g = 0; g < groups; g++)
        {
            ReadOnlySpan<float> piece = z.Slice(g * k, k);
            int best = 0;
            float max = piece[0];
            for (int p = 1; p < k; p++)
            {
                if (piece[p] > max || (float.IsNaN(piece[p]) && !float.IsNaN(max)))
                {
                    max = piece[p];
                    best = p;
                }
            }
            y[g] = max;
            winners[g] = best;
        }
    }

    /// <inheritdoc cref="Forward(ReadOnlySpan{float}, int, Span{float}, Span{int})"/>
    public static void Forward(ReadOnlySpan<double> z, int k, Span<double> y, Span<int> winners)
    {
        int groups = Groups(z.Length, k, y.Length, winners.Length);
        for (int g = 0; g < groups; g++)
        {
            ReadOnlySpan<double> piece = z.Slice(g * k, k);
            int best = 0;
            double max = piece[0];
            for (int p = 1; p < k; p++)
            {
                if (piece[p] > max || (double.IsNaN(piece[p]) && !double.IsNaN(max)))
                {
                    max = piece[p];
                    best = p;
                }
            }
            y[g] = max;
            winners[g] = best;
        }
    }

    /// <summary>dz[g·k + winners[g]] = upstream[g]; every other element of dz is 0.</summary>
    public static void Backward(ReadOnlySpan<float> upstream, ReadOnlySpan<int> winners, int k, Span<float> dz)
    {
        int groups = Groups(dz.Length, k, upstream.Length, winners.Length);
        dz.Clear();
        for (int g = 0; g < groups; g++)
        {
            dz[g * k + Winner(winners[g], k)] = upstream[g];
        }
    }

    /// <inheritdoc cref="Backward(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{float})"/>
    public static void Backward(ReadOnlySpan<double> upstream, ReadOnlySpan<int> winners, int k, Span<double> dz)
    {
        int groups = Groups(dz.Length, k, upstream.Length, winners.Length);
        dz.Clear();
        for (int g = 0; g < groups; g++)
        {
            dz[g * k + Winner(winners[g], k)] = upstream[g];
        }
    }

    private static int Winner(int w, int k) =>
        (uint)w < (uint)k ? w : throw new ArgumentOutOfRangeException("winners", w, $"Winner index {w} is outside 0..{k - 1}.");

    private static int Groups(int zLength, int k, int yLength, int winnersLength)
    {
        if (k <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "The number of pieces k must be positive.");
        }
        if (zLength % k != 0)
        {
            throw new ArgumentException($"The input length {zLength} is not a multiple of k = {k}.", "z");
        }
        int groups = zLength / k;
        Check.SameLength(groups, yLength, "groups (z.Length / k)", "y");
        Check.SameLength(groups, winnersLength, "groups (z.Length / k)", "winners");
        return groups;
    }
}
