using System.Globalization;
using ActivationCourse.Experiments;

namespace ActivationCourse.Explorer.Model;

/// <summary>One hidden layer of the network view: an activation name (registry or "maxout") and its units.</summary>
public sealed record HiddenLayer(string Activation, int Units);

/// <summary>
/// Everything a view shows, written to and read from the URL fragment, so a link reproduces the view.
/// </summary>
/// <remarks>
/// Format: <c>#key=value&amp;key=value</c>, values URL-encoded, numbers invariant. Keys:
/// <c>view</c> (function | network);
/// function view: <c>f</c> (registry name), one key per changed parameter of f (its constructor name, e.g.
/// <c>steepness=5</c>), <c>x</c> (cursor), <c>span</c> (x axis from −span to span), <c>cmp</c> (comma-separated names to overlay);
/// network view: <c>data</c> (xor | circles | spiral | gaussians), <c>noise</c>, <c>layers</c> (comma-separated
/// <c>activation:units</c>), <c>lr</c>, <c>batch</c>, <c>seed</c>, <c>train</c> (steps to train on load), <c>play</c> (1: start playing).
/// Unknown keys are ignored; missing keys take the defaults below.
/// </remarks>
public sealed class ExplorerState
{
    /// <summary>Hidden layers at most (lesson 02's deep sigmoid net needs six).</summary>
    public const int MaxLayers = 6;

    /// <summary>Units per hidden layer at most.</summary>
    public const int MaxUnits = 16;

    /// <summary>"function" or "network".</summary>
    public string View { get; set; } = "function";

    /// <summary>The activation of the function view.</summary>
    public string Function { get; set; } = "sigmoid";

    /// <summary>Parameter values of <see cref="Function"/> that differ from its defaults.</summary>
    public Dictionary<string, double> Parameters { get; } = [];

    /// <summary>The cursor's x.</summary>
    public double CursorX { get; set; } = 1;

    /// <summary>Half-width of the x axis.</summary>
    public double Span { get; set; } = 5;

    /// <summary>Activations overlaid in compare mode (defaults; at most two besides <see cref="Function"/>).</summary>
    public List<string> Compare { get; } = [];

    /// <summary>Data set of the network view.</summary>
    public PlaneDatasetKind Data { get; set; } = PlaneDatasetKind.Xor;

    /// <summary>Noise (standard deviation) added to the data.</summary>
    public double Noise { get; set; } = 0.05;

    /// <summary>Hidden layers, input side first.</summary>
    public List<HiddenLayer> Layers { get; } = [new("tanh", 8), new("tanh", 8)];

    /// <summary>SGD learning rate.</summary>
    public double LearningRate { get; set; } = 0.1;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Seed of the data and the initial weights.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Steps to train right after loading (so a link can show a trained network).</summary>
    public int TrainSteps { get; set; }

    /// <summary>Start playing after loading.</summary>
    public bool Play { get; set; }

