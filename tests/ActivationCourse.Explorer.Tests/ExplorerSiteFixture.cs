using System.Diagnostics;
using ActivationCourse.Notebooks;
using ActivationCourse.Notebooks.Site;
using Microsoft.Playwright;

namespace ActivationCourse.Explorer.Tests;

/// <summary>
/// Publishes the explorer (Release), lays it out as in the course site (explorer/ beside assets/ with KaTeX), serves
/// it on loopback HTTP and starts Debian's Chromium through Playwright. Shared by the browser tests.
/// </summary>
public sealed class ExplorerSiteFixture : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private SiteServer? _server;
    private IPlaywright? _playwright;

    /// <summary>The site folder (explorer/ and assets/).</summary>
    public string Site { get; } = Path.Combine(Path.GetTempPath(), "explorer-tests-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The explorer's address over HTTP, ending in '/'.</summary>
    public string Url => _server!.Url + ExplorerSite.Folder + "/";

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Seconds the publish took (reported by the measurement test).</summary>
    public double PublishSeconds { get; private set; }

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium),
            $"The explorer tests need Debian's Chromium at {Chromium}: install it with `apt-get install -y chromium`.");
        string root = RepositoryRoot.Find(AppContext.BaseDirectory);
        var clock = Stopwatch.StartNew();
        ExplorerSite.Publish(root, Site, Path.Combine(root, "artifacts", "explorer-tests"));
        PublishSeconds = clock.Elapsed.TotalSeconds;
        KatexAssets.Extract(KatexAssets.EnsurePackage(Path.Combine(root, "artifacts", "cache")), Path.Combine(Site, "assets"));
        File.WriteAllText(Path.Combine(Site, "index.html"), "<!DOCTYPE html><title>course</title><p>course index</p>");
        _server = SiteServer.Start(Site);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        if (Directory.Exists(Site))
        {
            Directory.Delete(Site, recursive: true);
        }
    }

    /// <summary>A new page that records console errors, page errors and failed requests in <paramref name="errors"/>.</summary>
    public async Task<IPage> OpenAsync(string fragment, List<string> errors, int width = 1280, int height = 900)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add($"failed to load {request.Url}");
        await page.GotoAsync(Url + "index.html#" + fragment);
        // Booted: the library has drawn a chart.
        await page.WaitForSelectorAsync(".chart svg", new PageWaitForSelectorOptions { Timeout = 120_000 });
        return page;
    }
}

[CollectionDefinition(Name)]
public sealed class ExplorerSiteCollection : ICollectionFixture<ExplorerSiteFixture>
{
    public const string Name = "explorer site";
}
