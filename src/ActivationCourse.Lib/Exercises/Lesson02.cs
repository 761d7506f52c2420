using ActivationCourse.Activations;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Exercises;

/// <summary>
/// A backward pass written in a lesson: from the layers' weights (inputs × outputs) and biases, the activation f, the
/// forward pass's pre-activations Z and layer inputs H (rows are samples) and dLoss/dZ of the last (linear) layer, the
/// gradients of every layer's W and b.
/// </summary>
public delegate (List<Matrix<double>> DW, List<Vector<double>> DB) BackwardPass(
    IReadOnlyList<Matrix<double>> weights, IReadOnlyList<Vector<double>> biases, Activation f,
    List<Matrix<double>> z, List<Matrix<double>> h, Matrix<double> dZLast);

/// <summary>The checks of lesson 02's exercises.</summary>
public static class Lesson02
{
    /// <summary>The letter of the right answer to exercise 2.5.</summary>
    private const char SameInputsEverywhere = 'C';

    /// <summary>The layers of lesson 02's 20-layer stack that feed another layer (1 to 19): exercise 2.5's range for <c>signLayer</c>.</summary>
    public const int SignLayers = 19;

    /// <summary>
    /// What exercise 2.5's measurement shows, printed once the check has passed; kept here so the learner copy's code
    /// does not give the explanation away before the learner has chosen one.
    /// </summary>
    public const string MixedSignsExplanation =
        "So the batch sum mixes the signs again where the examples' inputs to a layer still differ, near the input; from layer 10 on, where the vanishing gradient has erased those differences, it cannot.";

    /// <summary>Exercise 2.1: the largest steepness k of 1/(1 + e^(−kx)) whose derivative never exceeds 1.</summary>
    public static CheckResult Steepness(double answer) =>
        Check.Number("2.1", answer, 1 / new GeneralizedLogistic(steepness: 1).Derivative(0.0), tolerance: 1e-9,
            hint: "where is f′ largest, how large is it there for k = 1, and how does it scale with k?");

    /// <summary>
    /// Exercise 2.2: the learner's backward pass, on a network of three layers of different widths with nonzero biases
    /// and the sigmoid, compared with the chain rule to 1e-9. The check computes Z and H itself (the defining formulas of
    /// the forward pass), so it judges the backward pass alone.
    /// </summary>
    public static CheckResult Backward(BackwardPass backward)
    {
        ArgumentNullException.ThrowIfNull(backward);
        const string id = "2.2";
        var (weights, biases) = Lesson01.RandomLayers([3, 4, 5, 2], std: 0.9, seed: 21);
        var x = Matrix<double>.Build.Random(6, 3, new Normal(0, 1, new Random(22)));
        var dZLast = Matrix<double>.Build.Random(6, 2, new Normal(0, 1, new Random(23)));
        var f = new Sigmoid();
        List<Matrix<double>> dW;
        List<Vector<double>> dB;
        try
        {
            var (z, h) = Lesson01.ReferenceForward(weights, biases, f, x);
            (dW, dB) = backward(weights, biases, f, z, h, dZLast);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Check.True(id, false, $"your Backward threw {e.GetType().Name}: {e.Message}");
        }

        if (dW is null || dB is null || dW.Count == 0)
        {
            return Lesson01.NoAnswer(id);
        }

        var (expectedW, expectedB) = ReferenceBackward(weights, biases, f, x, dZLast);
        if (dW.Count != expectedW.Count || dB.Count != expectedB.Count)
        {
            return Check.True(id, false, $"return one dW and one dB per layer ({expectedW.Count} of each)");
        }

        string? problem = Lesson01.FirstDifference("dW", dW, expectedW)
            ?? Lesson01.FirstDifference("dB", [.. dB.Select(v => v?.ToRowMatrix()!)], [.. expectedB.Select(v => v.ToRowMatrix())]);
        return Check.True(id, problem is null, problem is null ? null
            : problem + ": work down from the last layer; which Z does f′ take, and which H multiplies δ?");
    }

