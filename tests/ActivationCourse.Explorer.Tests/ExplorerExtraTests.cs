using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using ActivationCourse.Explorer.Model;
using ActivationCourse.Notebooks;
using Microsoft.Playwright;

namespace ActivationCourse.Explorer.Tests;

/// <summary>The network diagram, strict links, keyboard and screen-reader use, and a phone, in headless Chromium.</summary>
[Collection(ExplorerSiteCollection.Name)]
public sealed class ExplorerExtraTests(ExplorerSiteFixture fixture)
{
    private const string AxeVersion = "4.10.3";

    [Fact]
    public async Task The_diagram_shows_a_map_per_hidden_unit_and_the_dead_ones_grey()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync(Presets.ReluHighRate, errors);
        await BrowserTests.WaitTrainedAsync(page, 300);
        Assert.Equal(16, await page.Locator("#diagram .unit").CountAsync());
        Assert.Equal(16, await page.Locator("#diagram .unit svg").CountAsync());
        var alive = await page.Locator("#diagram .unit:not(.dead)").EvaluateAllAsync<string[]>("units => units.map(u => u.querySelector('svg').innerHTML)");
        Assert.NotEmpty(alive);
        Assert.Equal(alive.Length, alive.Distinct().Count()); // each living unit draws its own map
        // Edges: 2·8 + 8·8 + 8·2, each colored by sign.
        Assert.Equal(96, await page.Locator("#diagram .edges line").CountAsync());
        var colors = await page.Locator("#diagram .edges line").EvaluateAllAsync<string[]>("lines => [...new Set(lines.map(l => l.getAttribute('stroke')))]");
        Assert.Equal(["#0072B2", "#D55E00"], colors.Order());

        // The grey units are the dead ones, and the table counts them (lesson 03's link: several died).
        int dead = await page.Locator("#diagram .unit.dead").CountAsync();
        Assert.True(dead > 0);
        var tableDead = await page.Locator("#health td.dead").AllInnerTextsAsync();
        Assert.Equal(dead, tableDead.Sum(int.Parse));

