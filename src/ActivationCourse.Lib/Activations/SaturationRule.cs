namespace ActivationCourse.Activations;

/// <summary>How diagnostics tell that an output of an activation sits in a flat tail (<see cref="Activation.Saturation"/>).</summary>
public enum SaturationRule
{
    /// <summary>No flat tails counted (unbounded, or bounded without tails worth counting).</summary>
    None,

    /// <summary>Outputs in [−1, 1] (tanh, hard tanh, softsign): saturated when |y| is close to 1.</summary>
    TanhLike,

    /// <summary>Outputs in [0, 1] (sigmoid, hard sigmoid): saturated when y is close to 0 or to 1.</summary>
    SigmoidLike,
}
