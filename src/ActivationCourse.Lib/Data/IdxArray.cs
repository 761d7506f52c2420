namespace ActivationCourse.Data;

/// <summary>
/// The content of an unsigned-byte IDX file: its dimension sizes (outermost first) and the
/// values in row-major order.
/// </summary>
/// <param name="Dimensions">Dimension sizes, outermost first: <c>[count, rows, columns]</c> for images, <c>[count]</c> for labels.</param>
/// <param name="Data">The values, row-major; its length is the product of <paramref name="Dimensions"/>.</param>
public sealed record IdxArray(int[] Dimensions, byte[] Data)
{
    /// <summary>The number of items along the first dimension (images or labels).</summary>
    public int Count => Dimensions.Length == 0 ? 0 : Dimensions[0];
}