    /// <summary>Exercise 2.4: dh₅/dx at x = 0 for the chain h₁ = σ(x), hₖ = σ(hₖ₋₁).</summary>
    public static CheckResult ChainSlope(double answer)
    {
        var sigmoid = new Sigmoid();
        double input = 0, product = 1;
        for (int k = 0; k < 5; k++)
        {
            product *= sigmoid.Derivative(input);
            input = sigmoid.Forward(input);
        }

        const string hint = "by the chain rule dh₅/dx is a product of five σ′ values, each taken at that unit's own input";
        if (double.IsNaN(answer))
        {
            return Lesson01.NoAnswer("2.4");
        }

        // Relative 1e-4: a product of five σ′ values read to four digits passes, (1/4)⁵ and 1/4 do not.
        return Check.True("2.4", Math.Abs(answer - product) <= 1e-4 * product, hint);
    }

    /// <summary>
    /// Exercise 2.3 (predict, then measure), for the 20-layer tanh stack with weights from N(0, (g/√width)²) whose
    /// error-signal ratio ‖dB of layer 1‖ / ‖dB of layer 20‖ the learner's own backward pass measures. Correct when the
    /// prediction for Glorot's scale (g = 1: "below", "within" or "above" the window [1/2, 2]) matches the ratio measured
    /// at g = 1, the learner's gain gives a ratio within the window, and both measurements agree with the course's own
    /// backward pass on the same stack.
    /// </summary>
    /// <param name="glorotPrediction">"below", "within" or "above" (empty: no answer yet).</param>
    /// <param name="glorotRatio">The ratio the learner measured at g = 1 (NaN: not measured).</param>
    /// <param name="gain">The learner's gain (NaN: no answer yet).</param>
    /// <param name="measuredRatio">The ratio the learner measured with that gain (NaN: not measured).</param>
    public static CheckResult TanhGain(string? glorotPrediction, double glorotRatio, double gain, double measuredRatio)
    {
        const string id = "2.3";
        var prediction = glorotPrediction?.Trim().ToLowerInvariant() ?? "";
        if (prediction.Length == 0 || double.IsNaN(gain))
        {
            return Lesson01.NoAnswer(id);
        }

        if (prediction is not ("below" or "within" or "above"))
        {
            return Check.True(id, false, "write \"below\", \"within\" or \"above\" for the prediction at g = 1");
        }

        if (!(gain > 0) || double.IsInfinity(gain))
        {
            return Check.True(id, false, "the gain scales a standard deviation: give a positive number");
        }

        if (double.IsNaN(glorotRatio) || double.IsNaN(measuredRatio))
        {
            return Check.True(id, false, "run the measurement cell first (it needs exercises 1.1 and 2.2)");
        }

        var tanh = new Tanh();
        if (!Agrees(glorotRatio, FirstToLastRatio(tanh, 1)) || !Agrees(measuredRatio, FirstToLastRatio(tanh, gain)))
        {
            return Check.True(id, false, "the measured ratios differ from the course's backward pass on the same stack: run the measurement cell unchanged");
        }

        if (Window(glorotRatio) != prediction)
        {
            return Check.True(id, false,
                "your prediction for g = 1 does not match the measurement: away from 0, tanh′ < 1, so what happens to δ at every layer when the weights only keep the variance?");
        }

        return Check.True(id, Window(measuredRatio) == "within",
            measuredRatio < 0.5
                ? "the first layer still gets much less of the error signal than the last: the weights must make up for what tanh′ < 1 takes at every layer"
                : "the first layer now gets much more than the last: the weights amplify the error signal at every layer");
    }

    private static string Window(double ratio) => ratio < 0.5 ? "below" : ratio > 2 ? "above" : "within";

    // Relative 1e-6: rounding grows with the gain (a correct backward pass differs from the reference by about 5e-7 at
    // g = 20), while a different stack or a changed measurement differs by far more.
    private static bool Agrees(double measured, double reference) => Math.Abs(measured - reference) <= 1e-6 * Math.Abs(reference);

