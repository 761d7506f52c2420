using System.Globalization;
using System.Text;
using ActivationCourse.Activations;
using ActivationCourse.Plotting;
using ActivationCourse.Printing;
using ActivationCourse.Training;

namespace ActivationCourse.Reports;

/// <summary>The shape of one example as it flows through a convolutional network: height × width × channels, or a flat vector.</summary>
/// <param name="Height">Rows (1 for a flat vector).</param>
/// <param name="Width">Columns (1 for a flat vector).</param>
/// <param name="Channels">Channels, or the length of a flat vector.</param>
/// <param name="IsFlat">True after Flatten or Dense.</param>
public readonly record struct FeatureShape(int Height, int Width, int Channels, bool IsFlat = false)
{
    /// <summary>Number of values: Height · Width · Channels.</summary>
    public long Size => (long)Height * Width * Channels;

    /// <summary>Keras' notation without the batch dimension: "(32, 32, 3)" or "(7680)".</summary>
    public override string ToString() => IsFlat
        ? string.Create(CultureInfo.InvariantCulture, $"({Channels})")
        : string.Create(CultureInfo.InvariantCulture, $"({Height}, {Width}, {Channels})");
}

/// <summary>One layer of a <see cref="ConvNetSummary"/>: its name, the activation that follows it, its output shape and parameter count.</summary>
/// <param name="Layer">Layer kind and settings, e.g. "Conv2D 6 × 5×5, same".</param>
/// <param name="Activation">The element-wise activation applied to the layer's output ("relu", "softmax"), or "" for none.</param>
/// <param name="Output">Output shape of one example.</param>
/// <param name="Parameters">Trainable parameters (weights and biases).</param>
/// <param name="Formula">How <paramref name="Parameters"/> is computed, e.g. "(5·5·3 + 1)·6".</param>
/// <param name="MultiplyAdds">Multiply-adds for one example: every output value of a Conv2D or Dense layer is a weighted
/// sum with one multiply-add per weight (biases and pooling comparisons not counted).</param>
public sealed record ConvNetLayer(string Layer, string Activation, FeatureShape Output, long Parameters, string Formula, long MultiplyAdds = 0);

