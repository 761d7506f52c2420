using ActivationCourse.Exercises;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Lib.Tests.Exercises;

public class CheckTests
{
    private const double Secret = 0.1966119332414819;

    private static void NeverRevealsSecret(CheckResult r)
    {
        Assert.DoesNotContain("0.196", r.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("0.196", r.ToHtml(), StringComparison.Ordinal);
        Assert.DoesNotContain(".1966", r.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CorrectNumber()
    {
        var r = Check.Number("1.1", Secret + 1e-9, Secret);
        Assert.True(r.Passed);
        Assert.Equal("✔ Exercise 1.1: correct", r.ToString());
        NeverRevealsSecret(r);
    }

    [Fact]
    public void WrongNumberShowsHintNotAnswer()
    {
        var r = Check.Number("1.1", 0.25, Secret, hint: "use σ(x)(1 − σ(x))");
        Assert.False(r.Passed);
        Assert.Equal(CheckOutcome.NotYet, r.Outcome);
        Assert.Equal("✘ Exercise 1.1: not yet — use σ(x)(1 − σ(x))", r.ToString());
        NeverRevealsSecret(r);
    }

    [Fact]
    public void PlaceholderNumber()
    {
        var r = Check.Number("1.1", double.NaN, Secret, hint: "h");
        Assert.Equal(CheckOutcome.NoAnswer, r.Outcome);
        Assert.Equal("✘ Exercise 1.1: not yet — no answer given", r.ToString());
    }

    [Fact]
    public void InfiniteNumberIsNotYet() =>
        Assert.Equal(CheckOutcome.NotYet, Check.Number("1.2", double.PositiveInfinity, Secret).Outcome);

    [Fact]
    public void Vectors()
    {
        double[] expected = [Secret, 2, 3];
        Assert.True(Check.Vector("2.1", [Secret, 2, 3 + 1e-9], expected).Passed);
        Assert.Equal(CheckOutcome.NoAnswer, Check.Vector("2.1", (double[]?)null, expected).Outcome);
        Assert.Equal(CheckOutcome.NoAnswer, Check.Vector("2.1", [], expected).Outcome);
        var shape = Check.Vector("2.1", [1.0, 2], expected);
        Assert.Contains("expected 3 values, got 2", shape.ToString(), StringComparison.Ordinal);
        var wrong = Check.Vector("2.1", [0.0, 2, 3], expected, hint: "chain rule");
        Assert.Contains("1 of 3 entries differ", wrong.ToString(), StringComparison.Ordinal);
        Assert.Contains("chain rule", wrong.ToString(), StringComparison.Ordinal);
        NeverRevealsSecret(wrong);
        var nan = Check.Vector("2.1", [double.NaN, 2, 3], expected);
        Assert.Contains("NaN", nan.ToString(), StringComparison.Ordinal);
        Assert.True(Check.Vector("2.1", Vector<double>.Build.DenseOfArray(expected), Vector<double>.Build.DenseOfArray(expected)).Passed);
        Assert.Equal(CheckOutcome.NoAnswer, Check.Vector("2.1", (Vector<double>?)null, Vector<double>.Build.DenseOfArray(expected)).Outcome);
    }

    [Fact]
    public void Matrices()
    {
        var expected = new double[3, 3] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, Secret } };
        Assert.True(Check.Matrix("3.1", (double[,])expected.Clone(), expected).Passed);
        var shape = Check.Matrix("3.1", new double[2, 3] { { 1, 2, 3 }, { 4, 5, 6 } }, expected);
        Assert.Equal("✘ Exercise 3.1: not yet — expected 3×3, got 2×3", shape.ToString());
        Assert.Equal(CheckOutcome.NoAnswer, Check.Matrix("3.1", (double[,]?)null, expected).Outcome);
        var m = Matrix<double>.Build.DenseOfArray(expected);
        Assert.True(Check.Matrix("3.1", m.Clone(), m).Passed);
        var wrong = Check.Matrix("3.1", m * 2, m);
        Assert.False(wrong.Passed);
        NeverRevealsSecret(wrong);
        Assert.Contains("expected 3×3, got 3×2", Check.Matrix("3.1", Matrix<double>.Build.Dense(3, 2), m).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions()
    {
        Assert.True(Check.True("4.1", 2 > 1).Passed);
        Assert.Equal("✘ Exercise 4.1: not yet — think about the slope", Check.True("4.1", false, "think about the slope").ToString());
        int[]? answer = null;
        var r = Check.True("4.2", () => answer!.Length == 3, "three items");
        Assert.Equal(CheckOutcome.NoAnswer, r.Outcome);
    }

    [Fact]
    public void Equality()
    {
        Assert.True(Check.Equal("5.1", 7, 7).Passed);
        Assert.False(Check.Equal("5.1", 6, 7, "count again").Passed);
        Assert.Equal(CheckOutcome.NoAnswer, Check.Equal<string>("5.2", null, "ReLU").Outcome);
        Assert.Equal(CheckOutcome.NoAnswer, Check.Equal("5.2", "", "ReLU").Outcome);
        Assert.True(Check.Equal("5.2", "ReLU", "ReLU").Passed);
        var wrong = Check.Equal("5.2", "tanh", "ReLU");
        Assert.DoesNotContain("ReLU", wrong.ToString(), StringComparison.Ordinal);
        Assert.True(Check.Equal("5.3", new[] { 1, 2 }, new[] { 1, 2 }).Passed);
        Assert.Contains("expected 2 items, got 1", Check.Equal("5.3", new[] { 1 }, new[] { 1, 2 }).ToString(), StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.NoAnswer, Check.Equal("5.3", Array.Empty<int>(), new[] { 1, 2 }).Outcome);
    }

    [Fact]
    public void Sets()
    {
        Assert.True(Check.SetEqual("6.1", ["relu", "gelu"], new[] { "gelu", "relu" }).Passed);
        var r = Check.SetEqual("6.1", ["relu"], new[] { "gelu", "relu" });
        Assert.Contains("1 missing, 0 not expected", r.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("gelu", r.ToString(), StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.NoAnswer, Check.SetEqual("6.1", (string[]?)null, new[] { "a" }).Outcome);
    }

    [Fact]
    public void HtmlIsEscapedAndColored()
    {
        var html = Check.Number("7.1", 1, 2, hint: "x < 0 & y > 0").ToHtml();
        Assert.Contains("x &lt; 0 &amp; y &gt; 0", html, StringComparison.Ordinal);
        Assert.Contains("✘", html, StringComparison.Ordinal);
        Assert.Contains("✔", Check.Number("7.2", 1, 1).ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryListsLatestResults()
    {
        Check.Number("summary-a", 1, 2);
        Check.Number("summary-a", 2, 2);
        Check.Number("summary-b", double.NaN, 2);
        var s = Check.Summary();
        Assert.True(s.Results.Single(r => r.Exercise == "summary-a").Passed);
        Assert.False(s.Results.Single(r => r.Exercise == "summary-b").Passed);
        Assert.Contains("exercises correct", s.ToString(), StringComparison.Ordinal);
        Assert.Contains("summary-b", s.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void LessonSummaryKeepsOnlyThatLessonsExercises()
    {
        Check.Number("41.1", 1, 1);
        Check.Number("41.2", 0, 1);
        Check.Number("141.1", 1, 1);
        Check.Number("4.1x", 1, 1);
        var s = Check.Summary("41");
        Assert.Equal(["41.1", "41.2"], s.Results.Select(r => r.Exercise).ToArray());
        Assert.Equal(1, s.Correct);
        Assert.Throws<ArgumentException>(() => Check.Summary(" "));
    }
}
