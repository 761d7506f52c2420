using ActivationCourse.Activations;
using ActivationCourse.Data;

namespace ActivationCourse.Studies;

/// <summary>The weights after every step of <see cref="ZigZagDescent.Run"/>.</summary>
/// <param name="W1">First weight, starting value first.</param>
/// <param name="W2">Second weight, starting value first.</param>
/// <param name="SameSignUpdates">Steps whose update changed both weights in the same direction.</param>
/// <param name="Steps">Number of steps.</param>
public sealed record DescentPath(double[] W1, double[] W2, int SameSignUpdates, int Steps)
{
    /// <summary>Distance from the last weights to the target.</summary>
    public double FinalDistance(double target1, double target2) => Math.Sqrt(Math.Pow(W1[^1] - target1, 2) + Math.Pow(W2[^1] - target2, 2));
}

/// <summary>
/// Why zero-centered inputs matter: a unit y = w₁a₁ + w₂a₂ learns a target w* by gradient descent on
/// ½(y − y*)², where its inputs a are the outputs of an activation applied to N(0, 1) pre-activations. The weight
/// gradient of one example is (y − y*)·a; when every a is positive (sigmoid inputs) both components of every
/// single-example update share one sign, so reaching a target like (1, −1) takes a zig-zag. Summing over a batch can
/// mix the signs; zero-centered inputs (tanh) mix them from the start.
/// </summary>
public static class ZigZagDescent
{
    /// <summary>Runs <paramref name="steps"/> steps of mini-batch gradient descent from w = (0, 0) (seeded).</summary>
    /// <param name="inputActivation">Applied to N(0, 1) draws to make the inputs (sigmoid: all positive; tanh: centered).</param>
    /// <param name="target1">First component of the target weights.</param>
    /// <param name="target2">Second component of the target weights.</param>
    /// <param name="learningRate">Step size.</param>
    /// <param name="steps">Number of updates.</param>
    /// <param name="batchSize">Examples whose gradients are summed (averaged) per update; 1 is per-example descent.</param>
    /// <param name="seed">Seed of the inputs.</param>
    public static DescentPath Run(Activation inputActivation, double target1, double target2, double learningRate, int steps, int batchSize, int seed)
    {
        ArgumentNullException.ThrowIfNull(inputActivation);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var random = new Random(seed);
        var w1 = new double[steps + 1];
        var w2 = new double[steps + 1];
        int same = 0;
        for (int t = 0; t < steps; t++)
        {
            double g1 = 0, g2 = 0;
            for (int k = 0; k < batchSize; k++)
            {
                double a1 = inputActivation.Forward(NormalSampler.Next(random));
                double a2 = inputActivation.Forward(NormalSampler.Next(random));
                double error = (w1[t] * a1) + (w2[t] * a2) - ((target1 * a1) + (target2 * a2));
                g1 += error * a1 / batchSize;
                g2 += error * a2 / batchSize;
            }

            if (Math.Sign(g1) == Math.Sign(g2) && g1 != 0)
            {
                same++;
            }

            w1[t + 1] = w1[t] - (learningRate * g1);
            w2[t + 1] = w2[t] - (learningRate * g2);
        }

        return new DescentPath(w1, w2, same, steps);
    }
}
