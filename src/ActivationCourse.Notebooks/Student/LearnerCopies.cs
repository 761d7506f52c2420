using System.Globalization;
using System.Text.RegularExpressions;
using ActivationCourse.IO;
using ActivationCourse.Notebooks.IO;

namespace ActivationCourse.Notebooks.Student;

/// <summary>One learner copy to write: where it comes from, where it goes (resolved), and its text.</summary>
public sealed record LearnerCopy(string Source, string Target, string Text)
{
    /// <summary>Whether the copy is a notebook (else a C# script).</summary>
    public bool IsNotebook => Target.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Why the learner copies cannot be written: one line naming the file (and line) at fault.</summary>
public sealed class LearnerCopyException(string message) : Exception(message);

/// <summary>
/// Writes the learner copies of the lessons (notebooks and the C# scripts they <c>#load</c>) without ever losing a
/// learner's work: every path is resolved (links, <c>..</c>) before anything is written, nothing is written into
/// <c>solutions/</c>, every source is read and stripped first (a malformed solution marker stops everything), and a copy
/// the learner changed is never overwritten: <see cref="Changed"/> names them, and the caller either stops or moves them
/// aside with <see cref="BackUp"/>.
/// </summary>
public static partial class LearnerCopies
{
    /// <summary>The lesson sources with their solutions, relative to the repository root.</summary>
    public const string SolutionsFolder = "solutions";

    /// <summary>
    /// The sources to copy: the given paths plus every script their notebooks <c>#load</c> from beside them, or
    /// (none given) every notebook and script in <c>solutions/</c>.
    /// </summary>
    public static List<string> Sources(string root, IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            var folder = Path.Combine(root, SolutionsFolder);
            return Directory.Exists(folder)
                ? [.. Directory.GetFiles(folder, "*.ipynb").Concat(Directory.GetFiles(folder, "*.csx")).Order(StringComparer.Ordinal)]
                : [];
        }
        var missing = paths.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
            throw new FileNotFoundException($"No such lesson source: {string.Join(", ", missing)}");
        var sources = paths.Select(Path.GetFullPath).ToList();
        foreach (var notebook in sources.Where(p => !IsScript(p)).ToList())
        {
            foreach (Match load in LoadDirective().Matches(File.ReadAllText(notebook)))
            {
                var script = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(notebook)!, load.Groups[1].Value));
                if (File.Exists(script) && !sources.Contains(script))
                    sources.Add(script);
            }
        }
        return sources;
    }

    /// <summary>
    /// Reads every source, strips its solutions and decides where its copy goes, writing nothing.
    /// </summary>
    /// <exception cref="LearnerCopyException">The output folder leads into <c>solutions/</c>, a copy would land on a
    /// source, a source cannot be read, or a solution marker is malformed.</exception>
    public static List<LearnerCopy> Plan(string root, IReadOnlyList<string> sources, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var solutions = RealPath.Resolve(Path.Combine(root, SolutionsFolder));
        var folder = RealPath.Resolve(outputFolder);
        if (RealPath.IsInside(folder, solutions))
        {
            throw new LearnerCopyException(
                $"error: {outputFolder} leads into {Path.Combine(root, SolutionsFolder)} ({folder}); learner copies never go there, they would replace the solutions. Choose another --out.");
        }
        var resolvedSources = sources.Select(RealPath.Resolve).ToHashSet();
        var copies = new List<LearnerCopy>();
        foreach (var source in sources)
        {
            var name = Path.GetFileNameWithoutExtension(source) + (IsScript(source) ? ".csx" : ".ipynb");
            var target = RealPath.Resolve(Path.Combine(folder, name));
            if (RealPath.IsInside(target, solutions) || resolvedSources.Contains(target))
            {
                throw new LearnerCopyException(
                    $"error: the learner copy of {Relative(root, source)} would be written to {target}, over a lesson source; nothing was written. Choose another --out, or remove the link.");
            }
            copies.Add(new LearnerCopy(source, target, LearnerText(root, source)));
        }
        var clash = copies.GroupBy(c => c.Target).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new LearnerCopyException($"error: {string.Join(" and ", clash.Select(c => Relative(root, c.Source)))} would both be copied to {clash.Key}; nothing was written.");
        return copies;
    }

    /// <summary>The targets that exist and hold work the learner changed (a copy equal to the new one, or exactly as generated, is not changed).</summary>
    public static List<string> Changed(IEnumerable<LearnerCopy> copies) =>
        [.. copies.Where(c => File.Exists(c.Target) && IsLearnersWork(c)).Select(c => c.Target)];

    /// <summary>
    /// Moves the given learner copies into a new folder <c>backup-yyyyMMdd-HHmmss</c> beside them, with a copy of every
    /// script of their folder (so that their <c>#load</c> still finds it), and returns that folder.
    /// </summary>
    public static string BackUp(IReadOnlyList<string> changed, string folder, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var resolved = RealPath.Resolve(folder);
        var backup = Path.Combine(resolved, "backup-" + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        for (int n = 2; Directory.Exists(backup); n++)
            backup = Path.Combine(resolved, "backup-" + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + n);
        Directory.CreateDirectory(backup);
        foreach (var file in changed)
            File.Move(file, Path.Combine(backup, Path.GetFileName(file)));
        foreach (var script in Directory.GetFiles(resolved, "*.csx"))
        {
            var kept = Path.Combine(backup, Path.GetFileName(script));
            if (!File.Exists(kept))
                File.Copy(script, kept);
        }
        return backup;
    }

    /// <summary>Writes every copy (atomically, creating the folder).</summary>
    public static void Write(IEnumerable<LearnerCopy> copies)
    {
        ArgumentNullException.ThrowIfNull(copies);
        foreach (var copy in copies)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(copy.Target)!);
            AtomicFile.WriteAllText(copy.Target, copy.Text);
        }
    }

    private static bool IsLearnersWork(LearnerCopy copy)
    {
        string existing;
        try
        {
            existing = File.ReadAllText(copy.Target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;   // cannot tell: never overwrite what cannot be read
        }
        if (!copy.IsNotebook)
            return !StudentCopy.IsUnchangedScript(existing) && existing.Replace("\r\n", "\n", StringComparison.Ordinal) != copy.Text;
        try
        {
            var notebook = NotebookReader.ParseIpynb(existing);
            return !StudentCopy.IsUnchanged(notebook)
                && StudentCopy.Fingerprint(notebook) != StudentCopy.Fingerprint(NotebookReader.ParseIpynb(copy.Text));
        }
        catch (NotebookFormatException)
        {
            return true;   // a notebook the learner broke is still their work
        }
    }

    private static string LearnerText(string root, string source)
    {
        try
        {
            return IsScript(source)
                ? StudentCopy.CreateScript(File.ReadAllText(source))
                : NotebookWriter.ToJson(StudentCopy.Create(NotebookReader.Load(source)));
        }
        catch (SolutionMarkerException e)
        {
            throw new LearnerCopyException($"error: {Relative(root, source)}: {e.Message}; nothing was written.");
        }
        catch (NotebookFormatException e)
        {
            throw new LearnerCopyException($"error: {Relative(root, source)}: {e.Problem}; nothing was written.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LearnerCopyException($"error: {Relative(root, source)}: {e.Message}; nothing was written.");
        }
    }

    private static bool IsScript(string path) => path.EndsWith(".csx", StringComparison.OrdinalIgnoreCase);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    [GeneratedRegex(@"#load\s+\\?""([^""\\]+\.csx)\\?""")]
    private static partial Regex LoadDirective();
}
