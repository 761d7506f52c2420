using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>Removes machine paths (and <c>\r</c>) from outputs: the notebook folder becomes <c>.</c>, the repository <c>&lt;repo&gt;</c>, the home folder <c>~</c>.</summary>
internal sealed class PathScrubber(string notebookDirectory, string? repositoryRoot)
{
    private readonly (string Path, string Replacement)[] replacements =
    [
        .. new[]
        {
            (notebookDirectory.TrimEnd('/', '\\'), "."),
            (repositoryRoot?.TrimEnd('/', '\\') ?? "", "<repo>"),
            (Environment.GetFolderPath(Environment.SpecialFolder.UserProfile).TrimEnd('/', '\\'), "~"),
        }.Where(r => r.Item1.Length > 1),
    ];

    /// <summary>The text with machine paths replaced and <c>\r\n</c> line endings made <c>\n</c>.</summary>
    public string Scrub(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (var (path, replacement) in replacements)
            text = text.Replace(path, replacement, StringComparison.Ordinal);
        return text;
    }

    public CellOutput Scrub(CellOutput output) => output switch
    {
        StreamOutput s => s with { Text = Scrub(s.Text) },
        ErrorOutput e => e with { EValue = Scrub(e.EValue), Traceback = [.. e.Traceback.Select(Scrub)] },
        DataOutput d => d with { Data = [.. d.Data.Select(kv => new KeyValuePair<string, string>(kv.Key, Scrub(kv.Value)))] },
        _ => output,
    };
}
