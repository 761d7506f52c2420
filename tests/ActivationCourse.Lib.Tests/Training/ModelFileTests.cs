using System.Buffers.Binary;
using System.Security.Cryptography;
using ActivationCourse.Activations;
using ActivationCourse.Training;

namespace ActivationCourse.Lib.Tests.Training;

/// <summary>
/// Model files are checked: a versioned header with a checksum, every length checked against the file before
/// anything is allocated, finite weights only, and a damaged file refused with what is wrong.
/// </summary>
public class ModelFileTests
{
    private const int HeaderLength = 48;

    private static Network Small() =>
        Network.FromSpec(new MlpSpec(6, [5], 3, "relu"), seed: 2);

    private static byte[] Saved(Network network)
    {
        using var stream = new MemoryStream();
        ModelFile.Save(network, stream);
        return stream.ToArray();
    }

    private static byte[] SavedAsVersion2(Network network)
    {
        using var stream = new MemoryStream();
        ModelFile.Save(network, stream, version: 2);
        return stream.ToArray();
    }

    private static InvalidDataException Refused(byte[] file) =>
        Assert.Throws<InvalidDataException>(() => ModelFile.Load(new MemoryStream(file)));

    /// <summary>The same layers in version 1: the magic, the version, the version 2 body (no length, no checksum).</summary>
    private static byte[] Version1(byte[] version2) =>
        [.. version2[..4], 1, 0, 0, 0, .. version2[HeaderLength..]];

