using System.Text;
using ActivationCourse.Activations;
using ActivationCourse.IO;

namespace ActivationCourse.Training;

/// <summary>
/// Saves and loads networks in a small binary format: the magic bytes "ACNN", a format version, then each
/// layer as its kind, its configuration and its parameters (rows, columns, little-endian floats).
/// </summary>
public static class ModelFile
{
    private const int Magic = 0x4E4E4341; // "ACNN" little-endian
    private const int Version = 1;

    /// <summary>Writes <paramref name="network"/> to <paramref name="stream"/>.</summary>
    /// <param name="network">The network.</param>
    /// <param name="stream">Destination (left open).</param>
    public static void Save(Network network, Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(network.Layers.Count);
        foreach (var layer in network.Layers)
        {
            writer.Write(layer.Kind);
            layer.WriteConfiguration(writer);
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

    /// <summary>Writes <paramref name="network"/> to the file <paramref name="path"/>.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">File path (replaced only once the whole model is written, so a failed save never leaves a half-written file).</param>
    public static void Save(Network network, string path) => AtomicFile.Write(path, stream => Save(network, stream));

    /// <summary>Reads a network written by <see cref="Save(Network, Stream)"/>.</summary>
    /// <param name="stream">Source (left open).</param>
    /// <exception cref="InvalidDataException">Not a model file, or an unsupported version.</exception>
    public static Network Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException("Not an ActivationCourse model file (missing \"ACNN\").");
        }

        int version = reader.ReadInt32();
        if (version != Version)
        {
            throw new InvalidDataException($"Model file version {version} is not supported (this library reads version {Version}).");
        }

        int count = reader.ReadInt32();
        var layers = new List<Layer>(count);
        for (int i = 0; i < count; i++)
        {
            string kind = reader.ReadString();
            var layer = CreateLayer(kind, reader);
            int parameters = reader.ReadInt32();
            if (parameters != layer.Parameters.Count)
            {
                throw new InvalidDataException($"Layer {i} ({kind}) has {parameters} parameters in the file; expected {layer.Parameters.Count}.");
            }

            foreach (var p in layer.Parameters)
            {
                int rows = reader.ReadInt32(), columns = reader.ReadInt32();
                if (rows != p.Rows || columns != p.Columns)
                {
                    throw new InvalidDataException($"Layer {i} ({kind}) parameter {p.Name} is {rows}×{columns} in the file; expected {p.Rows}×{p.Columns}.");
                }

                for (int j = 0; j < p.Value.Length; j++)
                {
                    p.Value[j] = reader.ReadSingle();
                }
            }

            layers.Add(layer);
        }

        return new Network(layers);
    }

    /// <summary>Reads a network from the file <paramref name="path"/>.</summary>
    /// <param name="path">File path.</param>
    /// <exception cref="InvalidDataException">Not a model file, an unsupported version, or a truncated file (the message names the file).</exception>
    public static Network Load(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return Load(stream);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
        {
            string problem = e is EndOfStreamException ? "the file ends early (truncated or still being written)" : e.Message;
            throw new InvalidDataException($"Cannot load the model {Path.GetFullPath(path)}: {problem}", e);
        }
    }

    private static Layer CreateLayer(string kind, BinaryReader reader)
    {
        switch (kind)
        {
            case "dense":
                {
                    int inputs = reader.ReadInt32(), outputs = reader.ReadInt32();
                    return new DenseLayer(inputs, outputs);
                }

            case "activation":
                {
                    int width = reader.ReadInt32();
                    string name = reader.ReadString();
                    return new ActivationLayer(ActivationRegistry.Get(name), width);
                }

            case "prelu":
                return new PReLULayer(reader.ReadInt32());

            case "rrelu":
                {
                    int width = reader.ReadInt32();
                    double lower = reader.ReadDouble(), upper = reader.ReadDouble();
                    return new RReLULayer(width, lower, upper, reader.ReadInt32());
                }

            case "maxout":
                {
                    int units = reader.ReadInt32(), pieces = reader.ReadInt32();
                    return new MaxoutLayer(units, pieces);
                }

            default:
                throw new InvalidDataException($"Unknown layer kind \"{kind}\" in the model file.");
        }
    }
}
