using ActivationCourse.Activations;

namespace ActivationCourse.Training.Diagnostics;

/// <summary>
/// A small maxout layer in double precision, set up to have its weights gradient-checked: fixed random input x and
/// upstream gradient u, parameters θ = (W, b), and the scalar loss L(θ) = Σ_g u_g · max_p (w_{g,p}ᵀx + b_{g,p}).
/// Backpropagation routes u_g to the winning piece only, so ∂L/∂w_{g,p} = u_g·x and ∂L/∂b_{g,p} = u_g for the
/// winner and 0 for every other piece (<see cref="Maxout.Backward(ReadOnlySpan{double}, ReadOnlySpan{int}, int, Span{double})"/>).
/// </summary>
public sealed class MaxoutLayerProbe
{
    /// <summary>Draws weights, biases, input and upstream gradient uniformly in [−1, 1] from a seeded generator.</summary>
    /// <param name="inputs">Length of x.</param>
    /// <param name="units">Maxout units (groups).</param>
    /// <param name="pieces">Affine pieces per unit (k).</param>
    /// <param name="seed">Seed of the generator.</param>
    public MaxoutLayerProbe(int inputs, int units, int pieces, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pieces, 1);
        Inputs = inputs;
        Units = units;
        Pieces = pieces;
        var rng = new Random(seed);
        double Draw() => (2 * rng.NextDouble()) - 1;
        Parameters = [.. Enumerable.Range(0, (units * pieces * inputs) + (units * pieces)).Select(_ => Draw())];
        Input = [.. Enumerable.Range(0, inputs).Select(_ => Draw())];
        Upstream = [.. Enumerable.Range(0, units).Select(_ => Draw())];
    }

    /// <summary>Length of the input.</summary>
    public int Inputs { get; }

    /// <summary>Number of maxout units.</summary>
    public int Units { get; }

    /// <summary>Affine pieces per unit.</summary>
    public int Pieces { get; }

    /// <summary>θ: the weights W (units·pieces rows of <see cref="Inputs"/> values, piece after piece within a unit), then the biases b.</summary>
    public double[] Parameters { get; }

    /// <summary>The fixed input x.</summary>
    public double[] Input { get; }

    /// <summary>The fixed upstream gradient u = ∂L/∂h.</summary>
    public double[] Upstream { get; }

    /// <summary>The pre-activations z = Wx + b for parameters θ.</summary>
    public double[] PreActivations(double[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Length != Parameters.Length)
        {
            throw new ArgumentException($"Expected {Parameters.Length} parameters, got {parameters.Length}.", nameof(parameters));
        }
        int rows = Units * Pieces;
        var z = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            double sum = parameters[(rows * Inputs) + r];
            for (int i = 0; i < Inputs; i++)
            {
                sum += parameters[(r * Inputs) + i] * Input[i];
            }
            z[r] = sum;
        }
        return z;
    }

    /// <summary>The layer's outputs h and the winning piece of each unit, for parameters θ.</summary>
    public (double[] Outputs, int[] Winners) Forward(double[] parameters)
    {
        var z = PreActivations(parameters);
        var h = new double[Units];
        var winners = new int[Units];
        Maxout.Forward(z, Pieces, h, winners);
        return (h, winners);
    }

    /// <summary>L(θ) = Σ_g u_g·h_g.</summary>
    public double Loss(double[] parameters)
    {
        var (h, _) = Forward(parameters);
        double loss = 0;
        for (int g = 0; g < Units; g++)
        {
            loss += Upstream[g] * h[g];
        }
        return loss;
    }

    /// <summary>∂L/∂θ at <see cref="Parameters"/> by backpropagation: u routed to the winners, then ∂L/∂W = dz·xᵀ and ∂L/∂b = dz.</summary>
    public double[] Gradient()
    {
        var (_, winners) = Forward(Parameters);
        int rows = Units * Pieces;
        var dz = new double[rows];
        Maxout.Backward(Upstream, winners, Pieces, dz);
        var gradient = new double[Parameters.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int i = 0; i < Inputs; i++)
            {
                gradient[(r * Inputs) + i] = dz[r] * Input[i];
            }
            gradient[(rows * Inputs) + r] = dz[r];
        }
        return gradient;
    }

    /// <summary>The smallest gap between a unit's winning piece and its runner-up: a probe step h above it could flip a winner.</summary>
    public double SmallestWinningMargin()
    {
        var z = PreActivations(Parameters);
        double smallest = double.PositiveInfinity;
        for (int g = 0; g < Units; g++)
        {
            var piece = z.AsSpan(g * Pieces, Pieces).ToArray();
            Array.Sort(piece);
            if (Pieces > 1)
            {
                smallest = Math.Min(smallest, piece[^1] - piece[^2]);
            }
        }
        return smallest;
    }
}
