using ActivationCourse.Activations;

namespace ActivationCourse.Lib.Tests;

/// <summary>
/// Activations written out from their defining formulas, for tests that exercise the experiments and the engine
/// through the <see cref="Activation"/> contract without depending on the library's own kernels.
/// </summary>
internal static class FormulaActivations
{
    public static Activation Sigmoid { get; } = new CustomActivation("sigmoid", x => 1 / (1 + Math.Exp(-x)), x => Math.Exp(-x) / Math.Pow(1 + Math.Exp(-x), 2));

    public static Activation Tanh { get; } = new CustomActivation("tanh", Math.Tanh, x => 1 - (Math.Tanh(x) * Math.Tanh(x)));

    public static Activation Relu { get; } = new CustomActivation("relu", x => x > 0 ? x : 0, x => x > 0 ? 1 : 0, 0.0);
}
