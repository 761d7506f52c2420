using ActivationCourse.Studies;


namespace ActivationCourse.Lib.Tests.Studies;

public class SeedSpreadTests
{
    [Fact]
    public void SummaryStatistics()
    {
        var s = new SeedSummary("a", [0.97, 0.98, 0.99]);
        Assert.Equal(3, s.Count);
        Assert.Equal(0.98, s.Mean, 12);
        Assert.Equal(0.01, s.StandardDeviation, 12); // sample standard deviation (n − 1)
        Assert.Equal(0.97, s.Min);
        Assert.Equal(0.99, s.Max);
        Assert.True(double.IsNaN(new SeedSummary("one", [0.5]).StandardDeviation));
    }

    [Fact]
    public void SeparatedWhenRangesDoNotOverlap()
    {
        var high = new SeedSummary("high", [0.95, 0.96, 0.97]);
        var low = new SeedSummary("low", [0.90, 0.92, 0.94]);
        var v = SeedSpread.Judge(low, high);
        Assert.Same(high, v.Higher);
        Assert.Same(low, v.Lower);
        Assert.Equal(0.04, v.Difference, 12);
        Assert.True(v.Separated);
        Assert.Equal("larger than the seed spread", v.Verdict);
    }

    [Fact]
    public void WithinSpreadWhenRangesOverlapOrTouch()
    {
        var a = new SeedSummary("a", [0.95, 0.96, 0.97]);
        var overlapping = new SeedSummary("b", [0.94, 0.955, 0.96]);
        var touching = new SeedSummary("c", [0.93, 0.94, 0.95]);
        Assert.False(SeedSpread.Judge(a, overlapping).Separated);
        Assert.False(SeedSpread.Judge(a, touching).Separated);
        Assert.Equal("within the seed spread", SeedSpread.Judge(a, touching).Verdict);
    }

    [Fact]
    public void ComparesEveryPairOnce()
    {
        var spread = SeedSpread.Compare(
        [
            new SeedSummary("a", [0.90, 0.91]),
            new SeedSummary("b", [0.95, 0.96]),
            new SeedSummary("c", [0.955, 0.97]),
        ]);
        Assert.Equal(3, spread.Verdicts.Count);
        Assert.Equal(["b > a", "c > a"], spread.SeparatedPairs());
        Assert.Contains("within the seed spread", spread.ToHtml(), StringComparison.Ordinal);
        Assert.Contains("b − a: 5.00 points, larger than the seed spread", spread.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 3, 0.1)]   // 2 / C(6, 3) = 2 / 20
    [InlineData(2, 2, 1.0 / 3)] // 2 / C(4, 2) = 2 / 6
    [InlineData(5, 5, 2.0 / 252)]
    [InlineData(2, 3, 0.2)]   // 2 / C(5, 2) = 2 / 10
    [InlineData(1, 1, 1.0)]
    public void ChanceOfSeparationUnderExchangeability(int n, int m, double expected)
    {
        Assert.Equal(expected, SeedSpread.ChanceOfSeparation(n, m), 12);
    }

    [Fact]
    public void ChanceOfSeparationMatchesEnumeration()
    {
        // All orderings of 3 + 3 distinct values: count those where one group is entirely above the other.
        int separated = 0, total = 0;
        for (int mask = 0; mask < 64; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) != 3)
            {
                continue;
            }

            total++;
            if (mask is 0b000111 or 0b111000)
            {
                separated++;
            }
        }

        Assert.Equal((double)separated / total, SeedSpread.ChanceOfSeparation(3, 3), 12);
    }

    [Fact]
    public void RejectsEmptySummaries()
    {
        Assert.Throws<ArgumentException>(() => SeedSpread.Compare([new SeedSummary("a", []), new SeedSummary("b", [1.0])]));
    }
}