    /// <summary>The fragment (without '#') that reproduces this state.</summary>
    public string ToFragment()
    {
        var parts = new List<(string Key, string Value)> { ("view", View) };
        if (View == "network")
        {
            parts.Add(("data", Data.ToString().ToLowerInvariant()));
            parts.Add(("noise", Num(Noise)));
            parts.Add(("layers", string.Join(",", Layers.Select(l => $"{l.Activation}:{l.Units}"))));
            parts.Add(("lr", Num(LearningRate)));
            parts.Add(("batch", Num(BatchSize)));
            parts.Add(("seed", Num(Seed)));
            if (TrainSteps > 0)
            {
                parts.Add(("train", Num(TrainSteps)));
            }
            if (Play)
            {
                parts.Add(("play", "1"));
            }
        }
        else
        {
            parts.Add(("f", Function));
            parts.AddRange(Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, Num(p.Value))));
            parts.Add(("x", Num(CursorX)));
            parts.Add(("span", Num(Span)));
            if (Compare.Count > 0)
            {
                parts.Add(("cmp", string.Join(",", Compare)));
            }
        }
        return string.Join("&", parts.Select(p => $"{Escape(p.Key)}={Escape(p.Value)}"));
    }

    /// <summary>Reads a fragment (with or without '#'); bad values are skipped, so any link opens.</summary>
    public static ExplorerState Parse(string? fragment)
    {
        var state = new ExplorerState();
        if (string.IsNullOrWhiteSpace(fragment))
        {
            return state;
        }
        var pairs = fragment.TrimStart('#').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .Select(p => (Key: Uri.UnescapeDataString(p[0]), Value: Uri.UnescapeDataString(p[1])))
            .ToList();
        var function = pairs.LastOrDefault(p => p.Key == "f").Value;
        if (function is not null && ActivationCatalog.Find(function) is { } entry)
        {
            state.Function = entry.Name;
        }
        var sliders = ActivationCatalog.Find(state.Function)!.Sliders;
        foreach (var (key, value) in pairs)
        {
            switch (key)
            {
                case "view":
                    state.View = value == "network" ? "network" : "function";
                    break;
                case "x" when TryNum(value, out double x):
                    state.CursorX = x;
                    break;
                case "span" when TryNum(value, out double span) && span > 0:
                    state.Span = Math.Clamp(span, 0.5, 50);
                    break;
                case "cmp":
                    state.Compare.Clear();
                    state.Compare.AddRange(value.Split(',').Select(ActivationCatalog.Find).OfType<CatalogEntry>().Select(e => e.Name).Distinct().Take(2));
                    break;
                case "data" when Enum.TryParse(value, ignoreCase: true, out PlaneDatasetKind data):
                    state.Data = data;
                    break;
                case "noise" when TryNum(value, out double noise):
                    state.Noise = Math.Clamp(noise, 0, 1);
                    break;
                case "layers":
                    var layers = value.Split(',').Select(ParseLayer).OfType<HiddenLayer>().Take(MaxLayers).ToList();
                    if (layers.Count > 0)
                    {
                        state.Layers.Clear();
                        state.Layers.AddRange(layers);
                    }
                    break;
                case "lr" when TryNum(value, out double lr) && lr > 0:
                    state.LearningRate = Math.Min(lr, 100);
                    break;
                case "batch" when TryNum(value, out double batch) && batch >= 1:
                    state.BatchSize = (int)Math.Min(batch, 512);
                    break;
                case "seed" when TryNum(value, out double seed):
                    state.Seed = (int)seed;
                    break;
                case "train" when TryNum(value, out double steps) && steps >= 0:
                    state.TrainSteps = (int)Math.Min(steps, 20000);
                    break;
                case "play":
                    state.Play = value == "1";
                    break;
                default:
                    if (sliders.FirstOrDefault(s => s.Name == key) is { } slider && TryNum(value, out double v))
                    {
                        state.Parameters[slider.Name] = v;
                    }
                    break;
            }
        }
        return state;
    }

    /// <summary>Activations a hidden layer accepts: the registry's plus maxout (two pieces per unit).</summary>
    public static bool IsLayerActivation(string name) => name == "maxout" || ActivationCatalog.Find(name) is not null;

    private static HiddenLayer? ParseLayer(string text)
    {
        var parts = text.Split(':');
        string name = parts[0].Trim();
        if (name != "maxout")
        {
            name = ActivationCatalog.Find(name)?.Name ?? "";
        }
        if (name.Length == 0)
        {
            return null;
        }
        int units = parts.Length > 1 && TryNum(parts[1], out double u) ? (int)u : 8;
        return new HiddenLayer(name, Math.Clamp(units, 1, MaxUnits));
    }

    // ':' and ',' are allowed in a fragment: links stay readable (layers=relu:8,tanh:8).
    private static string Escape(string text) => Uri.EscapeDataString(text).Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal);

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool TryNum(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
