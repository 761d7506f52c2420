using System.CommandLine;
using System.Net;
using ActivationCourse.Notebooks;
using ActivationCourse.Notebooks.Site;

namespace ActivationCourse.Cli.Commands;

/// <summary>
/// <c>course serve</c>: serves artifacts/site on the loopback addresses with <see cref="SiteServer"/>. The lessons open
/// from files too, but browsers load the Activation Explorer's WebAssembly only over HTTP. A port in use, a bad port or
/// a missing site is one line on stderr and exit code 2.
/// </summary>
internal static class ServeCommand
{
    /// <summary>Exit code when the server cannot start.</summary>
    public const int CannotServe = 2;

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 and ::1 (localhost), 1 to 65535; 0 picks a free one.", DefaultValueFactory = _ => 5080 };
        var command = new Command("serve", "Serve the course site (artifacts/site, built by `course run`) on localhost, with the Activation Explorer.");
        command.Options.Add(port);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            SiteServer server;
            string site;
            try
            {
                (server, site) = Start(parseResult.GetValue(port));
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {e.Message.Split('\n')[0].Trim()}");
                return CannotServe;
            }

            await using (server)
            {
                Console.WriteLine($"Serving {site}");
                Console.WriteLine($"Course:   {server.LocalhostUrl}");
                Console.WriteLine(Directory.Exists(Path.Combine(site, "explorer"))
                    ? $"Explorer: {server.LocalhostUrl}explorer/"
                    : "Explorer: not built (`course run` builds it).");
                Console.WriteLine("Press Ctrl+C to stop.");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                }
            }

            return 0;
        });
        return command;
    }

    private static (SiteServer Server, string Site) Start(int port)
    {
        if (port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentException($"--port {port}: a port is 1 to {IPEndPoint.MaxPort} (0 picks a free one).");
        }

        string site = Path.Combine(RepositoryRoot.Find(), "artifacts", "site");
        if (!File.Exists(Path.Combine(site, "index.html")))
        {
            throw new IOException($"no site at {site}; run `course run` first.");
        }

        return (SiteServer.Start(site, port), site);
    }
}
