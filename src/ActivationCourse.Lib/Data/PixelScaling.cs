namespace ActivationCourse.Data;

/// <summary>How raw pixel bytes (0..255) become the floats a network sees.</summary>
public enum PixelScaling
{
    /// <summary><c>x / 255</c>, in [0, 1].</summary>
    ZeroToOne,

    /// <summary><c>2x / 255 − 1</c>, in [−1, 1].</summary>
    MinusOneToOne,

    /// <summary><c>(x / 255 − 0.1307) / 0.3081</c>: the MNIST training mean and standard deviation (as in the PyTorch examples).</summary>
    Standardize,
}
