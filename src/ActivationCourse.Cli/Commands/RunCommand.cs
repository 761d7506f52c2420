using System.CommandLine;
using System.Diagnostics;
using ActivationCourse.Notebooks;
using ActivationCourse.Notebooks.Site;

namespace ActivationCourse.Cli.Commands;

/// <summary><c>course run</c>: the course's main job: execute every lesson notebook and build the site.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Execute every lesson (solutions/), build the course site under artifacts/site (solutions collapsed) and publish the Activation Explorer into it.");
        command.SetAction(async (_, cancellationToken) =>
        {
            int code = await NotebookCommands.RunAsync([], null, inPlace: false, keepFailed: false, TimeSpan.FromMinutes(10), cancellationToken);
            return code == 0 ? PublishExplorer() : code;
        });
        return command;
    }

    /// <summary>Adds the Activation Explorer (Blazor WebAssembly) to the built site.</summary>
    private static int PublishExplorer()
    {
        string root = RepositoryRoot.Find();
        string site = Path.Combine(root, "artifacts", "site");
        if (!File.Exists(Path.Combine(site, "index.html")))
        {
            return 0; // no site was built; the notebook summary said why
        }
        var clock = Stopwatch.StartNew();
        try
        {
            string folder = ExplorerSite.Publish(root, site, Path.Combine(root, "artifacts", "explorer"));
            Console.WriteLine($"Activation Explorer published in {clock.Elapsed.TotalSeconds:0} s: {folder}. Serve the site with `course serve` to use it.");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"Explorer not built: {e.Message}");
            return 1;
        }
    }
}
