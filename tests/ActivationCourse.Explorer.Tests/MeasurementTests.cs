using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using ActivationCourse.Explorer.Model;
using ActivationCourse.Notebooks;
using Xunit.Abstractions;

namespace ActivationCourse.Explorer.Tests;

/// <summary>
/// Measures (never asserts speed): the compressed download of a first visit, the time to the first interactive
/// chart, XOR training steps per second in the browser against the same code in dotnet, in one run, the steps per
/// second that reach the screen while playing against the raw benchmark, and the time to open a 10,000-step link.
/// Writes artifacts/explorer-measurements.json and prints the figures.
/// </summary>
[Collection(ExplorerSiteCollection.Name)]
public sealed class MeasurementTests(ExplorerSiteFixture fixture, ITestOutputHelper output)
{
    private const int Steps = 2000;
    private const int Rounds = 5;
    private const int LinkSteps = 10_000;
    private const float PlaySeconds = 6;

    /// <summary>
    /// Steps per second that reach the screen while playing the default XOR network (counted from the page's step
    /// counter over a few seconds), and the raw benchmark in the same page right after.
    /// </summary>
    private async Task<(double OnScreen, double Raw)> OnScreenRateAsync()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync(XorBenchmark.Fragment, errors);
        await page.ClickAsync("#play");
        await page.WaitForTimeoutAsync(1000); // warm-up
        int first = int.Parse(await page.InnerTextAsync("#steps"), CultureInfo.InvariantCulture);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await page.WaitForTimeoutAsync(PlaySeconds * 1000);
        int last = int.Parse(await page.InnerTextAsync("#steps"), CultureInfo.InvariantCulture);
        double seconds = clock.Elapsed.TotalSeconds;
        await page.ClickAsync("#play");
        double raw = await page.EvaluateAsync<double>($"() => DotNet.invokeMethod('ActivationCourse.Explorer', 'XorStepsPerSecond', {Steps})");
        await page.CloseAsync();
        Assert.Empty(errors);
        return ((last - first) / seconds, raw);
    }

    /// <summary>Seconds from opening a link trained for 10,000 steps to the drawn network (a fresh context, as a shared link).</summary>
    private async Task<double> TrainedLinkSecondsAsync()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await page.GotoAsync(fixture.Url + "index.html#" + XorBenchmark.Fragment + "&train=" + LinkSteps);
        await page.WaitForFunctionAsync(
            $"() => document.querySelector('#steps')?.textContent === '{LinkSteps}' && document.querySelector('#play').textContent === 'Play' && document.querySelector('#diagram .unit svg')",
            null, new() { Timeout = 300_000, PollingInterval = 50 });
        return clock.Elapsed.TotalSeconds;
    }

    private static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double load) ? load : double.NaN;

    [Fact]
    public async Task Download_size_first_chart_and_training_speed_are_measured()
    {
        var visits = new List<(double Bytes, double FrameworkBytes, double FirstChartMs)>();
        var browserRates = new List<double>();
        var dotnetRates = new List<double>();
        string browserSimd = "";
        for (int round = 0; round < Rounds; round++)
        {
            // A fresh context each time: nothing cached, as a first visit.
            await using var context = await fixture.Browser.NewContextAsync();
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            await page.GotoAsync(fixture.Url + "#view=function&f=sigmoid");
            await page.WaitForFunctionAsync("() => window.explorer && explorer.firstChartAt !== undefined", null, new() { Timeout = 120_000 });
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
            double bytes = await page.EvaluateAsync<double>(
                "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((s, e) => s + e.encodedBodySize, 0)");
            double framework = await page.EvaluateAsync<double>(
                "() => performance.getEntriesByType('resource').filter(e => e.name.includes('/_framework/')).reduce((s, e) => s + e.encodedBodySize, 0)");
            double firstChart = await page.EvaluateAsync<double>("() => explorer.firstChartAt");
            visits.Add((bytes, framework, firstChart));
            if (round == 0)
            {
                browserSimd = await page.EvaluateAsync<string>("() => DotNet.invokeMethod('ActivationCourse.Explorer', 'Simd')");
                // Untimed warm-up of both (tiered JIT in dotnet, the interpreter's tiers in the browser).
                await page.EvaluateAsync<double>($"() => DotNet.invokeMethod('ActivationCourse.Explorer', 'XorStepsPerSecond', {Steps})");
                XorBenchmark.StepsPerSecond(Steps);
            }
            // Alternate browser and dotnet so both see the same machine load.
            browserRates.Add(await page.EvaluateAsync<double>($"() => DotNet.invokeMethod('ActivationCourse.Explorer', 'XorStepsPerSecond', {Steps})"));
            dotnetRates.Add(XorBenchmark.StepsPerSecond(Steps));
            Assert.Empty(errors);
        }

        var (onScreen, raw) = await OnScreenRateAsync();
        var linkSeconds = new List<double>();
        for (int round = 0; round < 3; round++)
        {
            linkSeconds.Add(await TrainedLinkSecondsAsync());
        }

        double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        var result = new Dictionary<string, object>
        {
            ["machine"] = $"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.ProcessArchitecture}",
            ["browser"] = fixture.Browser.Version,
            ["browser_simd"] = browserSimd,
            ["download_compressed_bytes"] = Median(visits.Select(v => v.Bytes)),
            ["download_framework_compressed_bytes"] = Median(visits.Select(v => v.FrameworkBytes)),
            ["first_chart_ms_median"] = Median(visits.Select(v => v.FirstChartMs)),
            ["first_chart_ms_range"] = new[] { visits.Min(v => v.FirstChartMs), visits.Max(v => v.FirstChartMs) },
            ["xor_steps_per_second_browser_median"] = Median(browserRates),
            ["xor_steps_per_second_browser_range"] = new[] { browserRates.Min(), browserRates.Max() },
            ["xor_steps_per_second_dotnet_median"] = Median(dotnetRates),
            ["xor_steps_per_second_dotnet_range"] = new[] { dotnetRates.Min(), dotnetRates.Max() },
            ["dotnet_over_browser"] = Median(dotnetRates) / Median(browserRates),
            ["on_screen_steps_per_second_while_playing"] = onScreen,
            ["raw_steps_per_second_same_page"] = raw,
            ["raw_over_on_screen"] = raw / onScreen,
            ["on_screen_goal"] = "raw_over_on_screen <= 2",
            ["link_10000_steps_seconds_median"] = Median(linkSeconds),
            ["link_10000_steps_seconds_range"] = new[] { linkSeconds.Min(), linkSeconds.Max() },
            ["link_goal_seconds"] = 5,
            ["load_average_1min"] = LoadAverage(),
            ["rounds"] = Rounds,
            ["steps_per_round"] = Steps,
            ["publish_seconds"] = fixture.PublishSeconds,
        };
        string json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
        output.WriteLine(json);
        File.WriteAllText(Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory), "artifacts", "explorer-measurements.json"), json);

        // Sanity only: something was downloaded, a chart appeared, training ran in both places.
        Assert.All(visits, v => Assert.True(v.Bytes > 100_000 && v.FirstChartMs > 0, v.ToString()));
        Assert.All(browserRates.Concat(dotnetRates).Append(onScreen), r => Assert.True(r > 0 && double.IsFinite(r), r.ToString(CultureInfo.InvariantCulture)));
    }
}
