using System.CommandLine;
using System.Diagnostics;
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
        return command;
    }

    private static Command CreateRun()
    {
        var paths = new Argument<string[]>("paths") { Description = "Notebooks to run (.ipynb or .dib; default: every lesson, solutions/*.ipynb).", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--out") { Description = "Folder for the executed copies (default: artifacts/notebooks)." };
        var inPlace = new Option<bool>("--in-place") { Description = "Rewrite the given notebooks with their outputs (a .dib gets an .ipynb next to it)." };
        var timeout = new Option<double>("--timeout") { Description = "Longest a single cell may run, in seconds.", DefaultValueFactory = _ => 600 };
        var command = new Command("run", "Execute notebooks cell by cell, write the executed copies and the course site (artifacts/site).");
        command.Arguments.Add(paths);
        command.Options.Add(output);
        command.Options.Add(inPlace);
        command.Options.Add(timeout);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(paths) ?? [], parseResult.GetValue(output), parseResult.GetValue(inPlace),
            TimeSpan.FromSeconds(parseResult.GetValue(timeout)), cancellationToken));
        return command;
    }

    private static Command CreateStudent()
    {
        var paths = new Argument<string[]>("paths") { Description = "Lesson sources to copy (default: every solutions/*.ipynb).", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--out") { Description = "Folder for the learner copies (default: notebooks/, the folder learners open)." };
        var noRun = new Option<bool>("--no-run") { Description = "Only write the copies; do not execute them." };
        var command = new Command("student",
            "Write the learner copies (solutions between // BEGIN SOLUTION and // END SOLUTION replaced), then execute them so they are committed with outputs.");
        command.Arguments.Add(paths);
        command.Options.Add(output);
        command.Options.Add(noRun);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string root;
            List<string> notebooks;
            try
            {
                root = RepositoryRoot.Find();
                notebooks = NotebookPaths(root, parseResult.GetValue(paths) ?? []);
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidOperationException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            var folder = Path.GetFullPath(parseResult.GetValue(output) ?? Path.Combine(root, LearnerFolder));
            var copies = new List<string>();
            foreach (var path in notebooks)
            {
                var target = Path.Combine(folder, Path.GetFileNameWithoutExtension(path) + ".ipynb");
                if (Path.GetFullPath(path) == target)
                {
                    Console.Error.WriteLine($"{path}: the learner copy would overwrite its own source; choose another --out.");
                    return 2;
                }
                NotebookWriter.Save(StudentCopy.Create(NotebookReader.Load(path)), target);
                copies.Add(target);
                Console.WriteLine($"{Path.GetRelativePath(root, path)} -> {Path.GetRelativePath(Environment.CurrentDirectory, target)}");
            }
            return parseResult.GetValue(noRun) || copies.Count == 0
                ? 0
                : await RunAsync(copies, null, inPlace: true, TimeSpan.FromMinutes(10), cancellationToken, buildSite: false);
        });
        return command;
    }

    /// <summary>Runs notebooks, writes the executed copies and the site, prints a summary; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> paths, string? outputFolder, bool inPlace, TimeSpan timeout, CancellationToken cancellationToken, bool buildSite = true)
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
        // Plain lines (no colors, no cursor tricks) when the output goes to a CI log or a file.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (Console.IsOutputRedirected)
            console.Profile.Width = 160;
        var runner = new NotebookRunner(new RunnerOptions { CellTimeout = timeout, RepositoryRoot = root, Progress = p => ReportProgress(console, p) });

        var results = new List<NotebookRunResult>();
        var lessons = new List<SiteLesson>();
        foreach (var path in notebooks)
        {
            var result = await runner.RunAsync(path, cancellationToken);
            results.Add(result);
            var target = inPlace ? Path.ChangeExtension(path, ".ipynb") : Path.Combine(folder, Path.GetFileNameWithoutExtension(path) + ".ipynb");
            NotebookWriter.Save(result.Executed, target);
            lessons.Add(new SiteLesson(Path.GetFileNameWithoutExtension(path), result.Executed));
            if (result.FailureMessage is { } failure)
                console.MarkupLineInterpolated($"[red]FAILED[/] {failure}");
        }

        var siteClock = Stopwatch.StartNew();
        string? index = null;
        try
        {
            if (buildSite)
                index = SiteBuilder.Build(lessons, Path.Combine(root, "artifacts", "site"), Path.Combine(root, "artifacts", "cache"));
        }
        catch (InvalidOperationException e)
        {
            console.MarkupLineInterpolated($"[red]Site not built:[/] {e.Message}");
            return 2;
        }

        var table = new Table().AddColumns("Notebook", "Cells", "Status", "Time");
        foreach (var result in results)
        {
            var code = result.Cells.Count(c => c.Status != CellStatus.NotCode);
            var ran = result.Cells.Count(c => c.Status is CellStatus.Succeeded or CellStatus.Failed);
            table.AddRow(
                Markup.Escape(result.Name),
                $"{ran}/{code}",
                result.Succeeded ? "[green]ok[/]" : $"[red]failed at cell {result.Failure!.Number}[/]",
                $"{result.Elapsed.TotalSeconds:0.0} s");
        }
        console.Write(table);
        console.WriteLine($"Executed notebooks: {(inPlace ? "rewritten in place" : Path.GetRelativePath(Environment.CurrentDirectory, folder))}");
        if (index is not null)
            console.WriteLine($"Site built in {siteClock.Elapsed.TotalSeconds:0.0} s. Open it in a browser: {index}");
        return results.All(r => r.Succeeded) ? 0 : 1;
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