    /// <summary>
    /// Exercise 2.5 (predict, then measure): why the sigmoid stack shows no unit whose batch-summed weight gradient mixes
    /// signs. Correct when the learner picked the right explanation and measured, at a layer other than 10, that
    /// the signs do mix where the examples still differ.
    /// </summary>
    /// <param name="choice">The learner's letter, 'A' to 'D' ('\0' or ' ' means no answer yet).</param>
    /// <param name="layer">The layer whose outputs feed the measured layer: 1 to <see cref="SignLayers"/> in the lesson's 20-layer stack.</param>
    /// <param name="mixedUnits">How many units of that layer have a batch-summed gradient with both signs.</param>
    public static CheckResult MixedSigns(char choice, int layer, int mixedUnits)
    {
        const string id = "2.5";
        if (char.IsWhiteSpace(choice) || choice == '\0')
        {
            return Lesson01.NoAnswer(id);
        }

        if (layer is < 1 or > SignLayers)
        {
            return Check.True(id, false, $"signLayer must be a layer of the stack that feeds another, 1 to {SignLayers}; {layer} is not one");
        }

        if (char.ToUpperInvariant(choice) != SameInputsEverywhere)
        {
            return Check.True(id, false,
                "that explanation does not fit every number printed so far: look again at how much a layer-10 unit's output varies across the batch");
        }

        return Check.True(id, layer != 10 && mixedUnits > 0,
            "now test your explanation: repeat the count for a layer where the examples' inputs still differ");
    }

    /// <summary>The chain rule, from dLoss/dZ of the last layer: dW[l] = H[l]ᵀ·δ[l], dB[l] = Σ over rows of δ[l], δ[l − 1] = (δ[l]·W[l]ᵀ) ⊙ f′(Z[l − 1]).</summary>
    internal static (List<Matrix<double>> DW, List<Vector<double>> DB) ReferenceBackward(
        IReadOnlyList<Matrix<double>> weights, IReadOnlyList<Vector<double>> biases, Activation f, Matrix<double> x, Matrix<double> dZLast)
    {
        var (z, h) = Lesson01.ReferenceForward(weights, biases, f, x);
        var dW = new Matrix<double>[weights.Count];
        var dB = new Vector<double>[weights.Count];
        var delta = dZLast;
        for (int l = weights.Count - 1; l >= 0; l--)
        {
            dW[l] = h[l].TransposeThisAndMultiply(delta);
            dB[l] = delta.ColumnSums();
            if (l > 0)
            {
                delta = (delta * weights[l].Transpose()).PointwiseMultiply(z[l - 1].Map(f.Derivative));
            }
        }

        return ([.. dW], [.. dB]);
    }

    /// <summary>
    /// ‖dB of the first layer‖ / ‖dB of the last layer‖ in a stack of <paramref name="depth"/> layers of
    /// <paramref name="width"/> units with zero biases and weights from N(0, (gain/√width)²), on a batch from N(0, 1)
    /// with a random dLoss/dZ of the last layer (seeded): the quantity exercise 2.3 judges.
    /// </summary>
    internal static double FirstToLastRatio(Activation f, double gain, int depth = 20, int width = 64, int batch = 128, int seed = 7)
    {
        var random = new Random(seed);
        var normal = new Normal(0, gain / Math.Sqrt(width), random);
        var weights = Enumerable.Range(0, depth).Select(_ => Matrix<double>.Build.Random(width, width, normal)).ToList();
        var biases = Enumerable.Range(0, depth).Select(_ => Vector<double>.Build.Dense(width)).ToList();
        var x = Matrix<double>.Build.Random(batch, width, new Normal(0, 1, random));
        var dZ = Matrix<double>.Build.Random(batch, width, new Normal(0, 1, random));
        var (_, dB) = ReferenceBackward(weights, biases, f, x, dZ);
        return dB[0].L2Norm() / dB[^1].L2Norm();
    }
}
