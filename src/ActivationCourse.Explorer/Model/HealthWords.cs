using System.Globalization;

namespace ActivationCourse.Explorer.Model;

/// <summary>Turns layer health numbers into the sentences the network view shows.</summary>
public static class HealthWords
{
    /// <summary>A layer counts as dying when at least this share of its units is dead.</summary>
    public const double DyingShare = 0.5;

    /// <summary>A layer counts as saturated when at least this share of its outputs sits in a flat tail.</summary>
    public const double SaturatedShare = 0.5;

    /// <summary>Gradient norms of the first hidden layer this many times smaller than the last one's count as vanishing.</summary>
    public const double VanishingRatio = 1e-2;

    /// <summary>One sentence per problem, or one sentence saying the layers look healthy.</summary>
    public static IReadOnlyList<string> Describe(TrainingSession session)
    {
        var lines = new List<string>();
        if (session.Diverged)
        {
            lines.Add("Training diverged: the loss became NaN or infinite. Lower the learning rate and reset.");
        }
        foreach (var layer in session.Health)
        {
            string name = $"Layer {layer.Index} ({layer.Activation}, {layer.Units} units)";
            int dead = (int)Math.Round(layer.DeadShare * layer.Units);
            if (layer.DeadShare >= 1)
            {
                lines.Add($"{name} has died: every unit has zero derivative on every training point, so no gradient reaches the layers below it.");
            }
            else if (layer.DeadShare >= DyingShare)
            {
                lines.Add($"{name} is dying: {dead} of {layer.Units} units are dead (zero derivative on every training point).");
            }
            else if (dead > 0)
            {
                lines.Add($"{name}: {dead} of {layer.Units} units dead.");
            }
            if (layer.SaturatedShare >= SaturatedShare)
            {
                lines.Add($"{name} is saturated: {Percent(layer.SaturatedShare)} of its outputs sit in the flat tails, where f′ is nearly 0.");
            }
        }
        var norms = session.Health.Select(h => h.GradientNorm).ToArray();
        if (norms.Length >= 2 && norms.All(double.IsFinite) && norms[^1] > 0 && norms[0] / norms[^1] < VanishingRatio)
        {
            lines.Add($"Gradients vanish toward the input: layer 1's weight gradient is {(norms[0] / norms[^1]).ToString("0.0e+0", CultureInfo.InvariantCulture)} times layer {norms.Length}'s.");
        }
        if (lines.Count == 0)
        {
            lines.Add("No layer is dead or saturated.");
        }
        return lines;
    }

    private static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);
}
