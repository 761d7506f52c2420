using ActivationCourse.Claims;

namespace ActivationCourse.Lib.Tests.Claims;

public class ClaimTests
{
    [Fact]
    public void A_claim_that_holds_prints_its_sentence_once()
    {
        var saved = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            Claim.Below(0.5, 1, "half is below one");
        }
        finally
        {
            Console.SetOut(saved);
        }

        Assert.Equal($"{Claim.Mark} half is below one{Environment.NewLine}", output.ToString());
    }

    [Fact]
    public void A_false_claim_throws_with_the_sentence_and_the_evidence()
    {
        var e = Assert.Throws<ClaimFailedException>(() => Claim.Above(0.25, 0.5, "the slope exceeds one half"));
        Assert.Equal("the slope exceeds one half", e.Sentence);
        Assert.Contains("0.25 is not above 0.5", e.Message, StringComparison.Ordinal);
        Assert.Throws<ClaimFailedException>(() => Claim.That(false, "never"));
        Assert.Throws<ClaimFailedException>(() => Claim.Between(2, 0, 1, "in the unit interval"));
        Assert.Throws<ClaimFailedException>(() => Claim.Near(1.1, 1, 0.05, "close to one"));
        Assert.Throws<ClaimFailedException>(() => Claim.Below(double.NaN, 1, "NaN is below nothing"));
    }
}
