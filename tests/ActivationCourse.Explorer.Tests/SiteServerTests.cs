using System.Net;
using ActivationCourse.Notebooks.Site;

namespace ActivationCourse.Explorer.Tests;

/// <summary>The loopback server behind <c>course serve</c>: types, precompressed files, folders, and nothing outside the site.</summary>
public sealed class SiteServerTests : IDisposable
{
    private readonly string _site = Path.Combine(Path.GetTempPath(), "site-server-" + Guid.NewGuid().ToString("N")[..8]);

    public SiteServerTests()
    {
        Directory.CreateDirectory(Path.Combine(_site, "explorer", "_framework"));
        File.WriteAllText(Path.Combine(_site, "index.html"), "<p>course</p>");
        File.WriteAllText(Path.Combine(_site, "explorer", "index.html"), "<p>explorer</p>");
        File.WriteAllBytes(Path.Combine(_site, "explorer", "_framework", "x.wasm"), [0, 97, 115, 109]);
        File.WriteAllBytes(Path.Combine(_site, "explorer", "_framework", "x.wasm.br"), [1, 2, 3]);
    }

    [Fact]
    public async Task Serves_files_with_their_types_precompressed_copies_and_folder_redirects()
    {
        await using var server = SiteServer.Start(_site);
        Assert.StartsWith("http://127.0.0.1:", server.Url, StringComparison.Ordinal);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None });

        Assert.Equal("<p>course</p>", await client.GetStringAsync(server.Url));
        var folder = await client.GetAsync(server.Url + "explorer");
        Assert.Equal(HttpStatusCode.MovedPermanently, folder.StatusCode);
        Assert.EndsWith("/explorer/", folder.Headers.Location?.OriginalString);
        Assert.Equal("<p>explorer</p>", await client.GetStringAsync(server.Url + "explorer/"));

        var plain = await client.GetAsync(server.Url + "explorer/_framework/x.wasm");
        Assert.Equal("application/wasm", plain.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0, 97, 115, 109], await plain.Content.ReadAsByteArrayAsync());

        using var brotli = new HttpRequestMessage(HttpMethod.Get, server.Url + "explorer/_framework/x.wasm");
        brotli.Headers.Add("Accept-Encoding", "gzip, br");
        var compressed = await client.SendAsync(brotli);
        Assert.Equal(["br"], compressed.Content.Headers.ContentEncoding);
        Assert.Equal([1, 2, 3], await compressed.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(server.Url + "missing.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(server.Url + "%2e%2e/%2e%2e/etc/passwd")).StatusCode);
    }

    [Fact]
    public void A_missing_site_is_an_error_that_says_to_build_it()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => SiteServer.Start(Path.Combine(_site, "nope")));
        Assert.Contains("course run", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_site, recursive: true);
}
