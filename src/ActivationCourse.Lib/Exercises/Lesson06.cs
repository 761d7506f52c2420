using ActivationCourse.Gradients;
using ActivationCourse.Reports;
using ActivationCourse.Studies;


namespace ActivationCourse.Exercises;

/// <summary>Checks for the exercises of lesson 06 (an MLP on MNIST).</summary>
public static class Lesson06
{
    /// <summary>The dead share of a layer that exercise 6.1 calls "many dead": 10%, several times what momentum SGD lost at rates up to 0.1.</summary>
    public const double ManyDead = 0.10;

    /// <summary>
    /// Exercise 6.1 (predict, then measure): does plain SGD (momentum 0) at the rate whose step equals momentum SGD's
    /// limit step leave many units dead? 'A': fewer than <see cref="ManyDead"/> of every hidden layer; 'B': at least
    /// that share of some layer. Judged against the learner's own measurement; a diverged run measures blow-up, not
    /// dying, and does not count.
    /// </summary>
    /// <param name="prediction">'A' or 'B' (anything else: not answered).</param>
    /// <param name="plain">The measured run of plain SGD.</param>
    public static CheckResult WithoutMomentum(char prediction, DeadUnitPoint plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        return WithoutMomentum(prediction, plain.DeadShare.Max(), plain.Diverged);
    }

    /// <summary>Exercise 6.1 from the measured worst-layer dead share and whether the run diverged.</summary>
    /// <param name="prediction">'A' or 'B' (anything else: not answered).</param>
    /// <param name="worstDeadShare">The dead share of the run's worst hidden layer.</param>
    /// <param name="diverged">True when the run's loss stopped being finite.</param>
    public static CheckResult WithoutMomentum(char prediction, double worstDeadShare, bool diverged)
    {
        char choice = char.ToUpperInvariant(prediction);
        if (choice is not ('A' or 'B'))
        {
            return Check.Equal<string>("6.1", null, "");
        }

        if (diverged)
        {
            return Check.True("6.1", false,
                "this run diverged: its loss blew up, which measures divergence, not dying; the exercise needs a run that trained");
        }

        char measured = worstDeadShare >= ManyDead ? 'B' : 'A';
        return Check.True("6.1", choice == measured,
            "momentum reaches its factor of 10 only after many steps in one direction; plain SGD takes the full step "
            + "from the first batch on, when the gradients are largest");
    }

    /// <summary>Exercise 6.2: the precision of every class, computed from the confusion matrix's counts.</summary>
    /// <param name="answer">The learner's ten precisions, fractions in [0, 1] (empty: not answered).</param>
    /// <param name="confusion">The measured confusion matrix.</param>
    public static CheckResult Precision(double[]? answer, ConfusionMatrix confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        return Check.Vector("6.2", answer, confusion.Precision, tolerance: 1e-9,
            hint: "the images the network called d are a column, not a row: divide the diagonal count by the column's sum "
                + "(a fraction, not a percentage)");
    }

    /// <summary>Exercise 6.3: [true digit, predicted digit] of an off-diagonal cell with the largest count (any tie is accepted).</summary>
    /// <param name="answer">The learner's pair (empty: not answered).</param>
    /// <param name="confusion">The measured confusion matrix.</param>
    public static CheckResult MostConfusedPair(int[]? answer, ConfusionMatrix confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        if (answer is null || answer.Length == 0)
        {
            return Check.Equal<int[]>("6.3", null, []);
        }

        int largest = Enumerable.Range(0, confusion.Classes)
            .SelectMany(t => Enumerable.Range(0, confusion.Classes).Where(p => p != t).Select(p => confusion[t, p])).Max();
        bool right = answer.Length == 2 && answer[0] != answer[1]
            && answer.All(d => d >= 0 && d < confusion.Classes)
            && confusion[answer[0], answer[1]] == largest;
        return Check.True("6.3", right, "skip the diagonal (t == p); the answer is [row, column] of the largest remaining count");
    }

    /// <summary>
    /// The source article's LeNet-style network for 32 × 32 × 3 images, as Keras builds it: Conv2D 6, 16 and 120
    /// filters of 5 × 5 with "same" padding and ReLU, 2 × 2 max pools after the first two, Flatten, Dense 84 (ReLU)
    /// and Dense 10 (softmax).
    /// </summary>
    public static ConvNetSummary LeNet() => new ConvNetSummary(32, 32, 3)
        .Conv2D(6, 5, "relu").MaxPool2D(2)
        .Conv2D(16, 5, "relu").MaxPool2D(2)
        .Conv2D(120, 5, "relu")
        .Flatten().Dense(84, "relu").Dense(10, "softmax");

    /// <summary>Exercise 6.4: the number of trainable parameters of <see cref="LeNet"/>, exactly.</summary>
    /// <param name="answer">The learner's count (NaN: not answered).</param>
    public static CheckResult LeNetParameters(double answer) =>
        Check.Number("6.4", answer, LeNet().TotalParameters, tolerance: 1e-12,
            hint: "trace the shape first (\"same\" keeps height and width, each pool halves them); the first Dense "
                + "layer sees every value of the last feature map; one bias per filter and per unit");
}
