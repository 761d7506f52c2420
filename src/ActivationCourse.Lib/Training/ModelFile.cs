using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ActivationCourse.Activations;
using ActivationCourse.IO;

namespace ActivationCourse.Training;

/// <summary>
/// Saves and loads networks in a small binary format, checked on load so that a damaged file is named and refused,
/// never half loaded.
/// </summary>
/// <remarks>
/// <para>
/// Version 3 (written): a 48-byte header, the magic bytes "ACNN", the format version (int32), the length of the body
/// (int64) and the body's SHA-256 (32 bytes); then the body: the layer count, then each layer as its kind, its
/// configuration and its parameters (rows, columns, little-endian floats). An activation layer's configuration is its
/// width, its activation's name and its activation's parameters (a count, then name and value of each
/// <see cref="Activation.Settings"/> entry), so a non-default leaky ReLU slope or hard tanh clamp survives the round
/// trip. Version 2 (read, no longer written) is the same without the activation's parameters (they load as defaults);
/// version 1 is the magic, the version and a version 2 body, without length or checksum.
/// </para>
/// <para>
/// On load every count and size is checked against the bytes that remain before anything is allocated, every weight
/// must be finite, and the body must end where the file ends.
/// </para>
/// </remarks>
public static class ModelFile
{
    private const int Magic = 0x4E4E4341; // "ACNN" little-endian
    private const int Version = 3;
    private const int WithoutActivationParameters = 2;
    private const int UncheckedVersion = 1;
    private const int HeaderLength = 4 + 4 + 8 + 32;

    /// <summary>The widest layer a model file may describe (16 M values per row).</summary>
    public const int MaxWidth = 1 << 24;

    /// <summary>Writes <paramref name="network"/> to <paramref name="stream"/>.</summary>
    /// <param name="network">The network.</param>
    /// <param name="stream">Destination (left open).</param>
    /// <exception cref="ArgumentException">A weight is NaN or infinite (such a model could not be loaded); nothing is written.</exception>
    public static void Save(Network network, Stream stream) => Save(network, stream, Version);

