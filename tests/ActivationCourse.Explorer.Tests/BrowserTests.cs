using System.Globalization;
using ActivationCourse.Activations;
using Microsoft.Playwright;

namespace ActivationCourse.Explorer.Tests;

/// <summary>The published explorer, served over loopback HTTP, in headless Chromium.</summary>
[Collection(ExplorerSiteCollection.Name)]
public sealed class BrowserTests(ExplorerSiteFixture fixture)
{
    [Fact]
    public async Task The_activation_list_is_the_registry_and_the_formula_is_rendered_by_KaTeX()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync("view=function&f=elu", errors);
        var names = await page.Locator("#activation-list li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.name)");
        Assert.Equal(ActivationRegistry.Names, names);
        Assert.Equal("ELU", await page.InnerTextAsync("#function-title"));
        await page.WaitForSelectorAsync("#formula .katex");
        Assert.Equal(new ELU().Range, await page.InnerTextAsync("#range"));

        await page.FillAsync("#search", "swish");
        var found = await page.Locator("#activation-list li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.name)");
        Assert.Contains("silu", found);
        Assert.Contains("hard_swish", found);
        Assert.DoesNotContain("relu", found);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_slider_changes_the_chart_and_the_readout_to_the_library_values()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync("view=function&f=generalized_logistic&x=1", errors);
        string before = await page.InnerHTMLAsync("#function-chart");
        Assert.Equal(Fmt(new GeneralizedLogistic().Forward(1)), await page.InnerTextAsync("#readout .fx"));

        await SetRangeAsync(page, "#p-steepness", 5);
        await page.WaitForFunctionAsync("() => document.querySelector('#v-steepness').textContent === '5'");
        string after = await page.InnerHTMLAsync("#function-chart");
        Assert.NotEqual(before, after);
        var k5 = new GeneralizedLogistic(steepness: 5);
        Assert.Equal(Fmt(k5.Forward(1)), await page.InnerTextAsync("#readout .fx"));
        Assert.Equal(Fmt(k5.Derivative(1)), await page.InnerTextAsync("#readout .dfx"));
        Assert.Equal("good", await page.InnerTextAsync("#readout .verdict"));
        Assert.Contains("steepness=5", page.Url, StringComparison.Ordinal);

