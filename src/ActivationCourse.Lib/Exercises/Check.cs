using System.Collections;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace ActivationCourse.Exercises;

/// <summary>
/// Checks for notebook exercises. Each check compares the learner's answer with the expected one and returns a
/// <see cref="CheckResult"/>; it never throws and never reveals the expected value. A placeholder answer (NaN, null,
/// an empty array) gives "not yet — no answer given".
/// <code>
/// Check.Number("1.1", answer, expected, tolerance: 1e-6, hint: "σ′(x) = σ(x)(1 − σ(x))");
/// Check.Vector("2.1", grad, expectedGrad, hint: "apply the chain rule element by element");
/// Check.True("2.3", dead > 0.4, "how many units never activate?");
/// </code>
/// Every result is also remembered for <see cref="Summary()"/>.
/// </summary>
public static class Check
{
    /// <summary>What a placeholder answer reports.</summary>
    public const string NoAnswerText = "no answer given";

    private static readonly List<CheckResult> History = [];

    private static CheckResult Record(CheckResult r)
    {
        lock (History)
        {
            History.RemoveAll(h => h.Exercise == r.Exercise);
            History.Add(r);
        }
        return r;
    }

    private static CheckResult Ok(string id) => Record(new CheckResult(id, CheckOutcome.Correct, null));

    private static CheckResult NoAnswer(string id) => Record(new CheckResult(id, CheckOutcome.NoAnswer, NoAnswerText));

