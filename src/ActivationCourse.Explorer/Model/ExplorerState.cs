using System.Globalization;
using ActivationCourse.Data;

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
/// <c>activation:units</c>), <c>lr</c>, <c>batch</c>, <c>seed</c>, <c>l2</c> (weight decay), <c>train</c> (steps to train on
/// load), <c>play</c> (1: start playing); both views: <c>hide</c> (comma-separated control groups to hide, for a focused
/// exercise). Unknown keys and values are dropped and listed in <see cref="Notes"/>; missing keys take the defaults below.
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

    /// <summary>Steps a link may ask to train on load at most.</summary>
    public const int MaxTrainSteps = 20000;

    /// <summary>L2 penalty (SGD weight decay, PyTorch's coupled form); 0 turns it off.</summary>
    public double WeightDecay { get; set; }

    /// <summary>Controls an instructor hid with <c>hide=</c> (see <see cref="HideableControls"/>).</summary>
    public SortedSet<string> Hidden { get; } = new(StringComparer.Ordinal);

    /// <summary>The controls <c>hide=</c> can name: groups of the controls column.</summary>
    public static IReadOnlySet<string> HideableControls { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "tabs", "list", "parameters", "cursor", "compare", "data", "layers", "training", "presets",
    };

    /// <summary>True unless the link hid the control group <paramref name="name"/>.</summary>
    public bool Shows(string name) => !Hidden.Contains(name);

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
            if (WeightDecay > 0)
            {
                parts.Add(("l2", Num(WeightDecay)));
            }
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
        if (Hidden.Count > 0)
        {
            parts.Add(("hide", string.Join(",", Hidden)));
        }
        return string.Join("&", parts.Select(p => $"{Escape(p.Key)}={Escape(p.Value)}"));
    }

    /// <summary>
    /// Reads a fragment (with or without '#'). Strict: a value that is not one the explorer offers is dropped and
    /// named in <see cref="Notes"/>; nothing a fragment holds throws, so any link opens.
    /// </summary>
    public static ExplorerState Parse(string? fragment)
    {
        var state = new ExplorerState();
        if (string.IsNullOrWhiteSpace(fragment))
        {
            return state;
        }
        var pairs = new List<(string Key, string Value)>();
        foreach (string part in fragment.TrimStart('#').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=', 2);
            if (kv.Length == 2)
            {
                pairs.Add((Unescape(kv[0]), Unescape(kv[1])));
            }
            else
            {
                state.Drop(Unescape(part), "has no value");
            }
        }
        var function = pairs.LastOrDefault(p => p.Key == "f").Value;
        if (function is not null && ActivationCatalog.Find(function) is { } entry)
        {
            state.Function = entry.Name;
        }
        var sliders = ActivationCatalog.Find(state.Function)!.Sliders;
        foreach (var (key, value) in pairs)
        {
            state.Read(key, value, sliders);
        }
        if (!ActivationCatalog.TryCreate(state.Function, state.Parameters, out _, out string? error))
        {
            state.Drop(string.Join("&", state.Parameters.Select(p => $"{p.Key}={Num(p.Value)}")), $"is rejected by {state.Function} ({error})");
            state.Parameters.Clear();
        }
        return state;
    }

    /// <summary>What the last <see cref="Parse"/> dropped, one sentence per key (empty when the link was clean).</summary>
    public List<string> Notes { get; } = [];

    private void Read(string key, string value, IReadOnlyList<ParameterSlider> sliders)
    {
        if (!ReadFunctionSetting(key, value) && !ReadNetworkSetting(key, value))
        {
            ReadParameter(key, value, sliders);
        }
    }

    // The function view's settings; false when the key is not one of them or its value is out of range.
    private bool ReadFunctionSetting(string key, string value)
    {
        switch (key)
        {
            case "view" when value is "network" or "function":
                View = value;
                return true;
            case "f" when ActivationCatalog.Find(value) is not null:
                return true;
            case "x" when TryNum(value, out double x) && Math.Abs(x) <= 50:
                CursorX = x;
                return true;
            case "span" when TryNum(value, out double span) && span >= 0.5 && span <= 50:
                Span = span;
                return true;
            case "cmp":
                ReadCompare(value);
                return true;
            default:
                return false;
        }
    }

    // The network view's settings (data, layers, training); false when the key is not one of them or its value is out of range.
    private bool ReadNetworkSetting(string key, string value)
    {
        switch (key)
        {
            case "data" when DataKind(value) is { } data:
                Data = data;
                return true;
            case "noise" when TryNum(value, out double noise) && noise >= 0 && noise <= 1:
                Noise = noise;
                return true;
            case "layers":
                ReadLayers(value);
                return true;
            case "lr" when TryNum(value, out double lr) && lr > 0 && lr <= 100:
                LearningRate = lr;
                return true;
            case "batch" when TryInt(value, 1, 512, out int batch):
                BatchSize = batch;
                return true;
            case "seed" when TryInt(value, 0, 1_000_000, out int seed):
                Seed = seed;
                return true;
            case "train" when TryInt(value, 0, MaxTrainSteps, out int steps):
                TrainSteps = steps;
                return true;
            case "play" when value is "0" or "1":
                Play = value == "1";
                return true;
            case "l2" when TryNum(value, out double l2) && l2 >= 0 && l2 <= 1:
                WeightDecay = l2;
                return true;
            case "hide":
                ReadHidden(value);
                return true;
            default:
                return false;
        }
    }

    // An activation parameter from its slider's range; anything else is dropped with a note saying why.
    private void ReadParameter(string key, string value, IReadOnlyList<ParameterSlider> sliders)
    {
        if (sliders.FirstOrDefault(s => s.Name == key) is { } slider)
        {
            if (TryNum(value, out double v) && v >= slider.Min && v <= slider.Max)
            {
                Parameters[slider.Name] = v;
            }
            else
            {
                Drop(key, value, $"is outside {Num(slider.Min)} to {Num(slider.Max)}");
            }
        }
        else
        {
            Drop(key, value, IsKnownKey(key) ? "is not a value the explorer offers" : "is not a setting of the explorer");
        }
    }

    private void ReadCompare(string value)
    {
        var names = new List<string>();
        foreach (string name in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (ActivationCatalog.Find(name) is { } e)
            {
                names.Add(e.Name);
            }
            else
            {
                Drop("cmp", name, "is not an activation");
            }
        }
        Compare.Clear();
        Compare.AddRange(names.Distinct().Take(2));
    }

    private void ReadLayers(string value)
    {
        var layers = new List<HiddenLayer>();
        foreach (string text in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (ParseLayer(text) is { } layer && layers.Count < MaxLayers)
            {
                layers.Add(layer);
            }
            else
            {
                Drop("layers", text, $"is not activation:units with units 1 to {MaxUnits} (at most {MaxLayers} layers)");
            }
        }
        if (layers.Count > 0)
        {
            Layers.Clear();
            Layers.AddRange(layers);
        }
    }

    private void ReadHidden(string value)
    {
        foreach (string name in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (HideableControls.Contains(name))
            {
                Hidden.Add(name);
            }
            else
            {
                Drop("hide", name, "is not a control that can be hidden");
            }
        }
    }

    private void Drop(string key, string value, string reason) => Drop($"{key}={value}", reason);

    private void Drop(string text, string reason)
    {
        string shown = text.Length > 60 ? text[..60] + "…" : text;
        Notes.Add($"“{shown}” {reason}: ignored.");
    }

    private static bool IsKnownKey(string key) => key is "view" or "f" or "x" or "span" or "cmp" or "data" or "noise" or "layers" or "lr" or "batch"
        or "seed" or "train" or "play" or "l2" or "hide";

    /// <summary>The data set named <paramref name="value"/> (names only: numbers are not data sets), or null.</summary>
    public static PlaneDatasetKind? DataKind(string value) =>
        Enum.GetValues<PlaneDatasetKind>().Select(k => (PlaneDatasetKind?)k).FirstOrDefault(k => string.Equals(k.ToString(), value, StringComparison.OrdinalIgnoreCase));

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
        if (name.Length == 0 || parts.Length > 2)
        {
            return null;
        }
        int units = 8;
        if (parts.Length == 2 && !TryInt(parts[1], 1, MaxUnits, out units))
        {
            return null;
        }
        return new HiddenLayer(name, units);
    }

    // ':' and ',' are allowed in a fragment: links stay readable (layers=relu:8,tanh:8).
    private static string Escape(string text) => Uri.EscapeDataString(text).Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal);

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool TryInt(string text, int min, int max, out int value)
    {
        value = 0;
        if (!TryNum(text, out double v) || v != Math.Floor(v) || v < min || v > max)
        {
            return false;
        }
        value = (int)v;
        return true;
    }

    private static string Unescape(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    // Adding +0 turns −0 into 0 (the library's range checks treat −0 as negative).
    private static bool TryNum(string text, out double value)
    {
        bool ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
        value += 0.0;
        return ok;
    }
}
