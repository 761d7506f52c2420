using ActivationCourse.Activations;
using ActivationCourse.Gradients;

namespace ActivationCourse.Lib.Tests.Activations;

public class SoftmaxMaxoutParametricTests
{
    [Fact]
    public void SoftmaxIsStableAndSumsToOne()
    {
        float[] z = [1000f, 1001f, 1002f, -5f, 0f, 5f];
        float[] p = new float[6];
        Softmax.Forward(z, 3, p);
        Assert.All(p, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(1.0, p[0] + p[1] + p[2], 6);
        Assert.Equal(0.6652409557748219, p[2], 6);
        double[] lp = new double[6];
        Softmax.LogForward([1000, 1001, 1002, -5, 0, 5], 3, lp);
        Assert.Equal(Math.Log(0.6652409557748219), lp[2], 12);
        double[] hot = new double[3];
        Softmax.Forward([1.0, 2.0, 3.0], 3, hot, temperature: 0.5);
        Assert.Equal(Math.Exp(6) / (Math.Exp(2) + Math.Exp(4) + Math.Exp(6)), hot[2], 14);
        var ex = Assert.Throws<ArgumentException>(() => Softmax.Forward(new float[6], 3, new float[5]));
        Assert.Contains("6", ex.Message);
        Assert.Contains("5", ex.Message);
    }

    [Fact]
    public void CrossEntropyGradientIsPMinusYAndPassesGradientCheck()
    {
        var rng = new Random(3);
        const int rows = 4, classes = 5;
        double[] z = Enumerable.Range(0, rows * classes).Select(_ => 4 * rng.NextDouble() - 2).ToArray();
        int[] labels = [0, 3, 4, 1];
        double[] grad = new double[z.Length];
        double loss = SoftmaxCrossEntropy.LossAndGradient(z, labels, classes, grad);
        Assert.Equal(SoftmaxCrossEntropy.Loss(z, labels, classes), loss, 14);

        double[] p = new double[z.Length];
        Softmax.Forward(z, classes, p);
        for (int i = 0; i < z.Length; i++)
        {
            double y = labels[i / classes] == i % classes ? 1 : 0;
            Assert.Equal((p[i] - y) / rows, grad[i], 15);
        }

        GradientCheckReport report = GradientCheck.Function(w => SoftmaxCrossEntropy.Loss(w, labels, classes), z, grad);
        Assert.True(report.Passed(1e-7), report.ToString());

        // Soft targets (one-hot rows here) give the same loss and gradient.
        double[] targets = new double[z.Length];
        for (int r = 0; r < rows; r++)
        {
            targets[r * classes + labels[r]] = 1;
        }
        double[] g2 = new double[z.Length];
        Assert.Equal(loss, SoftmaxCrossEntropy.LossAndGradient(z, targets, classes, g2), 14);
        Assert.Equal(loss, SoftmaxCrossEntropy.Loss(z, targets, classes), 14);
        for (int i = 0; i < z.Length; i++)
        {
            Assert.Equal(grad[i], g2[i], 15);
        }

        float[] zf = Array.ConvertAll(z, v => (float)v);
        float[] gf = new float[z.Length];
        Assert.Equal(loss, SoftmaxCrossEntropy.LossAndGradient(zf, labels, classes, gf), 5);
        Assert.Equal(loss, SoftmaxCrossEntropy.Loss(zf, labels, classes), 5);
        Assert.Equal(grad[7], gf[7], 6);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(300)] // wider than the float path's buffer of kept exponentials
    public void FloatCrossEntropyMatchesDouble(int classes)
    {
        var rng = new Random(classes);
        const int rows = 7;
        float[] zf = Enumerable.Range(0, rows * classes).Select(_ => (float)(8 * rng.NextDouble() - 4)).ToArray();
        int[] labels = Enumerable.Range(0, rows).Select(r => (r * 37) % classes).ToArray();
        double[] g = new double[zf.Length];
        float[] gf = new float[zf.Length];
        double loss = SoftmaxCrossEntropy.LossAndGradient(Array.ConvertAll(zf, v => (double)v), labels, classes, g);
        Assert.Equal(loss, SoftmaxCrossEntropy.LossAndGradient(zf, labels, classes, gf), 12);
        for (int i = 0; i < g.Length; i++)
        {
            Assert.Equal((float)g[i], gf[i], 1e-8f);
        }
    }

    [Fact]
    public void CrossEntropyIsFiniteForHugeLogits()
    {
        double[] g = new double[3];
        double loss = SoftmaxCrossEntropy.LossAndGradient([1000.0, -1000, 0], [1], 3, g);
        Assert.Equal(2000.0, loss, 9);
        Assert.All(g, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void PReLUSlopeGradientPassesGradientCheck()
    {
        double[] x = [-2.0, -0.5, 0.7, 1.5, -1.25];
        double[] upstream = [0.3, -1.1, 0.9, 0.2, 0.6];
        var prelu = new PReLU(0.25);
        double analytic = prelu.SlopeGradient(x, upstream);
        double Loss(double[] a)
        {
            var f = new PReLU(a[0]);
            double[] y = new double[x.Length];
            f.Forward(x, y);
            return y.Zip(upstream, (v, u) => v * u).Sum();
        }
        Assert.True(GradientCheck.Function(Loss, [0.25], [analytic]).Passed());
        Assert.Equal(analytic, prelu.SlopeGradient(Array.ConvertAll(x, v => (float)v), Array.ConvertAll(upstream, v => (float)v)), 6);
        prelu.Slope = 0.5;
        Assert.Equal(-1.0, prelu.Forward(-2.0));
    }

    [Fact]
    public void MaxoutBackwardPassesGradientCheckAndReducesToReLUAndLeakyReLU()
    {
        double[] z = [0.3, -1.2, 2.0, 1.1, -0.4, -0.1, 0.5, 0.5, 0.2];
        const int k = 3;
        double[] upstream = [0.7, -0.3, 1.9];
        double[] y = new double[3];
        int[] winners = new int[3];
        Maxout.Forward(z, k, y, winners);
        Assert.Equal([2, 0, 0], winners); // ties go to the first piece
        double[] dz = new double[z.Length];
        Maxout.Backward(upstream, winners, k, dz);
        // Each unit's gradient goes to its winning piece only; in the tie (0.5, 0.5) to the first one.
        Assert.Equal([0, 0, 0.7, -0.3, 0, 0, 1.9, 0, 0], dz);
        double Loss(double[] w)
        {
            double[] yy = new double[3];
            Maxout.Forward(w, k, yy, new int[3]);
            return yy.Zip(upstream, (a, b) => a * b).Sum();
        }
        double[] zNoTie = [0.3, -1.2, 2.0, 1.1, -0.4, -0.1, 0.5, 0.45, 0.2];
        double[] dzNoTie = new double[9];
        Maxout.Forward(zNoTie, k, y, winners);
        Maxout.Backward(upstream, winners, k, dzNoTie);
        Assert.True(GradientCheck.Function(Loss, zNoTie, dzNoTie).Passed());

        float[] pieces = [-2f, 0f, 3f, 0f, -0.5f, 0f];
        float[] yf = new float[3];
        int[] wf = new int[3];
        Maxout.Forward(pieces, 2, yf, wf);
        Assert.Equal([0f, 3f, 0f], yf);
        float[] leaky = [-2f, -0.02f, 3f, 0.03f];
        float[] yl = new float[2];
        Maxout.Forward(leaky, 2, yl, new int[2]);
        Assert.Equal([(float)new LeakyReLU().Forward(-2f), 3f], yl);
        float[] dzf = new float[6];
        Maxout.Backward([1f, 2f, 3f], wf, 2, dzf);
        Assert.Equal([0f, 1f, 2f, 0f, 0f, 3f], dzf);
    }

    [Fact]
    public void RReLUTrainingDrawsSlopesInRangeAndBackpropagates()
    {
        var rrelu = new RReLU();
        float[] x = [-1f, 2f, -3f, -0.5f, 0f];
        float[] y = new float[5], slopes = new float[5];
        rrelu.ForwardTraining(x, y, slopes, new Random(1));
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] >= 0)
            {
                Assert.Equal(1f, slopes[i]);
                Assert.Equal(x[i], y[i]);
            }
            else
            {
                Assert.InRange(slopes[i], 1f / 8, 1f / 3);
                Assert.Equal(slopes[i] * x[i], y[i]);
            }
        }
        float[] dx = [1f, 1f, 1f, 1f, 1f];
        RReLU.BackwardTraining(x, slopes, dx, dx);
        Assert.Equal(slopes, dx);
    }
}
