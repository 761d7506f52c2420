using System.Numerics.Tensors;

namespace ActivationCourse.Training;

/// <summary>
/// Updates parameters from their gradients. Per-parameter state (momentum, moments) is allocated on the first
/// step and reused, so steps allocate nothing.
/// </summary>
public abstract class Optimizer
{
    private readonly Dictionary<Parameter, float[][]> _state = [];

    /// <summary>Sets the learning rate and weight decay.</summary>
    /// <param name="learningRate">Step size, &gt; 0.</param>
    /// <param name="weightDecay">L2 penalty added to the gradient as weightDecay·θ (PyTorch's coupled form), ≥ 0.</param>
    protected Optimizer(double learningRate, double weightDecay)
    {
        if (!(learningRate > 0) || double.IsInfinity(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), $"The learning rate must be positive and finite (got {learningRate}).");
        }

        if (!(weightDecay >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(weightDecay), $"Weight decay must be ≥ 0 (got {weightDecay}).");
        }

        LearningRate = learningRate;
        WeightDecay = weightDecay;
    }

    /// <summary>Step size.</summary>
    public double LearningRate { get; set; }

    /// <summary>L2 penalty coefficient.</summary>
    public double WeightDecay { get; }

    /// <summary>Number of steps taken.</summary>
    public int Steps { get; private set; }

    /// <summary>
    /// The learning rate when this optimizer is plain SGD (no momentum, no weight decay), whose step the trainer
    /// can fuse into the backward pass; null otherwise.
    /// </summary>
    internal virtual float? FusedSgdRate => null;

    /// <summary>Short description, e.g. "Adam(lr=0.001)".</summary>
    public abstract string Description { get; }

    /// <summary>Updates every parameter from its current gradient.</summary>
    /// <param name="parameters">The network's parameters.</param>
    public void Step(IReadOnlyList<Parameter> parameters)
    {
        Steps++;
        for (int i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            if (WeightDecay > 0)
            {
                TensorPrimitives.MultiplyAdd(p.Value, (float)WeightDecay, p.Gradient, p.Gradient);
            }

            Update(p, Steps);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Description;

    /// <summary>Counts a step whose update was fused into the backward pass.</summary>
    internal void CountFusedStep() => Steps++;

    /// <summary>Applies one update to <paramref name="parameter"/> (gradient already includes weight decay).</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="step">1-based step number.</param>
    protected abstract void Update(Parameter parameter, int step);

    /// <summary>The optimizer's buffers for <paramref name="parameter"/>: <paramref name="slots"/> zeroed arrays of its length.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="slots">How many buffers.</param>
    protected float[][] State(Parameter parameter, int slots)
    {
        if (!_state.TryGetValue(parameter, out var buffers))
        {
            buffers = new float[slots][];
            for (int s = 0; s < slots; s++)
            {
                buffers[s] = new float[parameter.Length];
            }

            _state[parameter] = buffers;
        }

        return buffers;
    }
}

/// <summary>
/// Stochastic gradient descent with optional momentum (PyTorch's form: v = μv + g, θ −= lr·v) and Nesterov
/// momentum (θ −= lr·(g + μv)).
/// </summary>
public sealed class Sgd : Optimizer
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">Step size.</param>
    /// <param name="momentum">μ in [0, 1).</param>
    /// <param name="nesterov">Use Nesterov momentum.</param>
    /// <param name="weightDecay">L2 penalty.</param>
    public Sgd(double learningRate = 0.01, double momentum = 0, bool nesterov = false, double weightDecay = 0)
        : base(learningRate, weightDecay)
    {
        if (!(momentum >= 0 && momentum < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), $"Momentum must be in [0, 1) (got {momentum}).");
        }

        Momentum = momentum;
        Nesterov = nesterov;
    }

    /// <summary>μ.</summary>
    public double Momentum { get; }

    /// <summary>Whether the step uses Nesterov momentum.</summary>
    public bool Nesterov { get; }

    internal override float? FusedSgdRate => Momentum == 0 && WeightDecay == 0 ? (float)LearningRate : null;

    /// <inheritdoc/>
    public override string Description => $"SGD(lr={LearningRate}{(Momentum > 0 ? $", momentum={Momentum}" : "")}{(Nesterov ? ", nesterov" : "")})";

    /// <inheritdoc/>
    protected override void Update(Parameter parameter, int step)
    {
        float lr = (float)LearningRate;
        if (Momentum == 0)
        {
            TensorPrimitives.MultiplyAdd(parameter.Gradient, -lr, parameter.Value, parameter.Value);
            return;
        }

        var velocity = State(parameter, 1)[0];
        float mu = (float)Momentum;
        TensorPrimitives.MultiplyAdd(velocity, mu, parameter.Gradient, velocity);
        if (Nesterov)
        {
            // θ −= lr·g + lr·μ·v
            TensorPrimitives.MultiplyAdd(parameter.Gradient, -lr, parameter.Value, parameter.Value);
            TensorPrimitives.MultiplyAdd(velocity, -lr * mu, parameter.Value, parameter.Value);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(velocity, -lr, parameter.Value, parameter.Value);
        }
    }
}

/// <summary>
/// Adam (Kingma and Ba, 2015): m = β1·m + (1−β1)·g, v = β2·v + (1−β2)·g², θ −= lr·m̂ / (√v̂ + ε) with the
/// bias-corrected m̂ = m / (1−β1ᵗ), v̂ = v / (1−β2ᵗ).
/// </summary>
public sealed class Adam : Optimizer
{
    /// <summary>Creates the optimizer with PyTorch's defaults.</summary>
    /// <param name="learningRate">Step size (default 0.001).</param>
    /// <param name="beta1">Decay of the first moment (0.9).</param>
    /// <param name="beta2">Decay of the second moment (0.999).</param>
    /// <param name="epsilon">Added to √v̂ (1e-8).</param>
    /// <param name="weightDecay">L2 penalty.</param>
    public Adam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0)
        : base(learningRate, weightDecay)
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>β1.</summary>
    public double Beta1 { get; }

    /// <summary>β2.</summary>
    public double Beta2 { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    public override string Description => $"Adam(lr={LearningRate})";

    /// <inheritdoc/>
    protected override void Update(Parameter parameter, int step)
    {
        var state = State(parameter, 3);
        float[] m = state[0], v = state[1], scratch = state[2];
        float[] g = parameter.Gradient;
        TensorPrimitives.Lerp(m, g, (float)(1 - Beta1), m);
        TensorPrimitives.Multiply(g, g, scratch);
        TensorPrimitives.Lerp(v, scratch, (float)(1 - Beta2), v);

        double correction1 = 1 - Math.Pow(Beta1, step);
        double correction2 = 1 - Math.Pow(Beta2, step);

        // θ −= (lr / c1) · m / (√v / √c2 + ε)
        TensorPrimitives.Sqrt(v, scratch);
        TensorPrimitives.Multiply(scratch, (float)(1 / Math.Sqrt(correction2)), scratch);
        TensorPrimitives.Add(scratch, (float)Epsilon, scratch);
        TensorPrimitives.Divide(m, scratch, scratch);
        TensorPrimitives.MultiplyAdd(scratch, (float)(-LearningRate / correction1), parameter.Value, parameter.Value);
    }
}
