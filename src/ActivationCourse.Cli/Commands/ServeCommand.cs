using System.CommandLine;
using ActivationCourse.Notebooks;
using ActivationCourse.Notebooks.Site;

namespace ActivationCourse.Cli.Commands;

/// <summary>
/// <c>course serve</c>: serves artifacts/site on localhost. The lessons open from files too, but browsers load the
/// Activation Explorer's WebAssembly only over HTTP.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 5080 };
        var command = new Command("serve", "Serve the course site (artifacts/site, built by `course run`) on localhost, with the Activation Explorer.");
        command.Options.Add(port);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string site = Path.Combine(RepositoryRoot.Find(), "artifacts", "site");
            if (!File.Exists(Path.Combine(site, "index.html")))
            {
                Console.Error.WriteLine($"error: no site at {site}; run `course run` first.");
                return 2;
            }
            await using var server = SiteServer.Start(site, parseResult.GetValue(port));
            Console.WriteLine($"Serving {site}");
            Console.WriteLine($"Course:   {server.Url}");
            Console.WriteLine(Directory.Exists(Path.Combine(site, "explorer"))
                ? $"Explorer: {server.Url}explorer/"
                : "Explorer: not built (`course run` builds it).");
            Console.WriteLine("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
            return 0;
        });
        return command;
    }
}
