using System.Globalization;
using ActivationCourse.Activations;
using ActivationCourse.Training;

namespace ActivationCourse.Lib.Tests.Activations;

/// <summary>
/// Everything about an activation lives in its class, and every registered activation has all of it: TeX, framework
/// notes, settings that match its constructor, slider ranges around its defaults, and a factory
/// (<see cref="ActivationRegistry.Create"/>) that reads every setting. Coverage, not a count: a new activation that
/// misses one of these fails here by name.
/// </summary>
public class ActivationMembersTests
{
    public static TheoryData<string> Names => TestData.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_activation_has_its_TeX_and_framework_notes(string name)
    {
        var activation = ActivationRegistry.Get(name);

        Assert.False(string.IsNullOrWhiteSpace(activation.Tex), $"{name}: Tex");
        Assert.False(string.IsNullOrWhiteSpace(activation.FrameworkNotes), $"{name}: FrameworkNotes");
        Assert.Equal(activation.Tex.Count(c => c == '{'), activation.Tex.Count(c => c == '}'));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_settings_are_the_constructor_s_parameters_with_its_defaults(string name)
    {
        var activation = ActivationRegistry.Get(name);
        var constructor = activation.GetType().GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var doubles = constructor.GetParameters().Where(p => p.ParameterType == typeof(double)).ToArray();
        var settings = activation.Settings.Where(s => !s.Name.Contains('[', StringComparison.Ordinal)).ToArray();

        Assert.Equal(doubles.Select(p => p.Name), settings.Select(s => s.Name));
        Assert.Equal(doubles.Select(p => Convert.ToDouble(p.DefaultValue, CultureInfo.InvariantCulture)), settings.Select(s => s.Default));
        Assert.All(activation.Settings, s => Assert.Equal(s.Default, s.Value));
        Assert.All(activation.Settings, s => Assert.False(string.IsNullOrWhiteSpace(s.Symbol), $"{name}.{s.Name}: symbol"));
        Assert.All(activation.Settings, s => Assert.InRange(s.Default, s.SliderMin, s.SliderMax));
        Assert.All(activation.Settings, s => Assert.True(s.SliderStep > 0 && s.SliderStep <= (s.SliderMax - s.SliderMin) / 5, $"{name}.{s.Name}: step"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Create_reads_every_setting(string name)
    {
        foreach (var setting in ActivationRegistry.Get(name).Settings)
        {
            // Each end of the slider in turn (some are rejected together with the other defaults: RReLU's lower = 1 > upper).
            foreach (double value in new[] { setting.SliderMin, setting.SliderMax, (setting.SliderMin + setting.SliderMax) / 2 })
            {
                Activation created;
                try
                {
                    created = ActivationRegistry.Create(name, new Dictionary<string, double> { [setting.Name] = value });
                }
                catch (ArgumentOutOfRangeException e)
                {
                    Assert.Contains(e.ParamName, ActivationRegistry.Get(name).Settings.Select(s => s.Name));
                    continue;
                }

                var values = ActivationRegistry.ParametersOf(created);
                Assert.Equal(value, values[setting.Name]);
                Assert.All(created.Settings.Where(s => s.Name != setting.Name), s => Assert.Equal(s.Default, s.Value));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Create_with_no_values_or_an_instance_s_own_values_gives_the_same_function(string name)
    {
        var reference = ActivationRegistry.Get(name);
        var fromDefaults = ActivationRegistry.Create(name, new Dictionary<string, double>());
        var fromValues = ActivationRegistry.Create(name, ActivationRegistry.ParametersOf(reference));

        foreach (double x in new[] { -2.5, -0.3, 0.7, 1.9 })
        {
            Assert.Equal(reference.Forward(x), fromDefaults.Forward(x));
            Assert.Equal(reference.Forward(x), fromValues.Forward(x));
        }
    }

    [Fact]
    public void An_unknown_parameter_is_named_with_the_ones_the_activation_has()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ActivationRegistry.Create("hard_tanh", new Dictionary<string, double> { ["min"] = -2, ["maximum"] = 2 }));

        Assert.Equal("maximum", error.ParamName);
        Assert.StartsWith("hard_tanh: maximum must be a parameter of hard_tanh (its parameters are min, max).", error.Message);
        Assert.Throws<ArgumentException>(() => ActivationRegistry.Create("nope", new Dictionary<string, double>()));
        var relu = Assert.Throws<ArgumentOutOfRangeException>(() => ActivationRegistry.Create("relu", new Dictionary<string, double> { ["alpha"] = 1 }));
        Assert.StartsWith("relu: alpha must be a parameter of relu (it has no parameters).", relu.Message);
    }

    [Fact]
    public void Create_builds_any_parameters_and_APL_with_any_number_of_hinges()
    {
        var clamp = ActivationRegistry.Create("HardTanh", new Dictionary<string, double> { ["min"] = -2, ["max"] = 0.5 });
        Assert.Equal((-2.0, 0.5), (clamp.Forward(-7), clamp.Forward(3)));

        var apl = (APL)ActivationRegistry.Create("apl", new Dictionary<string, double>
        {
            ["slopes[0]"] = 1,
            ["slopes[1]"] = -2,
            ["slopes[2]"] = 0.5,
            ["hinges[0]"] = -1,
            ["hinges[1]"] = 0,
            ["hinges[2]"] = 3,
        });
        Assert.Equal([1.0, -2, 0.5], apl.Slopes);
        Assert.Equal([-1.0, 0, 3], apl.Hinges);
        Assert.Equal(6, apl.Settings.Count);
        var oneSlope = (APL)ActivationRegistry.Create("apl", new Dictionary<string, double> { ["slopes[1]"] = 0.7 });
        Assert.Equal([0.2, 0.7], oneSlope.Slopes);
        var again = ActivationRegistry.Create("apl", ActivationRegistry.ParametersOf(apl));
        Assert.Equal(apl.Forward(-1.7), again.Forward(-1.7));
    }

    [Fact]
    public void Saturation_and_initialization_are_the_activation_s_members()
    {
        var tanhLike = ActivationRegistry.All.Where(a => a.Saturation == SaturationRule.TanhLike).Select(a => a.Name);
        var sigmoidLike = ActivationRegistry.All.Where(a => a.Saturation == SaturationRule.SigmoidLike).Select(a => a.Name);
        Assert.Equal(["hard_tanh", "softsign", "tanh"], tanhLike.Order());
        Assert.Equal(["hard_sigmoid", "sigmoid"], sigmoidLike.Order());
        // A hard tanh clamped elsewhere than ±1 has no tanh-like tails to count.
        Assert.Equal(SaturationRule.None, new HardTanh(-2, 2).Saturation);

        Assert.All(ActivationRegistry.All, a => Assert.Equal(a.DefaultInitialization, Initializers.DefaultFor(a.Name)));
        Assert.Equal(Initialization.XavierUniform, Initializers.DefaultFor("hardtanh"));
        Assert.Equal(Initialization.XavierUniform, Initializers.DefaultFor("linear"));
        Assert.Equal(Initialization.HeNormal, Initializers.DefaultFor("maxout"));
        Assert.Equal(Initialization.LeCunNormal, new SELU().DefaultInitialization);
    }

    [Fact]
    public void The_explorer_s_parametric_activations_have_their_sliders()
    {
        string[] withSliders = [.. ActivationRegistry.All.Where(a => a.Settings.Count > 0).Select(a => a.Name)];

        Assert.Superset(new HashSet<string> { "hard_tanh", "rrelu", "srelu", "apl", "hard_sigmoid", "softplus", "celu", "leaky_relu" }, new HashSet<string>(withSliders));
    }
}
