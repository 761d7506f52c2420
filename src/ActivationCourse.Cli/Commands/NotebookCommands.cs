using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ActivationCourse.Notebooks;
using ActivationCourse.Notebooks.Execution;
using ActivationCourse.Notebooks.IO;
using ActivationCourse.Notebooks.Site;
using ActivationCourse.Notebooks.Student;
using Spectre.Console;

namespace ActivationCourse.Cli.Commands;

/// <summary><c>course notebooks run|student</c>: execute notebooks headlessly, build the site, make student copies.</summary>
internal static class NotebookCommands
{
    public static Command Create()
    {
        var command = new Command("notebooks", "Execute the lesson notebooks without Jupyter or VS Code, and make student copies.");
        command.Subcommands.Add(CreateRun());
        command.Subcommands.Add(CreateStudent());
        command.Subcommands.Add(CreateWorker());
        return command;
    }

    private static Command CreateRun()
    {
        var paths = new Argument<string[]>("paths") { Description = "Notebooks to run (.ipynb or .dib; default: every lesson, solutions/*.ipynb).", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--out") { Description = "Folder for the executed copies (default: artifacts/notebooks)." };
        var inPlace = new Option<bool>("--in-place") { Description = "Rewrite the given notebooks with their outputs (a .dib gets an .ipynb next to it). A notebook whose run fails is left unchanged; its executed copy goes to --out." };
        var keepFailed = new Option<bool>("--keep-failed") { Description = "With --in-place: rewrite a notebook even when a cell failed, saving the error in it." };
        var timeout = new Option<string>("--timeout") { Description = $"Longest a single cell may run, in seconds (more than 0, at most {MaxTimeoutSeconds}).", DefaultValueFactory = _ => "600" };
        var command = new Command("run",
            "Execute notebooks cell by cell, each in its own process, write the executed copies and the course site (artifacts/site). "
            + $"A cell keeps at most {RunnerOptions.Describe(new RunnerOptions().CellOutputLimit)} of output and a notebook {RunnerOptions.Describe(new RunnerOptions().NotebookOutputLimit)}; "
            + "past that the output is cut with a note in it, and the summary names the cell.");
        command.Arguments.Add(paths);
        command.Options.Add(output);
        command.Options.Add(inPlace);
        command.Options.Add(keepFailed);
        command.Options.Add(timeout);
        command.SetAction((parseResult, cancellationToken) =>
        {
            if (ParseTimeout(parseResult.GetValue(timeout)) is not { } cellTimeout)
            {
                Console.Error.WriteLine($"error: --timeout must be a number of seconds, more than 0 and at most {MaxTimeoutSeconds} (got {parseResult.GetValue(timeout)}).");
                return Task.FromResult(2);
            }
            if (parseResult.GetValue(keepFailed) && !parseResult.GetValue(inPlace))
            {
                Console.Error.WriteLine("error: --keep-failed only applies with --in-place.");
                return Task.FromResult(2);
            }
            return RunAsync(parseResult.GetValue(paths) ?? [], parseResult.GetValue(output), parseResult.GetValue(inPlace), parseResult.GetValue(keepFailed), cellTimeout, cancellationToken);
        });
        return command;
    }

    /// <summary>A day: a longer cell timeout is surely a typo (and 1e12 s does not fit a TimeSpan).</summary>
    private const int MaxTimeoutSeconds = 86_400;

    /// <summary>The timeout in seconds as a TimeSpan, or null when it is not a number in (0, <see cref="MaxTimeoutSeconds"/>].</summary>
    internal static TimeSpan? ParseTimeout(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && seconds > 0 && seconds <= MaxTimeoutSeconds
            ? TimeSpan.FromSeconds(seconds)
            : null;

    /// <summary>The hidden command each notebook's worker process runs (see <see cref="IsolatedNotebookRunner"/>).</summary>
    private static Command CreateWorker()
    {
        var pipe = new Option<string>("--pipe") { Description = "The pipe to the runner.", Required = true };
        var command = new Command("worker", "Run one notebook for the runner that started this process.") { Hidden = true };
        command.Options.Add(pipe);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var code = await NotebookWorker.RunAsync(parseResult.GetValue(pipe)!, cancellationToken);
            // Exit now: threads a notebook left running must not keep the process alive.
            Environment.Exit(code);
            return code;
        });
        return command;
    }

