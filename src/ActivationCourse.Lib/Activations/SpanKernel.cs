namespace ActivationCourse.Activations;

/// <summary>A kernel that reads <paramref name="x"/> and writes <paramref name="y"/> (same length).</summary>
/// <param name="x">Input.</param>
/// <param name="y">Output.</param>
public delegate void SpanKernel(ReadOnlySpan<float> x, Span<float> y);
