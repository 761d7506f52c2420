using System.Numerics;

namespace ActivationCourse.Activations;

/// <summary>
/// The math of one element-wise activation, written once: the forward formula next to its derivative,
/// each in scalar form (generic over <see cref="float"/> and <see cref="double"/>) and in SIMD form.
/// </summary>
/// <remarks>
/// This is the TensorPrimitives pattern: a tiny struct of operators, and one shared driver
/// (<see cref="ElementwiseActivation{TKernel}"/>) that walks spans with the widest vector and finishes the tail
/// with the scalar form. Kernels without a cheap vector formula set <see cref="IsVectorized"/> to false
/// and the driver uses the scalar form for every element.
/// </remarks>
public interface IActivationKernel
{
    /// <summary>True when <see cref="ForwardVector{T}"/> and <see cref="DerivativeVector{T}"/> are real SIMD code.</summary>
    bool IsVectorized { get; }

    /// <summary>f(x).</summary>
    T Forward<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>f′(x).</summary>
    T Derivative<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>f applied to every lane.</summary>
    Vector<T> ForwardVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>f′ applied to every lane.</summary>
    Vector<T> DerivativeVector<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>;
}
