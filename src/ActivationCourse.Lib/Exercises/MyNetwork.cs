namespace ActivationCourse.Exercises;

/// <summary>
/// The learner's network lives in one script, <c>my-network.csx</c>, that lessons 01, 02, 05 and 06 load with
/// <c>#load</c>. Right after loading it, a lesson checks it again, so that the cells after it run the learner's own
/// code only when it is right (they guard on <c>Check.Passed("1.1")</c> and <c>Check.Passed("2.2")</c>).
/// </summary>
public static class MyNetwork
{
    /// <summary>
    /// Runs the checks of exercise 1.1 (<paramref name="forward"/>) and 2.2 (<paramref name="backward"/>) again and
    /// shows both verdicts.
    /// </summary>
    public static CheckSummary Recheck(ForwardPass forward, BackwardPass backward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        return new CheckSummary([Lesson01.Forward(forward), Lesson02.Backward(backward)]);
    }
}