/// <summary>
/// Traces shapes and counts parameters of a small sequential convolutional network, layer by layer, like Keras'
/// <c>model.summary()</c>. Conv2D (stride 1, "same" or "valid" padding) has (k·k·c_in + 1)·c_out parameters,
/// Dense (n_in + 1)·n_out, pooling and flattening none.
/// <code>
/// var net = new ConvNetSummary(32, 32, 3).Conv2D(6, 5, "relu").MaxPool2D(2).Flatten().Dense(10, "softmax");
/// net.TotalParameters;
/// </code>
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class ConvNetSummary : IHtmlRenderable
{
    private readonly List<ConvNetLayer> _layers = [];

    /// <summary>Starts a network whose examples have the given input shape (height × width × channels).</summary>
    public ConvNetSummary(int height, int width, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        Input = new FeatureShape(height, width, channels);
    }

    /// <summary>The input shape.</summary>
    public FeatureShape Input { get; }

    /// <summary>The layers added so far.</summary>
    public IReadOnlyList<ConvNetLayer> Layers => _layers;

    /// <summary>The current output shape (the input shape when no layer has been added).</summary>
    public FeatureShape Output => _layers.Count == 0 ? Input : _layers[^1].Output;

    /// <summary>The sum of every layer's parameters.</summary>
    public long TotalParameters => _layers.Sum(l => l.Parameters);

    /// <summary>The sum of every layer's multiply-adds for one example.</summary>
    public long TotalMultiplyAdds => _layers.Sum(l => l.MultiplyAdds);

    /// <summary>
    /// A 2-D convolution with <paramref name="filters"/> square kernels of size <paramref name="kernel"/>, stride 1.
    /// "same" padding keeps height and width; "valid" shrinks each by kernel − 1.
    /// </summary>
    public ConvNetSummary Conv2D(int filters, int kernel, string activation = "", string padding = "same")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(filters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(kernel, 1);
        var input = RequireImage("Conv2D");
        int h, w;
        switch (padding)
        {
            case "same":
                (h, w) = (input.Height, input.Width);
                break;
            case "valid":
                (h, w) = (input.Height - kernel + 1, input.Width - kernel + 1);
                if (h < 1 || w < 1)
                {
                    throw new InvalidOperationException($"A {kernel}×{kernel} kernel does not fit a {input.Height}×{input.Width} input with valid padding.");
                }
                break;
            default:
                throw new ArgumentException($"Padding must be \"same\" or \"valid\", not \"{padding}\".", nameof(padding));
        }
        long parameters = (((long)kernel * kernel * input.Channels) + 1) * filters;
        _layers.Add(new ConvNetLayer(
            string.Create(CultureInfo.InvariantCulture, $"Conv2D {filters} × {kernel}×{kernel}, {padding}"), activation,
            new FeatureShape(h, w, filters), parameters,
            string.Create(CultureInfo.InvariantCulture, $"({kernel}·{kernel}·{input.Channels} + 1)·{filters}"),
            (long)h * w * kernel * kernel * input.Channels * filters));
        return this;
    }

    /// <summary>Max pooling over non-overlapping <paramref name="pool"/> × <paramref name="pool"/> windows (a partial window at the edge is dropped).</summary>
    public ConvNetSummary MaxPool2D(int pool)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pool, 1);
        var input = RequireImage("MaxPool2D");
        if (input.Height < pool || input.Width < pool)
        {
            throw new InvalidOperationException($"A {pool}×{pool} pool does not fit a {input.Height}×{input.Width} input.");
        }
        _layers.Add(new ConvNetLayer(string.Create(CultureInfo.InvariantCulture, $"MaxPool2D {pool}×{pool}"), "",
            new FeatureShape(input.Height / pool, input.Width / pool, input.Channels), 0, "0"));
        return this;
    }

    /// <summary>Flattens height × width × channels into one vector.</summary>
    public ConvNetSummary Flatten()
    {
        var input = RequireImage("Flatten");
        _layers.Add(new ConvNetLayer("Flatten", "", new FeatureShape(1, 1, checked((int)input.Size), true), 0, "0"));
        return this;
    }

    /// <summary>A fully connected layer with <paramref name="units"/> outputs; needs a flat input.</summary>
    public ConvNetSummary Dense(int units, string activation = "")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        var input = Output;
        if (!input.IsFlat)
        {
            throw new InvalidOperationException($"Dense needs a flat input; add Flatten() after the {input} feature map.");
        }
        _layers.Add(new ConvNetLayer(string.Create(CultureInfo.InvariantCulture, $"Dense {units}"), activation,
            new FeatureShape(1, 1, units, true), ((long)input.Channels + 1) * units,
            string.Create(CultureInfo.InvariantCulture, $"({input.Channels} + 1)·{units}"),
            (long)input.Channels * units));
        return this;
    }

    private FeatureShape RequireImage(string layer)
    {
        var input = Output;
        if (input.IsFlat)
        {
            throw new InvalidOperationException($"{layer} needs an image-shaped input (height × width × channels), not the flat {input}.");
        }
        return input;
    }

    /// <inheritdoc/>
    public string ToHtml()
    {
        const string Th = "<th style=\"padding:2px 8px;border-bottom:1px solid #888\">";
        const string Td = "<td style=\"padding:2px 8px\">";
        const string TdRight = "<td style=\"padding:2px 8px;text-align:right\">";
        var ci = CultureInfo.InvariantCulture;
        long total = TotalParameters, work = TotalMultiplyAdds;
        string Share(long part, long whole) => whole == 0 ? "" : Num.Percent((double)part / whole);
        var sb = new StringBuilder("<table style=\"border-collapse:collapse;font-size:13px\"><thead><tr>");
        foreach (var h in new[] { "layer", "activation", "output shape", "parameters", "count", "share", "multiply-adds", "share" })
        {
            sb.Append(Th).Append(h).Append("</th>");
        }
        sb.Append("</tr></thead><tbody><tr>").Append(Td).Append("Input</td>").Append(Td).Append("</td>").Append(Td).Append(Input)
          .Append("</td>").Append(TdRight).Append("0</td>").Append(Td).Append("</td>").Append(Td).Append("</td>").Append(TdRight).Append("0</td>")
          .Append(Td).Append("</td></tr>");
        foreach (var l in _layers)
        {
            sb.Append("<tr>").Append(Td).Append(HtmlTables.Escape(l.Layer)).Append("</td>").Append(Td).Append(HtmlTables.Escape(l.Activation)).Append("</td>")
              .Append(Td).Append(l.Output).Append("</td>").Append(TdRight).Append(l.Parameters.ToString("N0", ci)).Append("</td>")
              .Append(Td).Append(HtmlTables.Escape(l.Formula)).Append("</td>").Append(TdRight).Append(Share(l.Parameters, total)).Append("</td>")
              .Append(TdRight).Append(l.MultiplyAdds.ToString("N0", ci)).Append("</td>").Append(TdRight).Append(Share(l.MultiplyAdds, work))
              .Append("</td></tr>");
        }
        sb.Append("<tr>").Append(Td).Append("<b>Total</b></td>").Append(Td).Append("</td>").Append(Td).Append("</td>")
          .Append(TdRight).Append("<b>").Append(total.ToString("N0", ci)).Append("</b></td>").Append(Td).Append("</td>").Append(Td).Append("</td>")
          .Append(TdRight).Append("<b>").Append(work.ToString("N0", ci)).Append("</b></td>").Append(Td).Append("</td></tr></tbody></table>");
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"layer",-26}{"activation",-11}{"output",-16}{"parameters",12}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"Input",-26}{"",-11}{Input,-16}{0,12}");
        foreach (var l in _layers)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{l.Layer,-26}{l.Activation,-11}{l.Output,-16}{l.Parameters,12:N0}");
        }
        sb.Append(CultureInfo.InvariantCulture, $"{"Total",-53}{TotalParameters,12:N0}");
        return sb.ToString();
    }
}
