namespace ActivationCourse.Data;

/// <summary>
/// A data file is missing, malformed, corrupt or could not be fetched. The message names the file
/// and says what to do about it.
/// </summary>
public sealed class MnistDataException : Exception
{
    /// <summary>Creates the exception with a message that names the file and the remedy.</summary>
    public MnistDataException(string message, string? filePath = null, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The file (or file name) the problem is about, when there is one.</summary>
    public string? FilePath { get; }
}
