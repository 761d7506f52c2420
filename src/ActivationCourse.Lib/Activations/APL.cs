using System.Numerics;
using ActivationCourse.Printing;

namespace ActivationCourse.Activations;

/// <summary>
/// Adaptive piecewise linear unit (Agostinelli et al. 2014) with S hinges:
/// f(x) = max(0, x) + Σₛ aₛ·max(0, −x + bₛ), f′(x) = [x &gt; 0] − Σₛ aₛ·[x &lt; bₛ]
/// (at a hinge the derivative of max(0, u) is taken as 0, as PyTorch's ReLU′(0) = 0).
/// In the paper aₛ, bₛ are learned per unit; here they are fixed. Defaults: S = 2 with a = (0.2, −0.4),
/// b = (0, −1): slope 1 for x &gt; 0, −0.2 on (−1, 0), 0.2 below −1 — a shape ReLU cannot make.
/// </summary>
public sealed class APL : ElementwiseActivation<APL.Ops>
{
    private readonly double[] _a;
    private readonly double[] _b;

    private static readonly double[] DefaultSlopes = [0.2, -0.4];
    private static readonly double[] DefaultHinges = [0.0, -1.0];

    /// <summary>The default two-hinge APL.</summary>
    public APL() : this(DefaultSlopes, DefaultHinges)
    {
    }

    /// <summary>An APL with the given hinge slopes aₛ and positions bₛ (as many of each, all finite).</summary>
    public APL(IReadOnlyList<double> slopes, IReadOnlyList<double> hinges)
    {
        ArgumentNullException.ThrowIfNull(slopes);
        ArgumentNullException.ThrowIfNull(hinges);
        ActivationParameter.SameCount(hinges.Count, slopes.Count, "apl", nameof(hinges), nameof(slopes));
        _a = [.. slopes.Select((a, s) => ActivationParameter.Finite(a, "apl", $"slopes[{s}]"))];
        _b = [.. hinges.Select((b, s) => ActivationParameter.Finite(b, "apl", $"hinges[{s}]"))];
    }

    /// <summary>aₛ.</summary>
    public IReadOnlyList<double> Slopes => _a;
    /// <summary>bₛ.</summary>
    public IReadOnlyList<double> Hinges => _b;

    /// <inheritdoc/>
    public override string Name => "apl";
    /// <inheritdoc/>
    public override string DisplayName => "APL";
    /// <inheritdoc/>
    public override string Description => "ReLU plus a sum of hinge functions: a learnable piecewise-linear shape.";
    /// <inheritdoc/>
    public override string Formula =>
        "f(x) = " + Num.Terms([(1, "max(0, x)"), .. _a.Select((a, s) => (a, $"max(0, {Num.Terms((-1, "x"), (_b[s], ""))})"))]);
    /// <inheritdoc/>
    public override string Range => "depends on the hinges";
    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [.. _b.Append(0.0).Distinct().Order()];
    /// <inheritdoc/>
    public override string Tex => @"f(x) = \max(0, x) + \sum_{s} a_s \max(0, -x + b_s)";
    /// <inheritdoc/>
    public override string FrameworkNotes => "No framework layer (Agostinelli et al. 2014); here a = (0.2, −0.4), b = (0, −1).";
    /// <inheritdoc/>
    /// <remarks>Each hinge s is two settings, "slopes[s]" and "hinges[s]"; a hinge beyond the default two defaults to slope 0 (no effect).</remarks>
    public override IReadOnlyList<ActivationSetting> Settings =>
    [
        .. _a.Select((a, s) => new ActivationSetting($"slopes[{s}]", $"a_{s + 1}", a, s < DefaultSlopes.Length ? DefaultSlopes[s] : 0, -1, 1, 0.05)),
        .. _b.Select((b, s) => new ActivationSetting($"hinges[{s}]", $"b_{s + 1}", b, s < DefaultHinges.Length ? DefaultHinges[s] : 0, -3, 3, 0.1)),
    ];

    // Elements given by name ("slopes[2]") replace or extend the default lists; the two lists must be as long.
    internal override Activation Create(ActivationArguments arguments) => new APL(arguments.List("slopes"), arguments.List("hinges"));

    /// <inheritdoc/>
    protected override Ops Kernel => new(_a, _b);

    /// <summary>Kernel: the hinge sum (vectorized: one select per hinge).</summary>
    public readonly struct Ops(double[] a, double[] b) : IActivationKernel
    {
        /// <inheritdoc/>
        public bool IsVectorized => true;
        /// <inheritdoc/>
        public T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T y = x < T.Zero ? T.Zero : x;
            for (int s = 0; s < a.Length; s++)
            {
                T u = T.CreateTruncating(b[s]) - x;
                y += T.CreateTruncating(a[s]) * (u > T.Zero ? u : T.Zero);
            }
            if (T.IsInfinity(x))
            {
                T slope = Derivative(x); // the outermost piece is linear: f(±∞) = slope·(±∞), or 0 if flat
                return slope == T.Zero ? T.Zero : slope * x;
            }
            return T.IsNaN(x) ? x : y;
        }
        /// <inheritdoc/>
        public T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T d = x > T.Zero ? T.One : T.Zero;
            for (int s = 0; s < a.Length; s++)
            {
                if (x < T.CreateTruncating(b[s]))
                {
                    d -= T.CreateTruncating(a[s]);
                }
            }
            return T.IsNaN(x) ? x : d;
        }
        /// <inheritdoc/>
        public Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> y = Vector.ConditionalSelect(Vector.LessThan(x, Vector<T>.Zero), Vector<T>.Zero, x);
            for (int s = 0; s < a.Length; s++)
            {
                Vector<T> u = Simd.Const<T>(b[s]) - x;
                y += Simd.Const<T>(a[s]) * Vector.ConditionalSelect(Vector.GreaterThan(u, Vector<T>.Zero), u, Vector<T>.Zero);
            }
            Vector<T> slope = DerivativeVector(x);
            Vector<T> atInfinity = Vector.ConditionalSelect(Vector.Equals(slope, Vector<T>.Zero), Vector<T>.Zero, slope * x);
            return Simd.KeepNaN(x, Vector.ConditionalSelect(Simd.IsInfinity(x), atInfinity, y));
        }
        /// <inheritdoc/>
        public Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Vector<T> d = Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), Vector<T>.One, Vector<T>.Zero);
            for (int s = 0; s < a.Length; s++)
            {
                d -= Vector.ConditionalSelect(Vector.LessThan(x, Simd.Const<T>(b[s])), Simd.Const<T>(a[s]), Vector<T>.Zero);
            }
            return Simd.KeepNaN(x, d);
        }
    }
}