    private static CheckResult Wrong(string id, string? reason, string? hint)
    {
        var text = string.Join(" — ", new[] { reason, hint }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return Record(new CheckResult(id, CheckOutcome.NotYet, text.Length == 0 ? "not the expected value" : text));
    }

    private static CheckResult Guard(string id, Func<CheckResult> check)
    {
        try
        {
            return check();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Record(new CheckResult(id, CheckOutcome.NotYet, "the check could not evaluate this answer (" + e.GetType().Name + ")"));
        }
    }

    private static string Tol(double t) => t.ToString("0.###E+0", CultureInfo.InvariantCulture);

    /// <summary>A number within <paramref name="tolerance"/> (absolute, or relative to the expected size when that is larger).</summary>
    public static CheckResult Number(string exercise, double answer, double expected, double tolerance = 1e-6, string? hint = null) =>
        Guard(exercise, () =>
        {
            if (double.IsNaN(answer))
            {
                return NoAnswer(exercise);
            }
            if (double.IsInfinity(answer) && answer != expected)
            {
                return Wrong(exercise, "the answer is infinite", hint);
            }
            return Close(answer, expected, tolerance) ? Ok(exercise) : Wrong(exercise, null, hint);
        });

    private static bool Close(double a, double e, double tol)
    {
        if (a.Equals(e))
        {
            return true;
        }
        if (!double.IsFinite(a) || !double.IsFinite(e))
        {
            return false;
        }
        return Math.Abs(a - e) <= Math.Max(tol, tol * Math.Abs(e));
    }

    /// <summary>A vector, element by element within <paramref name="tolerance"/> (max absolute difference).</summary>
    public static CheckResult Vector(string exercise, double[]? answer, double[] expected, double tolerance = 1e-6, string? hint = null) =>
        Guard(exercise, () =>
        {
            if (answer is null || answer.Length == 0 || answer.All(double.IsNaN))
            {
                return NoAnswer(exercise);
            }
            if (answer.Length != expected.Length)
            {
                return Wrong(exercise, $"expected {expected.Length} values, got {answer.Length}", null);
            }
            return Compare(exercise, answer, expected, tolerance, hint);
        });

    /// <summary>A MathNet vector, element by element within <paramref name="tolerance"/>.</summary>
    public static CheckResult Vector(string exercise, Vector<double>? answer, Vector<double> expected, double tolerance = 1e-6, string? hint = null) =>
        Guard(exercise, () => Vector(exercise, answer?.ToArray(), expected.ToArray(), tolerance, hint));

    /// <summary>A matrix, element by element within <paramref name="tolerance"/>; reports a shape mismatch as "expected 3×3, got 2×3".</summary>
    public static CheckResult Matrix(string exercise, double[,]? answer, double[,] expected, double tolerance = 1e-6, string? hint = null) =>
        Guard(exercise, () =>
        {
            if (answer is null || answer.Length == 0 || answer.Cast<double>().All(double.IsNaN))
            {
                return NoAnswer(exercise);
            }
            if (answer.GetLength(0) != expected.GetLength(0) || answer.GetLength(1) != expected.GetLength(1))
            {
                return Wrong(exercise,
                    $"expected {expected.GetLength(0)}×{expected.GetLength(1)}, got {answer.GetLength(0)}×{answer.GetLength(1)}", null);
            }
            return Compare(exercise, [.. answer.Cast<double>()], [.. expected.Cast<double>()], tolerance, hint);
        });

    /// <summary>A MathNet matrix, element by element within <paramref name="tolerance"/>.</summary>
    public static CheckResult Matrix(string exercise, Matrix<double>? answer, Matrix<double> expected, double tolerance = 1e-6, string? hint = null) =>
        Guard(exercise, () => Matrix(exercise, answer?.ToArray(), expected.ToArray(), tolerance, hint));

    private static CheckResult Compare(string exercise, double[] answer, double[] expected, double tolerance, string? hint)
    {
        var nan = answer.Count(double.IsNaN);
        if (nan > 0 && expected.Count(double.IsNaN) == 0)
        {
            return Wrong(exercise, $"{nan} of {answer.Length} entries are NaN", hint);
        }
        var bad = 0;
        for (var i = 0; i < answer.Length; i++)
        {
            if (!Close(answer[i], expected[i], tolerance) && !(double.IsNaN(answer[i]) && double.IsNaN(expected[i])))
            {
                bad++;
            }
        }
        return bad == 0 ? Ok(exercise) : Wrong(exercise, $"{bad} of {answer.Length} entries differ by more than {Tol(tolerance)}", hint);
    }

    /// <summary>A condition the answer must satisfy; <paramref name="hint"/> is shown when it does not.</summary>
    public static CheckResult True(string exercise, bool condition, string? hint = null) =>
        condition ? Ok(exercise) : Wrong(exercise, null, hint);

    /// <summary>
    /// A condition evaluated safely: an exception thrown while evaluating it (e.g. the answer is still null) counts
    /// as "no answer given" instead of crashing the cell.
    /// </summary>
    public static CheckResult True(string exercise, Func<bool> condition, string? hint = null) =>
        Guard(exercise, () =>
        {
            bool ok;
            try
            {
                ok = condition();
            }
            catch (Exception e) when (e is NullReferenceException or ArgumentNullException or IndexOutOfRangeException)
            {
                return NoAnswer(exercise);
            }
            return ok ? Ok(exercise) : Wrong(exercise, null, hint);
        });

    /// <summary>
    /// Exact equality (ints, strings, enums, records). A null answer, an empty string, or a sequence answer
    /// (compared element by element) that is empty counts as no answer.
    /// </summary>
    public static CheckResult Equal<T>(string exercise, T? answer, T expected, string? hint = null) =>
        Guard(exercise, () =>
        {
            if (answer is null || (answer is string s && s.Length == 0))
            {
                return NoAnswer(exercise);
            }
            if (answer is not string && answer is IEnumerable seq && expected is IEnumerable exp)
            {
                var a = seq.Cast<object?>().ToList();
                var e = exp.Cast<object?>().ToList();
                if (a.Count == 0)
                {
                    return NoAnswer(exercise);
                }
                if (a.Count != e.Count)
                {
                    return Wrong(exercise, $"expected {e.Count} items, got {a.Count}", hint);
                }
                return a.SequenceEqual(e) ? Ok(exercise) : Wrong(exercise, null, hint);
            }
            return EqualityComparer<T>.Default.Equals(answer, expected) ? Ok(exercise) : Wrong(exercise, null, hint);
        });

    /// <summary>Set equality: the same elements, in any order, duplicates ignored.</summary>
    public static CheckResult SetEqual<T>(string exercise, IEnumerable<T>? answer, IEnumerable<T> expected, string? hint = null) =>
        Guard(exercise, () =>
        {
            var a = answer?.ToHashSet();
            if (a is null || a.Count == 0)
            {
                return NoAnswer(exercise);
            }
            var e = expected.ToHashSet();
            if (a.SetEquals(e))
            {
                return Ok(exercise);
            }
            var missing = e.Count(x => !a.Contains(x));
            var extra = a.Count(x => !e.Contains(x));
            return Wrong(exercise, $"{missing} missing, {extra} not expected", hint);
        });

    /// <summary>The latest result of every exercise checked so far in this process, in order of first check.</summary>
    /// <remarks>
    /// A notebook kernel runs one notebook, but the course's runner executes several notebooks in one process; a lesson
    /// should therefore ask for its own exercises with <see cref="Summary(string)"/>.
    /// </remarks>
    public static CheckSummary Summary()
    {
        lock (History)
        {
            return new CheckSummary([.. History]);
        }
    }

    /// <summary>
    /// The latest result of each exercise of one lesson: those whose name starts with <paramref name="lesson"/> and a dot
    /// (<c>Summary("6")</c> keeps "6.1", "6.2", ... and not "16.1").
    /// </summary>
    /// <param name="lesson">The lesson part of the exercise names, e.g. "6".</param>
    public static CheckSummary Summary(string lesson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lesson);
        string prefix = lesson + ".";
        lock (History)
        {
            return new CheckSummary([.. History.Where(r => r.Exercise.StartsWith(prefix, StringComparison.Ordinal))]);
        }
    }

    /// <summary>
    /// True when the latest check of <paramref name="exercise"/> in this process passed. Cells that run the learner's own
    /// code guard on it, so a learner copy whose exercise is still open prints what to finish instead of crashing.
    /// </summary>
    public static bool Passed(string exercise)
    {
        lock (History)
        {
            return History.Any(h => h.Exercise == exercise && h.Passed);
        }
    }

    /// <summary>Forgets the results collected for <see cref="Summary()"/>.</summary>
    public static void Reset()
    {
        lock (History)
        {
            History.Clear();
        }
    }
}