        // The mouse over the chart moves the cursor (x axis −5 to 5: right of the middle is positive).
        var box = await page.Locator("#function-chart").BoundingBoxAsync();
        await page.Mouse.MoveAsync(box!.X + (box.Width * 0.85f), box.Y + (box.Height / 2));
        await page.WaitForFunctionAsync("() => parseFloat(document.querySelector('#v-cursor').textContent) > 2");
        double x = Num(await page.InnerTextAsync("#v-cursor"));
        Assert.Equal(Fmt(k5.Forward(x)), await page.InnerTextAsync("#readout .fx"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_url_reproduces_the_function_view_and_the_trained_network()
    {
        var errors = new List<string>();
        const string function = "view=function&f=leaky_relu&negativeSlope=0.2&x=-1.5&span=3&cmp=elu,gelu";
        var first = await fixture.OpenAsync(function, errors);
        var second = await fixture.OpenAsync(function, errors);
        Assert.Equal(await first.InnerHTMLAsync("#function-chart"), await second.InnerHTMLAsync("#function-chart"));
        Assert.Equal(await first.InnerTextAsync("#readout"), await second.InnerTextAsync("#readout"));
        Assert.Equal(3, await second.Locator("#readout tr").CountAsync() - 1);
        Assert.Equal(Fmt(new LeakyReLU(0.2).Forward(-1.5)), await second.InnerTextAsync("#readout .fx"));

        const string network = "view=network&data=circles&noise=0.05&layers=relu:8,tanh:6&lr=0.3&batch=16&seed=2&train=120";
        var a = await fixture.OpenAsync(network, errors);
        var b = await fixture.OpenAsync(network, errors);
        foreach (var page in new[] { a, b })
        {
            await page.WaitForFunctionAsync("() => document.querySelector('#steps').textContent === '120' && document.querySelector('#play').textContent === 'Play'",
                null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        }
        Assert.Equal(await a.InnerTextAsync("#train-loss"), await b.InnerTextAsync("#train-loss"));
        Assert.Equal(await a.InnerHTMLAsync("#boundary"), await b.InnerHTMLAsync("#boundary"));
        Assert.Contains("train=120", b.Url, StringComparison.Ordinal);

        // A different activation for layer 2 only: a new network, and the URL says so.
        await b.SelectOptionAsync("#layer-1-activation", "sigmoid");
        await b.WaitForFunctionAsync("() => document.querySelector('#steps').textContent === '0'");
        Assert.Contains("layers=relu:8,sigmoid:6", b.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("train=", b.Url, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Training_on_xor_drops_the_loss_within_a_bounded_number_of_steps()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync("view=network&data=xor&noise=0.05&layers=tanh:8,tanh:8&lr=0.3&batch=16&seed=1", errors);
        double initial = Num(await page.InnerTextAsync("#train-loss"));
        Assert.True(initial > 0.5, $"an untrained network should be near ln 2 = 0.69, got {initial}");
        await page.ClickAsync("#step");
        await page.WaitForFunctionAsync("() => document.querySelector('#steps').textContent === '1'");
        // Playing runs freely: pause as soon as 1500 steps are reached, then check that a link to step 1500 has learned.
        await page.ClickAsync("#play");
        await page.WaitForFunctionAsync("() => parseInt(document.querySelector('#steps').textContent) >= 1500",
            null, new PageWaitForFunctionOptions { Timeout = 180_000, PollingInterval = 100 });
        await page.ClickAsync("#play");
        var trained = await fixture.OpenAsync("view=network&data=xor&noise=0.05&layers=tanh:8,tanh:8&lr=0.3&batch=16&seed=1&train=1500", errors);
        await WaitTrainedAsync(trained, 1500);
        double loss = Num(await trained.InnerTextAsync("#train-loss"));
        Assert.True(loss < 0.1, $"train loss {loss} after 1500 steps");
        Assert.Contains("No layer is dead or saturated", await trained.InnerTextAsync("#health-words"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    /// <summary>Waits until a link's training reached <paramref name="steps"/> and the page drew it.</summary>
    internal static async Task WaitTrainedAsync(IPage page, int steps, int timeout = 120_000) =>
        await page.WaitForFunctionAsync($"() => document.querySelector('#steps').textContent === '{steps}' && document.querySelector('#play').textContent === 'Play' && document.querySelector('#train-loss')",
            null, new PageWaitForFunctionOptions { Timeout = timeout });

    [Fact]
    public async Task A_dying_relu_layer_is_reported_in_words()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync("view=network&data=spiral&noise=0&layers=relu:8,relu:8&lr=10&batch=16&seed=1&train=200", errors);
        await page.WaitForFunctionAsync("() => document.querySelector('#steps').textContent === '200' || document.querySelector('#health-words').textContent.includes('diverged')",
            null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        string words = await page.InnerTextAsync("#health-words");
        Assert.Matches("dead|died|dying|diverged", words);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Opened_from_a_file_the_explorer_says_how_to_serve_it()
    {
        var page = await fixture.Browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(Path.Combine(fixture.Site, "explorer", "index.html")).AbsoluteUri);
        Assert.True(await page.IsVisibleAsync("#file-notice"));
        Assert.Contains("serve", await page.InnerTextAsync("#file-notice"), StringComparison.Ordinal);
        Assert.False(await page.IsVisibleAsync("#app"));
        Assert.Empty(errors);
    }

    private static async Task SetRangeAsync(IPage page, string selector, double value) =>
        await page.EvalOnSelectorAsync(selector, "(e, v) => { e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); }", value.ToString(CultureInfo.InvariantCulture));

    private static string Fmt(double v) => v.ToString("G5", CultureInfo.InvariantCulture);

    private static double Num(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