    /// <summary>Recomputes the length and checksum of a version 2 file whose body was edited.</summary>
    private static byte[] Resealed(byte[] file)
    {
        BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(8), file.Length - HeaderLength);
        SHA256.HashData(file.AsSpan(HeaderLength), file.AsSpan(16, 32));
        return file;
    }

    [Fact]
    public void The_header_holds_magic_version_length_and_checksum()
    {
        byte[] file = Saved(Small());

        Assert.Equal("ACNN"u8.ToArray(), file[..4]);
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(4)));
        Assert.Equal(file.Length - HeaderLength, BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(8)));
        Assert.Equal(SHA256.HashData(file.AsSpan(HeaderLength)), file[16..HeaderLength]);
    }

    [Fact]
    public void A_12_byte_header_is_refused_without_allocating()
    {
        byte[] file = [.. "ACNN"u8, 2, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F];

        Assert.Contains("too short", Refused(file).Message);
        Assert.Contains("layer count is 2147483647", Refused([.. "ACNN"u8, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F]).Message);
    }

    [Fact]
    public void A_26_byte_file_announcing_gigabytes_is_refused_without_allocating()
    {
        byte[] file = new byte[26];
        "ACNN"u8.CopyTo(file);
        file[4] = 1;
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(8), 1);
        file[12] = 5;
        "dense"u8.CopyTo(file.AsSpan(13));
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(18), 50_000);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(22), 50_000);

        var error = Refused(file);

        Assert.Contains("layer 0 (dense)'s 50000×50000 weights need", error.Message);
    }

    [Fact]
    public void A_huge_layer_count_is_refused()
    {
        byte[] file = [.. "ACNN"u8, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0];

        Assert.Contains("layer count is 2147483647, more than the 4 remaining bytes can hold", Refused(file).Message);
    }

    [Fact]
    public void A_flipped_byte_fails_the_checksum()
    {
        byte[] file = Saved(Small());
        file[^5] ^= 0x10;

        Assert.Contains("checksum does not match", Refused(file).Message);
    }

    [Fact]
    public void Trailing_data_and_truncation_are_named()
    {
        byte[] file = Saved(Small());

        Assert.Contains("3 bytes of trailing data", Refused([.. file, 1, 2, 3]).Message);
        Assert.Contains("truncated", Refused(file[..^3]).Message);
        Assert.Contains("3 bytes of trailing data after the last layer", Refused([.. Version1(SavedAsVersion2(Small())), 1, 2, 3]).Message);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void A_weight_that_is_not_finite_is_refused_on_load_and_on_save(float bad)
    {
        byte[] file = Saved(Small());
        BinaryPrimitives.WriteSingleLittleEndian(file.AsSpan(file.Length - 4), bad);

        var error = Refused(Resealed(file));

        Assert.Contains("layer 2 (dense) parameter", error.Message);
        Assert.Contains("must be finite", error.Message);

        var network = Small();
        network.Parameters[0].Value[3] = bad;
        Assert.Contains("not finite", Assert.Throws<ArgumentException>(() => ModelFile.Save(network, new MemoryStream())).Message);
    }

    [Fact]
    public void Version_1_files_still_load()
    {
        var network = Small();

        var loaded = ModelFile.Load(new MemoryStream(Version1(SavedAsVersion2(network))));

        for (int p = 0; p < network.Parameters.Count; p++)
        {
            Assert.Equal(network.Parameters[p].Value, loaded.Parameters[p].Value);
        }
    }

    [Fact]
    public void Other_versions_and_files_are_refused_by_name()
    {
        byte[] file = Saved(Small());
        file[4] = 9;

        Assert.Contains("version 9 is not supported", Refused(file).Message);
        Assert.Contains("not an ActivationCourse model file", Refused([1, 2, 3, 4, 5, 6, 7, 8]).Message);
    }

    [Fact]
    public void Every_truncation_and_random_damage_of_an_unchecked_file_is_refused_or_loads_never_crashes()
    {
        byte[] file = Version1(SavedAsVersion2(Network.FromSpec(new MlpSpec(4, [3], 2, "maxout") { MaxoutPieces = 2 }, seed: 1)));
        for (int length = 0; length < file.Length; length++)
        {
            Refused(file[..length]);
        }

        var rng = new Random(19);
        for (int trial = 0; trial < 2000; trial++)
        {
            byte[] damaged = [.. file];
            for (int flips = rng.Next(1, 4); flips > 0; flips--)
            {
                damaged[rng.Next(8, damaged.Length)] = (byte)rng.Next(256);
            }

            try
            {
                ModelFile.Load(new MemoryStream(damaged));
            }
            catch (InvalidDataException)
            {
            }
        }
    }

    [Fact]
    public void A_damaged_file_is_named_in_the_message()
    {
        string folder = Directory.CreateTempSubdirectory("activationcourse-model-").FullName;
        try
        {
            string path = Path.Combine(folder, "model.bin");
            byte[] file = Saved(Small());
            file[60] ^= 1;
            File.WriteAllBytes(path, file);

            var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path));

            Assert.StartsWith($"Cannot load the model {path}: the checksum does not match", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("leaky_relu", "negativeSlope", 0.2)]
    [InlineData("hard_tanh", "max", 2.5)]
    [InlineData("softplus", "beta", 3.0)]
    [InlineData("prelu", "slope", 0.1)]
    [InlineData("rrelu", "upper", 0.45)]
    public void An_activation_s_parameters_survive_save_and_load(string activation, string parameter, double value)
    {
        var spec = new MlpSpec(3, [4, 4], 2, activation) { ActivationParameters = new Dictionary<string, double> { [parameter] = value } };
        var network = Network.FromSpec(spec, seed: 5);
        float[] x = [0.3f, -1.2f, 0.8f, -0.4f, -2f, 1.5f];

        var loaded = ModelFile.Load(new MemoryStream(Saved(network)));

        Assert.Equal(network.PredictProbabilities(x), loaded.PredictProbabilities(x));
        Assert.Equal(network.Layers.Select(l => l.Description), loaded.Layers.Select(l => l.Description));
        Assert.All(loaded.Layers.OfType<ActivationLayer>(), l => Assert.Equal(value, ActivationRegistry.ParametersOf(l.Activation)[parameter]));
    }

    [Fact]
    public void An_APL_with_three_hinges_survives_save_and_load()
    {
        var apl = ActivationRegistry.Create("apl", new Dictionary<string, double> { ["slopes[2]"] = 0.3, ["hinges[2]"] = 1.5 });
        var network = new Network([new DenseLayer(2, 3), new ActivationLayer(apl, 3), new DenseLayer(3, 2)]);
        network.Layers[0].Parameters[0].Value.AsSpan().Fill(0.5f);

        var loaded = (APL)((ActivationLayer)ModelFile.Load(new MemoryStream(Saved(network))).Layers[1]).Activation;

        Assert.Equal([0.2, -0.4, 0.3], loaded.Slopes);
        Assert.Equal([0.0, -1, 1.5], loaded.Hinges);
    }

    [Fact]
    public void A_version_2_file_loads_its_activations_with_their_defaults()
    {
        var spec = new MlpSpec(3, [4], 2, "leaky_relu") { ActivationParameters = new Dictionary<string, double> { ["negativeSlope"] = 0.2 } };

        var loaded = ModelFile.Load(new MemoryStream(SavedAsVersion2(Network.FromSpec(spec, seed: 5))));

        Assert.Equal(0.01, ((LeakyReLU)loaded.Layers.OfType<ActivationLayer>().Single().Activation).NegativeSlope);
    }

    [Fact]
    public void A_parameter_the_activation_rejects_or_does_not_have_is_refused_by_name()
    {
        var spec = new MlpSpec(3, [4], 2, "hard_tanh") { ActivationParameters = new Dictionary<string, double> { ["min"] = -2 } };
        byte[] file = Saved(Network.FromSpec(spec, seed: 5));
        int at = IndexOf(file, "min"u8.ToArray());

        byte[] renamed = [.. file];
        "mix"u8.CopyTo(renamed.AsSpan(at));
        byte[] wrongValue = [.. file];
        BinaryPrimitives.WriteDoubleLittleEndian(wrongValue.AsSpan(at + 3), 5);

        Assert.Contains("layer 1 (activation): hard_tanh: mix must be a parameter of hard_tanh", Refused(Resealed(renamed)).Message);
        Assert.Contains("layer 1 (activation): hard_tanh: max must be > min (5), got 1.", Refused(Resealed(wrongValue)).Message);
    }

    private static int IndexOf(byte[] bytes, byte[] part)
    {
        for (int i = 0; i + part.Length <= bytes.Length; i++)
        {
            if (bytes.AsSpan(i, part.Length).SequenceEqual(part))
            {
                return i;
            }
        }

        throw new InvalidOperationException("not found");
    }
}
