using System.Net;
using System.Net.Sockets;
using System.Text;
using ActivationCourse.Notebooks.Site;

namespace ActivationCourse.Explorer.Tests;

/// <summary>
/// The server behind <c>course serve</c> under hostile requests: traversal, links out of the site, a huge request line,
/// other methods, <c>%00</c>; after each it keeps serving. Also: <c>localhost</c>, gzip copies, a port in use.
/// </summary>
public sealed class SiteServerHostileRequestTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("site-hostile-").FullName;
    private string Site => Path.Combine(_folder, "site");
    private string Outside => Path.Combine(_folder, "outside");
    private SiteServer _server = default!;
    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None });

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Site, "lessons"));
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Site, "index.html"), "<p>course</p>");
        File.WriteAllText(Path.Combine(Site, "lessons", "01.html"), "<p>lesson</p>");
        File.WriteAllBytes(Path.Combine(Site, "lessons", "01.html.gz"), [31, 139, 8]);
        File.WriteAllText(Path.Combine(Outside, "secret.txt"), "secret");
        File.CreateSymbolicLink(Path.Combine(Site, "secret.txt"), Path.Combine(Outside, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(Site, "out"), Outside);
        File.CreateSymbolicLink(Path.Combine(Site, "up"), "..");
        File.CreateSymbolicLink(Path.Combine(Site, "same.html"), "lessons/01.html");
        _server = SiteServer.Start(Site);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _client.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task StillServes()
    {
        Assert.Equal("<p>course</p>", await _client.GetStringAsync(_server.Url));
        Assert.Equal("<p>lesson</p>", await _client.GetStringAsync(_server.Url + "lessons/01.html"));
    }

    /// <summary>Sends <paramref name="request"/> as raw bytes (no client-side normalization) and returns the status line, or "" if the server closed the connection.</summary>
    private async Task<string> Raw(string request)
    {
        var uri = new Uri(_server.Url);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, uri.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        string all = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return all;
    }

    [Theory]
    [InlineData("/../outside/secret.txt")]
    [InlineData("/%2e%2e/outside/secret.txt")]
    [InlineData("/..%2foutside%2fsecret.txt")]
    [InlineData("/lessons/../../outside/secret.txt")]
    [InlineData("/secret.txt")]
    [InlineData("/out/secret.txt")]
    [InlineData("/up/outside/secret.txt")]
    [InlineData("/%5c..%5coutside%5csecret.txt")]
    public async Task Nothing_outside_the_site_is_served_by_traversal_or_links(string path)
    {
        string response = await Raw($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        Assert.DoesNotContain("secret\r", response + "\r");
        Assert.DoesNotContain("HTTP/1.1 200", response);
        await StillServes();
    }

    [Fact]
    public async Task A_link_that_stays_inside_the_site_is_served()
    {
        Assert.Equal("<p>lesson</p>", await _client.GetStringAsync(_server.Url + "same.html"));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("TRACE")]
    [InlineData("OPTIONS")]
    [InlineData("PATCH")]
    public async Task Only_GET_and_HEAD_are_answered(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), _server.Url + "index.html");
        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
        await StillServes();
    }

    [Fact]
    public async Task HEAD_gives_the_headers_without_the_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, _server.Url + "index.html");
        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(13, response.Content.Headers.ContentLength);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_NUL_in_the_path_is_a_bad_request()
    {
        string response = await Raw("GET /index.html%00.png HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 400", response);
        await StillServes();
    }

    [Fact]
    public async Task A_huge_request_line_is_refused_and_the_server_keeps_serving()
    {
        var uri = new Uri(_server.Url);
        for (int attempt = 0; attempt < 3; attempt++)
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, uri.Port);
            var stream = tcp.GetStream();
            byte[] chunk = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
            try
            {
                await stream.WriteAsync("GET /"u8.ToArray());
                for (int i = 0; i < 64; i++)
                {
                    await stream.WriteAsync(chunk);
                }
            }
            catch (IOException)
            {
                // The server closed the connection once the line passed its limit: what it should do.
            }
        }

        await StillServes();
    }

    [Fact]
    public async Task Localhost_works_as_well_as_127_0_0_1()
    {
        Assert.StartsWith("http://localhost:", _server.LocalhostUrl, StringComparison.Ordinal);
        Assert.Equal("<p>course</p>", await _client.GetStringAsync(_server.LocalhostUrl));
    }

    [Fact]
    public async Task A_gzip_copy_is_sent_with_its_encoding_and_the_original_type()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.Url + "lessons/01.html");
        request.Headers.Add("Accept-Encoding", "gzip");
        var response = await _client.SendAsync(request);

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([31, 139, 8], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void A_port_in_use_or_out_of_range_is_refused_with_a_clear_message()
    {
        int port = new Uri(_server.Url).Port;

        var inUse = Assert.Throws<IOException>(() => SiteServer.Start(Site, port));
        Assert.Contains($"Cannot serve on port {port}", inUse.Message);
        Assert.Contains("in use", inUse.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => SiteServer.Start(Site, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SiteServer.Start(Site, 70000));
    }
}
