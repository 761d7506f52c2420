using ActivationCourse.Notebooks.Execution;
using ActivationCourse.Notebooks.Site;
using Microsoft.Playwright;

namespace ActivationCourse.Notebooks.Tests;

/// <summary>The course site, built once from the test notebooks (executed) for all tests of this class.</summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private readonly TestFiles.TempFolder temp = TestFiles.Stage("references.ipynb", "basics.dib", "runtime-error.dib");

    public string Site => Path.Combine(temp.Path, "site");

    public IReadOnlyList<string> Pages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var lessons = new List<SiteLesson>();
        foreach (var name in new[] { "references.ipynb", "basics.dib", "runtime-error.dib" })
        {
            var result = await new NotebookRunner().RunAsync(Path.Combine(temp.Path, "notebooks", name));
            lessons.Add(new SiteLesson($"{lessons.Count + 1:00}-{Path.GetFileNameWithoutExtension(name)}", result.Executed));
        }
        SiteBuilder.Build(lessons, Site, Path.Combine(TestFiles.RepositoryRoot, "artifacts", "cache"));
        Pages = [.. Directory.GetFiles(Site, "*.html").Order(StringComparer.Ordinal)];
    }

    public Task DisposeAsync()
    {
        temp.Dispose();
        return Task.CompletedTask;
    }
}

public class SiteTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public void The_index_lists_the_lessons_with_number_title_and_summary()
    {
        var index = File.ReadAllText(Path.Combine(fixture.Site, "index.html"));

        Assert.Contains("<span class=\"number\">01</span> <span class=\"title\">References</span>", index);
        Assert.Contains("href=\"02-basics.html\"", index);
        Assert.Contains("State, display, trailing values and the console.", index);
        Assert.Contains("<span class=\"title\">03-runtime-error</span>", index);
    }

    [Fact]
    public void Pages_have_markdown_math_code_outputs_and_navigation()
    {
        var page = File.ReadAllText(Path.Combine(fixture.Site, "01-references.html"));

        Assert.Contains("<table>", page);
        Assert.Contains("<span class=\"math\">", page);
        Assert.Contains("\\frac{1}{1 + e^{-x}}", page);
        Assert.Contains("<svg width=\"20\"", page);
        Assert.Contains("<pre class=\"code\"><code>#!csharp", page);
        Assert.Contains("href=\"02-basics.html\"", page);
        Assert.True(File.Exists(Path.Combine(fixture.Site, "assets", "katex.min.js")));
        Assert.True(File.Exists(Path.Combine(fixture.Site, "assets", "fonts", "KaTeX_Main-Regular.woff2")));
        Assert.Contains("class=\"output error\"", File.ReadAllText(Path.Combine(fixture.Site, "03-runtime-error.html")));
    }

    [Fact]
    public async Task Every_page_loads_in_Chromium_without_console_errors_with_charts_and_rendered_math()
    {
        const string chromium = "/usr/bin/chromium";
        Assert.True(File.Exists(chromium),
            $"The site browser test needs Debian's Chromium at {chromium}: install it with `apt-get install -y chromium` (Playwright's own browser download is not used).");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        foreach (var path in fixture.Pages)
        {
            var page = await browser.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                    errors.Add(message.Text);
            };
            page.PageError += (_, error) => errors.Add(error);
            page.RequestFailed += (_, request) => errors.Add($"failed to load {request.Url}");

            await page.GotoAsync(new Uri(path).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await page.WaitForFunctionAsync("document.readyState === 'complete'");

            Assert.Empty(errors);
            var text = await page.InnerTextAsync("main");
            var name = Path.GetFileName(path);
            if (name == "01-references.html")
            {
                Assert.True(await page.Locator(".markdown .katex").CountAsync() >= 2, "KaTeX did not render the math of " + name);
                Assert.True(await page.Locator(".output.html svg").First.IsVisibleAsync(), "the chart is not visible on " + name);
                var chart = await page.Locator(".output.html img[src^='data:image/svg+xml']").First.BoundingBoxAsync();
                Assert.True(chart is { Width: > 100, Height: > 100 }, "the library chart is not drawn on " + name);
                Assert.DoesNotContain("$$", text);
                Assert.DoesNotContain("\\frac", text);
            }
            await page.CloseAsync();
        }
    }
}

public class KatexAssetsTests
{
    [Fact]
    public void Without_npm_the_site_build_says_to_install_Node()
    {
        using var temp = TestFiles.Temp();

        var error = Assert.Throws<InvalidOperationException>(() => KatexAssets.EnsurePackage(temp.Path, "npm-that-does-not-exist"));

        Assert.Contains("npm was not found", error.Message);
        Assert.Contains("Install Node.js", error.Message);
    }
}

public class SiteSolutionTests
{
    [Fact]
    public async Task A_solution_is_collapsed_under_the_learner_version_of_its_cell()
    {
        using var temp = TestFiles.Stage("exercise.dib");
        var result = await new NotebookRunner().RunAsync(Path.Combine(temp.Path, "notebooks", "exercise.dib"));
        var site = Path.Combine(temp.Path, "site");

        SiteBuilder.Build([new SiteLesson("01-exercise", result.Executed)], site, Path.Combine(TestFiles.RepositoryRoot, "artifacts", "cache"));

        var page = File.ReadAllText(Path.Combine(site, "01-exercise.html"));
        int details = page.IndexOf("<details class=\"solution\">", StringComparison.Ordinal);
        Assert.True(details > 0, "no collapsed solution on the page");
        int solution = page.IndexOf("answer = 3", StringComparison.Ordinal);
        Assert.True(solution > details, "the solution appears outside its collapsed block");
        Assert.Contains("// Your code here", page[..details], StringComparison.Ordinal);
        Assert.Equal(1, page.Split("<details class=\"solution\">").Length - 1);
    }
}
