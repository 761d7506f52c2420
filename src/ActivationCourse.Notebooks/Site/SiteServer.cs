using System.Net;
using System.Net.Sockets;

namespace ActivationCourse.Notebooks.Site;

/// <summary>
/// A static file server for the course site on the loopback interface: what <c>course serve</c> runs and what the
/// explorer's browser tests use. Browsers load WebAssembly only over HTTP, so the explorer needs one. Sends the
/// precompressed <c>.br</c>/<c>.gz</c> copies of a file when the browser accepts them.
/// </summary>
public sealed class SiteServer : IAsyncDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json",
        [".wasm"] = "application/wasm",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
        [".ttf"] = "font/ttf",
        [".ico"] = "image/x-icon",
        [".dat"] = "application/octet-stream",
    };

    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _loop;

    private SiteServer(string root, int port)
    {
        _root = Path.GetFullPath(root);
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(AcceptLoop);
    }

    /// <summary>The address the site is served at, ending in '/'.</summary>
    public string Url { get; }

    /// <summary>Starts serving <paramref name="root"/> on 127.0.0.1.</summary>
    /// <param name="root">The site folder.</param>
    /// <param name="port">The port; 0 picks a free one.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static SiteServer Start(string root, int port = 0)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"No site at {root}: run `course run` first.");
        }
        return new SiteServer(root, port == 0 ? FreePort() : port);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            string urlPath = context.Request.Url?.AbsolutePath ?? "/";
            string path = Resolve(urlPath);
            if (!urlPath.EndsWith('/') && Directory.Exists(path))
            {
                // A folder without its slash: relative links inside it need the slash.
                response.StatusCode = 301;
                response.Headers["Location"] = urlPath + "/";
                return;
            }
            if (Directory.Exists(path))
            {
                path = Path.Combine(path, "index.html");
            }
            if (!File.Exists(path))
            {
                response.StatusCode = 404;
                return;
            }
            string extension = Path.GetExtension(path);
            response.ContentType = ContentTypes.GetValueOrDefault(extension, "application/octet-stream");
            response.Headers["Cache-Control"] = "no-cache";
            string accept = context.Request.Headers["Accept-Encoding"] ?? "";
            string file = path;
            if (accept.Contains("br", StringComparison.Ordinal) && File.Exists(path + ".br"))
            {
                file = path + ".br";
                response.Headers["Content-Encoding"] = "br";
            }
            else if (accept.Contains("gzip", StringComparison.Ordinal) && File.Exists(path + ".gz"))
            {
                file = path + ".gz";
                response.Headers["Content-Encoding"] = "gzip";
            }
            await using var stream = File.OpenRead(file);
            response.ContentLength64 = stream.Length;
            if (context.Request.HttpMethod != "HEAD")
            {
                await stream.CopyToAsync(response.OutputStream).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or HttpListenerException or UnauthorizedAccessException)
        {
            // The browser went away mid-response, or the file could not be read: nothing more to send.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>The file or folder for a URL path; nothing outside the root.</summary>
    private string Resolve(string urlPath)
    {
        string relative = Uri.UnescapeDataString(urlPath).TrimStart('/');
        string full = Path.GetFullPath(Path.Combine(_root, relative));
        if (full != _root && !full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return "";
        }
        return full;
    }
}