    private static Command CreateStudent()
    {
        var paths = new Argument<string[]>("paths") { Description = "Lesson sources to copy (.ipynb, .dib or .csx; default: every notebook and script in solutions/). The scripts a notebook #loads are copied with it.", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--out") { Description = "Folder for the learner copies (default: notebooks/, the folder learners open). Never inside solutions/." };
        var noRun = new Option<bool>("--no-run") { Description = "Only write the copies; do not execute them." };
        var backup = new Option<bool>("--backup") { Description = "Move the learner copies you changed to a backup-<date>-<time> folder beside them, then write fresh ones (without it, changed copies stop the command and nothing is written)." };
        var command = new Command("student",
            "Write the learner copies (solutions between // BEGIN SOLUTION and // END SOLUTION replaced), then execute them so they are committed with outputs. Never overwrites a copy you changed.");
        command.Arguments.Add(paths);
        command.Options.Add(output);
        command.Options.Add(noRun);
        command.Options.Add(backup);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string root;
            List<LearnerCopy> copies;
            try
            {
                root = RepositoryRoot.Find();
                var sources = LearnerCopies.Sources(root, parseResult.GetValue(paths) ?? []);
                copies = LearnerCopies.Plan(root, sources, parseResult.GetValue(output) ?? Path.Combine(root, LearnerFolder));
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidOperationException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            catch (Exception e) when (e is LearnerCopyException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            if (copies.Count == 0)
            {
                Console.Error.WriteLine("No lesson sources to copy.");
                return 1;
            }
            if (!KeepLearnersWork(copies, parseResult.GetValue(backup)))
                return 2;
            try
            {
                LearnerCopies.Write(copies);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
            foreach (var copy in copies)
                Console.WriteLine($"{Path.GetRelativePath(root, copy.Source)} -> {Path.GetRelativePath(Environment.CurrentDirectory, copy.Target)}");
            var notebooks = copies.Where(c => c.IsNotebook).Select(c => c.Target).ToList();
            if (parseResult.GetValue(noRun) || notebooks.Count == 0)
                return 0;
            return await RunAsync(notebooks, null, inPlace: true, keepFailed: false, TimeSpan.FromMinutes(10), cancellationToken, buildSite: false);
        });
        return command;
    }

    /// <summary>
    /// False (after saying which) when learner copies the learner changed would be overwritten; with
    /// <paramref name="backup"/>, moves them aside first and says where.
    /// </summary>
    private static bool KeepLearnersWork(IReadOnlyList<LearnerCopy> copies, bool backup)
    {
        var changed = LearnerCopies.Changed(copies);
        if (changed.Count == 0)
            return true;
        var names = string.Join(Environment.NewLine, changed.Select(c => "  " + Path.GetRelativePath(Environment.CurrentDirectory, c)));
        if (!backup)
        {
            Console.Error.WriteLine($"error: these learner copies hold your changes; regenerating would overwrite them:{Environment.NewLine}{names}{Environment.NewLine}"
                + "Nothing was written. Run again with --backup to move them to a backup-<date>-<time> folder beside them and write fresh copies.");
            return false;
        }
        try
        {
            var folder = LearnerCopies.BackUp(changed, Path.GetDirectoryName(changed[0])!, DateTime.Now);
            Console.WriteLine($"Your changed copies are kept in {Path.GetRelativePath(Environment.CurrentDirectory, folder)}:{Environment.NewLine}{names}");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: your changed copies could not be backed up ({e.Message}); nothing was written.");
            return false;
        }
    }

    /// <summary>Runs notebooks (each in its own process), writes the executed copies and, unless told not to, the site; prints a summary; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> paths, string? outputFolder, bool inPlace, bool keepFailed, TimeSpan timeout, CancellationToken cancellationToken, bool buildSite = true)
    {
        string root;
        List<string> notebooks;
        try
        {
            root = RepositoryRoot.Find();
            notebooks = NotebookPaths(root, paths);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        if (notebooks.Count == 0)
        {
            Console.Error.WriteLine("No notebooks to run.");
            return 1;
        }
        var folder = Path.GetFullPath(outputFolder ?? Path.Combine(root, "artifacts", "notebooks"));
        if (!inPlace && OutputClash(notebooks, folder) is { } clash)
        {
            Console.Error.WriteLine($"error: {clash}");
            return 2;
        }
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: the folder for executed notebooks {folder} cannot be created: {e.Message}");
            return 2;
        }
        var console = PlainWhenRedirected();
        var runner = new IsolatedNotebookRunner(
            WorkerLaunch.ThisProgram("notebooks", "worker"),
            new RunnerOptions { CellTimeout = timeout, RepositoryRoot = root, Progress = p => ReportProgress(console, p) });
        var batch = new NotebookBatch
        {
            Run = runner.RunAsync,
            OutputFolder = folder,
            InPlace = inPlace,
            KeepFailed = keepFailed,
            RepositoryRoot = root,
            Finished = outcome =>
            {
                if (outcome.Problem is { } problem)
                    console.MarkupLineInterpolated($"[red]FAILED[/] {problem}");
            },
        };
        var outcomes = await batch.RunAsync(notebooks, cancellationToken);

        var siteClock = Stopwatch.StartNew();
        string? index = null;
        try
        {
            if (buildSite)
                index = SiteBuilder.Build(SiteLessons(root, outcomes), Path.Combine(root, "artifacts", "site"), Path.Combine(root, "artifacts", "cache"));
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]Site not built:[/] {e.Message}");
            return 2;
        }

        console.Write(Summary(outcomes));
        console.WriteLine($"Executed notebooks: {(inPlace ? "rewritten in place (failed ones in " + Path.GetRelativePath(Environment.CurrentDirectory, folder) + ")" : Path.GetRelativePath(Environment.CurrentDirectory, folder))}");
        if (index is not null)
            console.WriteLine($"Site built in {siteClock.Elapsed.TotalSeconds:0.0} s. Open it in a browser: {index}");
        var failed = outcomes.Count(o => !o.Succeeded);
        if (failed > 0)
            console.MarkupLineInterpolated($"[red]{failed} of {outcomes.Count} notebooks failed.[/]");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>The console for progress and the summary: plain lines (no colors, no cursor tricks) when the output goes to a CI log or a file.</summary>
    private static IAnsiConsole PlainWhenRedirected()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (Console.IsOutputRedirected)
            console.Profile.Width = 160;
        return console;
    }

    /// <summary>One row per notebook: cells run, status (with the cells whose output was cut at a limit), time.</summary>
    private static Table Summary(IReadOnlyList<NotebookOutcome> outcomes)
    {
        var table = new Table().AddColumns("Notebook", "Cells", "Status", "Time");
        foreach (var outcome in outcomes)
        {
            if (outcome.Result is not { } result)
            {
                table.AddRow(Markup.Escape(outcome.Name), "-", "[red]not run (see above)[/]", "-");
                continue;
            }
            var code = result.Cells.Count(c => c.Status != CellStatus.NotCode);
            var ran = result.Cells.Count(c => c.Status is CellStatus.Succeeded or CellStatus.Failed);
            var status = !result.Succeeded ? $"[red]failed at cell {result.Failure!.Number}[/]" : outcome.Succeeded ? "[green]ok[/]" : "[red]not saved[/]";
            if (result.TruncatedCells is { Count: > 0 } cut)
                status += $", [yellow]output cut at cell {string.Join(", ", cut)}[/]";
            table.AddRow(Markup.Escape(result.Name), $"{ran}/{code}", status, $"{result.Elapsed.TotalSeconds:0.0} s");
        }
        return table;
    }

    private static void ReportProgress(IAnsiConsole console, CellProgress p)
    {
        var where = $"{p.Notebook}  cell {p.CellNumber}/{p.CellCount}";
        switch (p.Status)
        {
            case CellStatus.Running:
                console.MarkupLineInterpolated($"[grey]{where} ...[/]");
                break;
            case CellStatus.Succeeded:
                console.MarkupLineInterpolated($"{where} [green]ok[/] {p.Elapsed.TotalSeconds:0.00} s");
                break;
            default:
                console.MarkupLineInterpolated($"{where} [red]{p.Status.ToString().ToLowerInvariant()}[/] {p.Elapsed.TotalSeconds:0.00} s");
                break;
        }
    }

    /// <summary>The lesson sources, with their solutions: the single source of truth for each lesson.</summary>
    public const string SolutionsFolder = "solutions";

    /// <summary>The learner copies, generated from <see cref="SolutionsFolder"/>: what learners open.</summary>
    public const string LearnerFolder = "notebooks";

    /// <summary>The given paths (made absolute), or every <c>solutions/*.ipynb</c> of the repository, in name order.</summary>
    /// <summary>
    /// What is wrong when two different notebooks would write their executed copies to the same file in
    /// <paramref name="folder"/> (same name from two folders), or null.
    /// </summary>
    internal static string? OutputClash(IReadOnlyList<string> notebooks, string folder) =>
        notebooks.Distinct(StringComparer.Ordinal)
            .GroupBy(p => Path.GetFileNameWithoutExtension(p) + ".ipynb", StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Count() > 1) is { } same
            ? $"{string.Join(" and ", same)} would both be written to {Path.Combine(folder, same.Key)}; run them separately, with different --out folders, or with --in-place."
            : null;

    /// <summary>
    /// The site's lessons: every lesson of solutions/ (its committed, executed copy), with those just run replaced by
    /// their new executed copy, then any other notebook just run. Running some notebooks never drops a lesson; one that
    /// cannot be read (reported by its run, if it ran) has no page.
    /// </summary>
    private static List<SiteLesson> SiteLessons(string root, IReadOnlyList<NotebookOutcome> outcomes)
    {
        var ran = outcomes.Where(o => o.Result is not null)
            .Select(o => new SiteLesson(Path.GetFileNameWithoutExtension(o.Path), o.Result!.Executed))
            .GroupBy(l => l.Stem, StringComparer.Ordinal).Select(g => g.Last())
            .ToList();
        var lessons = NotebookPaths(root, [])
            .Select(p => ran.Find(l => l.Stem == Path.GetFileNameWithoutExtension(p)) ?? Committed(p))
            .OfType<SiteLesson>()
            .ToList();
        lessons.AddRange(ran.Where(l => !lessons.Contains(l)));
        return lessons;
    }

    private static SiteLesson? Committed(string path)
    {
        try
        {
            return new SiteLesson(Path.GetFileNameWithoutExtension(path), NotebookReader.Load(path));
        }
        catch (NotebookFormatException)
        {
            return null;
        }
    }

    public static List<string> NotebookPaths(string root, IReadOnlyList<string> paths)
    {
        if (paths.Count > 0)
        {
            var missing = paths.Where(p => !File.Exists(p)).ToList();
            if (missing.Count > 0)
                throw new FileNotFoundException($"No such notebook: {string.Join(", ", missing)}");
            return [.. paths.Select(Path.GetFullPath)];
        }
        var folder = Path.Combine(root, SolutionsFolder);
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal)] : [];
    }
}
