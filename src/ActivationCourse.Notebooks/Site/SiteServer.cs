using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ActivationCourse.Notebooks.Site;

/// <summary>
/// A static file server for the course site on the loopback interface (127.0.0.1 and ::1, so <c>localhost</c> works):
/// what <c>course serve</c> runs and what the explorer's browser tests use. Browsers load WebAssembly only over HTTP,
/// so the explorer needs one. ASP.NET Core's Kestrel with the static-files middleware; sends the precompressed
/// <c>.br</c>/<c>.gz</c> copy of a file when the browser accepts it, answers GET and HEAD only, and serves nothing
/// whose real path (after symbolic links) lies outside the site.
/// </summary>
public sealed class SiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _root;

    private SiteServer(string root, int port)
    {
        _root = RealPath(Path.GetFullPath(root)) ?? throw new DirectoryNotFoundException($"No site at {root}: run `course run` first.");
        Url = $"http://127.0.0.1:{port}/";
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = _root, WebRootPath = _root });
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IHostLifetime, CallerLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Limits.MaxRequestLineSize = 8 * 1024;
            options.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            options.Limits.MaxRequestBodySize = 0;
            options.ListenLocalhost(port);
        });
        _app = builder.Build();
        Configure(_app);
    }

    /// <summary>The address the site is served at, ending in '/'.</summary>
    public string Url { get; }

    /// <summary>The same address with the name <c>localhost</c>.</summary>
    public string LocalhostUrl => Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

    /// <summary>Starts serving <paramref name="root"/> on the loopback addresses.</summary>
    /// <param name="root">The site folder.</param>
    /// <param name="port">The port, 1 to 65535; 0 picks a free one.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The port is outside 0..65535.</exception>
    /// <exception cref="IOException">The port is in use or cannot be bound (the message says which).</exception>
    public static SiteServer Start(string root, int port = 0)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"No site at {root}: run `course run` first.");
        }

        if (port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, $"The port must be 1 to {IPEndPoint.MaxPort} (0 picks a free one), got {port}.");
        }

        var server = new SiteServer(root, port == 0 ? FreePort() : port);
        try
        {
            server._app.StartAsync().GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            server._app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new IOException($"Cannot serve on port {port}: {e.Message.TrimEnd('.')} (is another server using it? try another --port)", e);
        }

        return server;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private void Configure(WebApplication app)
    {
        var files = new PhysicalFileProvider(_root);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".dat"] = "application/octet-stream";
        types.Mappings[".br"] = "application/octet-stream";
        types.Mappings[".gz"] = "application/octet-stream";
        app.Use(RefuseOddRequests);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RedirectToAppendTrailingSlash = true });
        app.Use((context, next) => PreferCompressed(context, next));
        app.Use((context, next) => InsideTheSite(context) ? next(context) : NotFound(context));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            OnPrepareResponse = file =>
            {
                var response = file.Context.Response;
                response.Headers.CacheControl = "no-cache";
                if (file.Context.Items[OriginalPath] is string original)
                {
                    response.ContentType = types.TryGetContentType(original, out string? type) ? type : "application/octet-stream";
                    response.Headers.ContentEncoding = file.Context.Items[Encoding] as string;
                    response.Headers.Vary = "Accept-Encoding";
                }
            },
        });
        app.Run(NotFound);
    }

    private const string OriginalPath = "ActivationCourse.OriginalPath";
    private const string Encoding = "ActivationCourse.Encoding";

    /// <summary>Methods other than GET and HEAD get 405; a path with a NUL character 400.</summary>
    private static Task RefuseOddRequests(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            return Task.CompletedTask;
        }

        if (context.Request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        return next(context);
    }

    /// <summary>Serves <c>file.br</c> or <c>file.gz</c> for <c>file</c> when the browser accepts that encoding and the copy exists.</summary>
    private Task PreferCompressed(HttpContext context, RequestDelegate next)
    {
        string path = context.Request.Path.Value ?? "/";
        string accepted = context.Request.Headers.AcceptEncoding.ToString();
        foreach (var (encoding, suffix) in new[] { ("br", ".br"), ("gzip", ".gz") })
        {
            if (accepted.Contains(encoding, StringComparison.OrdinalIgnoreCase) && File.Exists(Physical(path + suffix)))
            {
                context.Items[OriginalPath] = path;
                context.Items[Encoding] = encoding;
                context.Request.Path = path + suffix;
                break;
            }
        }

        return next(context);
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Whether the request's file, with every symbolic link on its way resolved, lies inside the site; if it does, the
    /// request is pointed at that real file (the file provider would report a link's own size, not its target's).
    /// </summary>
    private bool InsideTheSite(HttpContext context)
    {
        string? real = RealPath(Physical(context.Request.Path.Value ?? "/"));
        if (real is null || (real != _root && !real.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            return false;
        }

        string relative = Path.GetRelativePath(_root, real).Replace(Path.DirectorySeparatorChar, '/');
        context.Request.Path = relative == "." ? "/" : "/" + relative;
        return true;
    }

    private string Physical(string urlPath) =>
        Path.GetFullPath(Path.Combine(_root, urlPath.TrimStart('/').Replace('/', Path.DirectorySeparatorChar)));

    /// <summary>
    /// <paramref name="path"/> with each symbolic link on the way replaced by what it points to (a missing last part
    /// stays as it is); null for a link loop.
    /// </summary>
    internal static string? RealPath(string path, int depth = 0)
    {
        if (depth > 40)
        {
            return null;
        }

        string full = Path.GetFullPath(path);
        string current = Path.GetPathRoot(full)!;
        foreach (string part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            string next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                string? resolved = RealPath(Path.GetFullPath(target, current), depth + 1);
                if (resolved is null)
                {
                    return null;
                }

                next = resolved;
            }

            current = next;
        }

        return current;
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>The server starts and stops when its owner says so (Ctrl+C is the command's to handle, not the host's).</summary>
    private sealed class CallerLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