    /// <summary>Writes in the current version or, for the tests of the reader, in version 2.</summary>
    internal static void Save(Network network, Stream stream, int version)
    {
        byte[] body = Body(network, version);
        Span<byte> header = stackalloc byte[HeaderLength];
        BinaryPrimitives.WriteInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], version);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], body.Length);
        SHA256.HashData(body, header[16..]);
        stream.Write(header);
        stream.Write(body);
    }

    /// <summary>Writes <paramref name="network"/> to the file <paramref name="path"/> with <see cref="AtomicFile"/>.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">File path (replaced only once the whole model is written, so a failed save never leaves a half-written file).</param>
    public static void Save(Network network, string path) => AtomicFile.Write(path, stream => Save(network, stream));

    /// <summary>Reads a network written by <see cref="Save(Network, Stream)"/> (the rest of the stream is the model).</summary>
    /// <param name="stream">Source (left open).</param>
    /// <exception cref="InvalidDataException">Not a model file, an unsupported version, or a damaged one: the message says what is wrong.</exception>
    public static Network Load(Stream stream)
    {
        if (!stream.CanSeek)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            return Load(copy);
        }

        long size = stream.Length - stream.Position;
        Span<byte> start = stackalloc byte[8];
        if (size < start.Length || stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) < start.Length)
        {
            throw new InvalidDataException($"the file is {size} bytes, too short for a model file's header");
        }

        if (BinaryPrimitives.ReadInt32LittleEndian(start) != Magic)
        {
            throw new InvalidDataException("not an ActivationCourse model file (it does not start with \"ACNN\")");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(start[4..]);
        return version switch
        {
            Version or WithoutActivationParameters => ReadBody(CheckedBody(stream, size, version), version),
            UncheckedVersion => ReadBody(Remainder(stream, size - 8), version),
            _ => throw new InvalidDataException($"model file version {version} is not supported (this library reads versions 1 to {Version})"),
        };
    }

    /// <summary>Reads a network from the file <paramref name="path"/>.</summary>
    /// <param name="path">File path.</param>
    /// <exception cref="InvalidDataException">Not a model file, an unsupported version, or a damaged one (the message names the file and what is wrong).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Network Load(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return Load(stream);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Cannot load the model {Path.GetFullPath(path)}: {e.Message}.", e);
        }
    }

    private static byte[] Body(Network network, int version)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(network.Layers.Count);
            for (int i = 0; i < network.Layers.Count; i++)
            {
                var layer = network.Layers[i];
                CheckFinite(layer, i);
                writer.Write(layer.Kind);
                layer.WriteConfiguration(writer);
                if (version >= Version && layer is ActivationLayer activation)
                {
                    WriteActivationParameters(writer, activation.Activation);
                }

                writer.Write(layer.Parameters.Count);
                foreach (var p in layer.Parameters)
                {
                    writer.Write(p.Rows);
                    writer.Write(p.Columns);
                    foreach (float v in p.Value)
                    {
                        writer.Write(v);
                    }
                }
            }
        }

        return memory.ToArray();
    }

    private static void WriteActivationParameters(BinaryWriter writer, Activation activation)
    {
        var settings = activation.Settings;
        writer.Write(settings.Count);
        foreach (var setting in settings)
        {
            writer.Write(setting.Name);
            writer.Write(setting.Value);
        }
    }

    private static void CheckFinite(Layer layer, int index)
    {
        foreach (var p in layer.Parameters)
        {
            int bad = Array.FindIndex(p.Value, v => !float.IsFinite(v));
            if (bad >= 0)
            {
                throw new ArgumentException($"Layer {index} ({layer.Kind}) parameter {p.Name} holds {p.Value[bad]} at index {bad}; a model with weights that are not finite is not saved.", nameof(layer));
            }
        }
    }

    private static byte[] CheckedBody(Stream stream, long size, int version)
    {
        Span<byte> rest = stackalloc byte[HeaderLength - 8];
        if (size < HeaderLength || stream.ReadAtLeast(rest, rest.Length, throwOnEndOfStream: false) < rest.Length)
        {
            throw new InvalidDataException($"the file is {size} bytes, too short for the {HeaderLength}-byte header of version {version}");
        }

        long announced = BinaryPrimitives.ReadInt64LittleEndian(rest);
        long actual = size - HeaderLength;
        if (announced != actual)
        {
            throw new InvalidDataException(announced > actual
                ? $"the header announces {announced} bytes of layers but only {actual} follow (the file is truncated)"
                : $"the header announces {announced} bytes of layers but {actual} follow ({actual - announced} bytes of trailing data)");
        }

        byte[] body = Remainder(stream, actual);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(rest[8..]))
        {
            throw new InvalidDataException("the checksum does not match: the layers were changed or damaged after the file was written");
        }

        return body;
    }

    private static byte[] Remainder(Stream stream, long length)
    {
        if (length > Array.MaxLength)
        {
            throw new InvalidDataException($"the file holds {length} bytes of layers, more than a model can have");
        }

        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static Network ReadBody(byte[] body, int version)
    {
        var reader = new BodyReader(body, version);
        int count = reader.Count("layer count", minimumBytesEach: 8);
        if (count == 0)
        {
            throw new InvalidDataException("the file holds no layers");
        }

        var layers = new List<Layer>(count);
        for (int i = 0; i < count; i++)
        {
            layers.Add(ReadLayer(reader, i, layers.Count == 0 ? null : layers[^1]));
        }

        if (reader.Remaining > 0)
        {
            throw new InvalidDataException($"{reader.Remaining} bytes of trailing data after the last layer");
        }

        return new Network(layers);
    }

    private static Layer ReadLayer(BodyReader reader, int index, Layer? previous)
    {
        string kind = reader.Name($"layer {index}'s kind");
        string where = $"layer {index} ({kind})";
        var layer = CreateLayer(kind, reader, where);
        if (previous is not null && layer.Inputs != previous.Outputs)
        {
            throw new InvalidDataException($"{where} takes {layer.Inputs} inputs but layer {index - 1} gives {previous.Outputs}");
        }

        int parameters = reader.Int32($"{where}'s parameter count");
        if (parameters != layer.Parameters.Count)
        {
            throw new InvalidDataException($"{where} has {parameters} parameters in the file; expected {layer.Parameters.Count}");
        }

        foreach (var p in layer.Parameters)
        {
            int rows = reader.Int32($"{where} parameter {p.Name}'s rows"), columns = reader.Int32($"{where} parameter {p.Name}'s columns");
            if (rows != p.Rows || columns != p.Columns)
            {
                throw new InvalidDataException($"{where} parameter {p.Name} is {rows}×{columns} in the file; expected {p.Rows}×{p.Columns}");
            }

            reader.Floats(p.Value, $"{where} parameter {p.Name}");
        }

        return layer;
    }

    private static Layer CreateLayer(string kind, BodyReader reader, string where)
    {
        switch (kind)
        {
            case "dense":
                {
                    int inputs = reader.Width($"{where}'s inputs"), outputs = reader.Width($"{where}'s outputs");
                    reader.Fits(((long)inputs * outputs) + outputs, $"{where}'s {inputs}×{outputs} weights");
                    return new DenseLayer(inputs, outputs);
                }

            case "activation":
                {
                    int width = reader.Width($"{where}'s width");
                    string name = reader.Name($"{where}'s activation");
                    var parameters = reader.ActivationParameters(where);
                    return ActivationRegistry.TryGet(name, out _) ? Hidden(where, () => HiddenLayers.Elementwise(name, width, parameters))
                        : throw new InvalidDataException($"{where}: unknown activation \"{name}\"");
                }

            case "prelu":
                {
                    int width = reader.Width($"{where}'s width");
                    return Hidden(where, () => HiddenLayers.Create("prelu", width));
                }

            case "rrelu":
                {
                    int width = reader.Width($"{where}'s width");
                    double lower = reader.Double($"{where}'s lower slope"), upper = reader.Double($"{where}'s upper slope");
                    int seed = reader.Int32($"{where}'s seed");
                    var parameters = new Dictionary<string, double> { ["lower"] = lower, ["upper"] = upper };
                    return Hidden(where, () => HiddenLayers.Create("rrelu", width, parameters, seed: seed));
                }

            case "maxout":
                {
                    int units = reader.Width($"{where}'s units"), pieces = reader.Width($"{where}'s pieces");
                    if ((long)units * pieces > MaxWidth)
                    {
                        throw new InvalidDataException($"{where}: {units} units × {pieces} pieces exceed the widest layer a model file may hold ({MaxWidth})");
                    }

                    return Hidden(where, () => HiddenLayers.Create("maxout", units, maxoutPieces: pieces));
                }

            default:
                throw new InvalidDataException($"unknown layer kind \"{kind}\"");
        }
    }

    /// <summary>A hidden layer from <see cref="HiddenLayers"/>; a parameter it rejects makes the file damaged.</summary>
    private static Layer Hidden(string where, Func<Layer> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidDataException($"{where}: {e.Message}", e);
        }
    }

    /// <summary>Reads the body, checking each value against what remains before it is read or allocated.</summary>
    private sealed class BodyReader(byte[] body, int version)
    {
        private int _position;

        /// <summary>An activation layer's parameters by name (none before version 3: the activation's defaults).</summary>
        public Dictionary<string, double> ActivationParameters(string where)
        {
            var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
            if (version < Version)
            {
                return parameters;
            }

            int count = Count($"{where}'s parameter count", minimumBytesEach: 9);
            for (int i = 0; i < count; i++)
            {
                string name = Name($"{where}'s parameter {i}");
                double value = Double($"{where}'s parameter {name}");
                if (!parameters.TryAdd(name, value))
                {
                    throw new InvalidDataException($"{where} names the parameter {name} twice");
                }
            }

            return parameters;
        }

        public long Remaining => body.Length - _position;

        public int Int32(string what) => BinaryPrimitives.ReadInt32LittleEndian(Take(4, what));

        public double Double(string what) => BinaryPrimitives.ReadDoubleLittleEndian(Take(8, what));

        /// <summary>A count of items that each take at least <paramref name="minimumBytesEach"/> bytes.</summary>
        public int Count(string what, int minimumBytesEach)
        {
            int count = Int32(what);
            if (count < 0 || (long)count * minimumBytesEach > Remaining)
            {
                throw new InvalidDataException($"the {what} is {count}, more than the {Remaining} remaining bytes can hold (the file is damaged)");
            }

            return count;
        }

        public int Width(string what)
        {
            int width = Int32(what);
            return width is >= 1 and <= MaxWidth ? width
                : throw new InvalidDataException($"{what} is {width}, outside 1..{MaxWidth} (the file is damaged)");
        }

        /// <summary>Throws unless <paramref name="floats"/> 4-byte values can still follow.</summary>
        public void Fits(long floats, string what)
        {
            if (floats * 4 > Remaining)
            {
                throw new InvalidDataException($"{what} need {floats * 4} bytes but only {Remaining} remain (the file is truncated or damaged)");
            }
        }

        public void Floats(float[] values, string what)
        {
            Fits(values.Length, what);
            for (int j = 0; j < values.Length; j++)
            {
                values[j] = BinaryPrimitives.ReadSingleLittleEndian(body.AsSpan(_position, 4));
                _position += 4;
                if (!float.IsFinite(values[j]))
                {
                    throw new InvalidDataException($"{what} holds {values[j]} at index {j}; a model's weights must be finite");
                }
            }
        }

        /// <summary>A short string written by <see cref="BinaryWriter.Write(string)"/> (7-bit length prefix, UTF-8).</summary>
        public string Name(string what)
        {
            int length = 0;
            for (int shift = 0; ; shift += 7)
            {
                byte b = Take(1, what)[0];
                length |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }

                if (shift >= 21)
                {
                    throw new InvalidDataException($"{what} has a damaged length");
                }
            }

            return Encoding.UTF8.GetString(Take(length, what));
        }

        private ReadOnlySpan<byte> Take(int count, string what)
        {
            if (count > Remaining)
            {
                throw new InvalidDataException($"the file ends inside {what} (it is truncated)");
            }

            var span = body.AsSpan(_position, count);
            _position += count;
            return span;
        }
    }
}
