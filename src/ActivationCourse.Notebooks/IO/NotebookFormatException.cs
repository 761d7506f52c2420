namespace ActivationCourse.Notebooks.IO;

/// <summary>A file that is not a notebook the runner can read: not JSON, not nbformat 4, a malformed cell, a merge conflict.</summary>
public sealed class NotebookFormatException : FormatException
{
    /// <summary>Creates the exception for a problem found while parsing text (the file is not known yet).</summary>
    public NotebookFormatException(string problem)
        : base(problem) => Problem = problem;

    /// <summary>Creates the exception for a problem in the given file.</summary>
    public NotebookFormatException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file, when known.</summary>
    public string? Path { get; }

    /// <summary>What is wrong, in one line, without the file name.</summary>
    public string Problem { get; }
}