        // Focus (keyboard) enlarges a unit and shows its state; so does hovering.
        var unit = page.Locator("#diagram .unit.dead").First;
        var before = await unit.BoundingBoxAsync();
        await unit.FocusAsync();
        await page.WaitForTimeoutAsync(300);
        var after = await unit.BoundingBoxAsync();
        Assert.True(after!.Width > 2 * before!.Width, $"{before.Width} → {after.Width}");
        Assert.True(await unit.Locator(".state").IsVisibleAsync());
        Assert.Contains("dead", await unit.Locator(".state").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("dead", await unit.GetAttributeAsync("aria-label") ?? "", StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_saturated_tanh_unit_is_marked_saturated_not_dead()
    {
        var errors = new List<string>();
        const string fragment = "view=network&data=xor&noise=0.05&layers=tanh:8,tanh:8&lr=10&batch=16&seed=1&train=300";
        var page = await fixture.OpenAsync(fragment, errors);
        await BrowserTests.WaitTrainedAsync(page, 300);
        int saturated = await page.Locator("#diagram .unit.saturated").CountAsync();
        Assert.True(saturated > 0);
        Assert.Equal(0, await page.Locator("#diagram .unit.dead").CountAsync());
        Assert.Equal(saturated, (await page.Locator("#health td.saturated-units").AllInnerTextsAsync()).Sum(int.Parse));
        Assert.All(await page.Locator("#health td.dead").AllInnerTextsAsync(), d => Assert.Equal("0", d));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_bad_value_in_the_link_is_dropped_with_a_note_and_an_edited_fragment_is_followed()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync("view=network&data=7&layers=relu:8,bogus:3&lr=0.3", errors);
        await page.WaitForSelectorAsync("#boundary svg");
        string notes = await page.InnerTextAsync("#url-notes");
        Assert.Contains("data=7", notes, StringComparison.Ordinal);
        Assert.Contains("bogus:3", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("data=7", page.Url, StringComparison.Ordinal);
        Assert.Contains("data=xor", page.Url, StringComparison.Ordinal);
        Assert.Contains("/explorer/index.html#", page.Url, StringComparison.Ordinal);

        // Editing the fragment of the open tab (as in the address bar) changes the view without a reload.
        await page.EvaluateAsync("() => { window.notReloaded = true; location.hash = 'view=function&f=elu'; }");
        await page.WaitForFunctionAsync("() => document.querySelector('#function-title')?.textContent === 'ELU'");
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        Assert.Equal(0, await page.Locator("#url-notes").CountAsync());
        await page.EvaluateAsync("() => { location.hash = 'view=network&data=spiral&layers=relu:4&hide=layers,data'; }");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#diagram .unit').length === 4");
        Assert.Equal(0, await page.Locator("#layer-0-activation").CountAsync());
        Assert.Equal(0, await page.Locator("#data").CountAsync());
        Assert.Equal(1, await page.Locator("#lr").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Presets_open_the_lessons_experiments()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync("view=function&f=relu", errors);
        var options = await page.Locator("#preset option").EvaluateAllAsync<string[]>("o => o.map(x => x.value).filter(v => v)");
        Assert.Equal(Presets.All.Select(p => p.Fragment), options);
        await page.SelectOptionAsync("#preset", Presets.Maxout);
        await BrowserTests.WaitTrainedAsync(page, 500);
        Assert.Contains("layers=maxout:4,maxout:4", page.Url, StringComparison.Ordinal);
        Assert.Equal(8, await page.Locator("#diagram .unit").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_activation_list_is_a_listbox_that_the_keyboard_drives()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync("view=function&f=relu", errors);
        Assert.Equal("listbox", await page.GetAttributeAsync("#activation-list", "role"));
        Assert.Equal("true", await page.GetAttributeAsync("#opt-relu", "aria-selected"));
        var names = await page.Locator("#activation-list li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.name)");
        string next = names[Array.IndexOf(names, "relu") + 1];
        await page.FocusAsync("#activation-list");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.WaitForFunctionAsync($"() => document.querySelector('#opt-{next}')?.getAttribute('aria-selected') === 'true'");
        Assert.Contains($"f={next}", page.Url, StringComparison.Ordinal);
        Assert.Equal($"opt-{next}", await page.GetAttributeAsync("#activation-list", "aria-activedescendant"));
        await page.Keyboard.PressAsync("Home");
        await page.WaitForFunctionAsync($"() => document.querySelector('#opt-{names[0]}')?.getAttribute('aria-selected') === 'true'");
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("view=function&f=gelu&cmp=elu,tanh", 1280)]
    [InlineData("view=network&data=xor&layers=relu:6,tanh:4&train=100", 1280)]
    [InlineData("view=function&f=elu", 390)]
    [InlineData("view=network&data=circles&layers=tanh:4&train=50", 390)]
    public async Task Axe_finds_no_serious_accessibility_violation(string fragment, int width)
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync(fragment, errors, width, 844);
        if (fragment.Contains("train=", StringComparison.Ordinal))
        {
            await page.WaitForFunctionAsync("() => document.querySelector('#play').textContent === 'Play' && document.querySelector('#train-loss')", null, new() { Timeout = 120_000 });
        }
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = AxeScript() });
        string json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))" +
            ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))");
        var violations = JsonSerializer.Deserialize<string[]>(json)!;
        Assert.True(violations.Length == 0, string.Join("\n", violations));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("function", "view=function&f=swish&cmp=relu")]
    [InlineData("network", "view=network&data=spiral&layers=relu:8,relu:8&train=200")]
    public async Task On_a_phone_nothing_overflows_and_the_charts_fill_the_width(string name, string fragment)
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync(fragment, errors, 390, 844);
        if (name == "network")
        {
            await BrowserTests.WaitTrainedAsync(page, 200);
        }
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"),
            $"the page is {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide");
        var widths = await page.Locator(".chart").EvaluateAllAsync<double[]>("charts => charts.map(c => c.getBoundingClientRect().width)");
        Assert.All(widths, w => Assert.True(w >= 330, $"chart {w} px wide on a 390 px phone"));
        string shots = Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory), "artifacts", "explorer-screenshots");
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"phone-{name}.png"), FullPage = true });

        // And on a projector the charts grow with the window.
        await page.SetViewportSizeAsync(1920, 1080);
        var wide = await page.Locator(".chart").First.EvaluateAsync<double>("c => c.getBoundingClientRect().width");
        Assert.True(wide > 600, $"chart {wide} px wide on a 1920 px window");
        Assert.Empty(errors);
    }

    // axe-core from npm (npm pack into artifacts/cache once), its axe.min.js read from the tarball.
    private static string AxeScript()
    {
        string cache = Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory), "artifacts", "cache");
        Directory.CreateDirectory(cache);
        string tarball = Path.Combine(cache, $"axe-core-{AxeVersion}.tgz");
        if (!File.Exists(tarball))
        {
            string staging = Directory.CreateTempSubdirectory("axe-").FullName;
            using (var npm = Process.Start(new ProcessStartInfo("npm", ["pack", $"axe-core@{AxeVersion}", "--pack-destination", staging, "--silent"]) { RedirectStandardOutput = true })!)
            {
                npm.StandardOutput.ReadToEnd();
                npm.WaitForExit();
                Assert.True(npm.ExitCode == 0, $"npm pack axe-core@{AxeVersion} failed");
            }
            File.Move(Path.Combine(staging, $"axe-core-{AxeVersion}.tgz"), tarball, overwrite: true);
        }
        using var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name == "package/axe.min.js" && entry.DataStream is { } data)
            {
                using var reader = new StreamReader(data);
                return reader.ReadToEnd();
            }
        }
        throw new InvalidOperationException($"{tarball} has no package/axe.min.js");
    }
}
