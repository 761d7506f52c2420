namespace ActivationCourse.Claims;

/// <summary>A sentence of a lesson that its own evidence contradicts.</summary>
public sealed class ClaimFailedException : Exception
{
    /// <summary>Creates the exception for <paramref name="sentence"/>, with what the evidence showed.</summary>
    public ClaimFailedException(string sentence, string? evidence)
        : base($"The lesson says \"{sentence}\", but the computed evidence disagrees" + (evidence is null ? "." : $": {evidence}."))
    {
        Sentence = sentence;
        Evidence = evidence;
    }

    /// <summary>The sentence that no longer holds.</summary>
    public string Sentence { get; }

    /// <summary>What the evidence showed, when the claim compared numbers.</summary>
    public string? Evidence { get; }
}
