using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ActivationCourse.Notebooks.Execution;
using ActivationCourse.Notebooks.IO;
using ActivationCourse.Notebooks.Model;
using Microsoft.Playwright;

namespace ActivationCourse.Kernel.Tests;

/// <summary>
/// Lesson 02 as our runner writes it, opened in classic Jupyter Notebook (6.4) as a learner who cloned the
/// repository sees it: untrusted, so its HTML outputs are sanitized. Its charts must show. A control output with
/// inline SVG proves the sanitizer is at work. The screenshot is kept in artifacts/test-results/.
/// </summary>
public class UntrustedJupyterTests
{
    private const string Lesson = "02-sigmoid-and-tanh.ipynb";

    [Fact]
    public async Task Lesson_02_charts_show_in_an_untrusted_classic_Jupyter_Notebook()
    {
        var missing = Prerequisites.MissingKernel();
        Assert.True(missing is null, missing);
        Assert.True(File.Exists(Prerequisites.Chromium), $"Chromium is missing: run scripts/test.sh, or apt-get install chromium ({Prerequisites.Chromium}).");
        var lesson = Path.Combine(Prerequisites.RepositoryRoot, "notebooks", Lesson);
        Assert.True(File.Exists(lesson), $"{lesson} is gone: point this test at the lesson with the most charts.");

        var run = await new NotebookRunner().RunAsync(lesson);
        Assert.True(run.Succeeded, run.FailureMessage);
        var executed = run.Executed;
        var charts = executed.Cells.SelectMany(c => c.Outputs).OfType<DataOutput>()
            .Count(d => d.Get("text/html")?.StartsWith("<img src=\"data:image/svg+xml;base64,", StringComparison.Ordinal) == true);
        Assert.True(charts >= 2, $"lesson 02 has {charts} charts");
        // Control: inline SVG, which an untrusted notebook must not render.
        var control = new Cell(CellKind.Code, "// control", Cell.KernelMetadata("csharp"));
        control.Outputs.Add(new DataOutput(false, [new("text/html", "<svg id=\"control\" width=\"50\" height=\"50\"><rect width=\"50\" height=\"50\" fill=\"red\"/></svg>")]));
        executed.Cells.Add(control);

        var temp = Directory.CreateTempSubdirectory("jupyter-untrusted-");
        Process? server = null;
        try
        {
            NotebookWriter.Save(executed, Path.Combine(temp.FullName, "work", Lesson));
            var port = FreePort();
            const string token = "activation-course-test";
            var info = ChildProcess.Start("jupyter", Path.Combine(temp.FullName, "work"),
                "notebook", "--no-browser", "--ip=127.0.0.1", $"--port={port}", $"--NotebookApp.token={token}",
                "--NotebookApp.open_browser=False", "--allow-root", $"--notebook-dir={Path.Combine(temp.FullName, "work")}");
            // Fresh Jupyter folders: no signature database, so the notebook is untrusted as on a learner's machine.
            foreach (var (variable, folder) in new[] { ("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"), ("IPYTHONDIR", "ipython") })
                info.Environment[variable] = Directory.CreateDirectory(Path.Combine(temp.FullName, folder)).FullName;
            server = Process.Start(info)!;
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            var baseUrl = $"http://127.0.0.1:{port}";
            await WaitForServerAsync($"{baseUrl}/api/status?token={token}", server);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Prerequisites.Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
            await page.GotoAsync($"{baseUrl}/notebooks/{Lesson}?token={token}");
            await page.WaitForFunctionAsync("() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded", null, new PageWaitForFunctionOptions { Timeout = 60_000 });

            Assert.False(await page.EvaluateAsync<bool>("() => Jupyter.notebook.trusted"), "the notebook opened as trusted; the test must see what an untrusted one shows");
            Assert.Equal(0, await page.Locator(".output_html svg#control").CountAsync());
            var images = page.Locator(".output_html img[src^='data:image/svg+xml']");
            Assert.Equal(charts, await images.CountAsync());
            await images.First.ScrollIntoViewIfNeededAsync();
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll(\".output_html img[src^='data:image/svg+xml']\")].every(i => i.complete)");
            var drawn = await page.EvaluateAsync<int>(
                "() => [...document.querySelectorAll(\".output_html img[src^='data:image/svg+xml']\")].filter(i => i.naturalWidth > 100 && i.getBoundingClientRect().width > 100 && i.alt.length > 0).length");
            Assert.Equal(charts, drawn);

            var shots = Directory.CreateDirectory(Path.Combine(Prerequisites.RepositoryRoot, "artifacts", "test-results")).FullName;
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "jupyter-untrusted-lesson-02.png") });
            await images.First.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(shots, "jupyter-untrusted-lesson-02-chart-1.png") });
        }
        finally
        {
            if (server is { HasExited: false })
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
            server?.Dispose();
            temp.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForServerAsync(string url, Process server)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(server.HasExited, "jupyter notebook exited before serving");
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        Assert.Fail($"jupyter notebook did not answer {url} within 60 s");
    }
}
