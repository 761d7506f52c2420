// Your network, written once and loaded by lessons 02, 05 and 06 with #load "my-network.csx".
// Lesson 01 writes Forward (exercise 1.1), lesson 02 writes Backward (exercise 2.2).
using ActivationCourse.Activations;
using ActivationCourse.Training;
using MathNet.Numerics.LinearAlgebra;

record MyLayer(Matrix<double> W, Vector<double> B);   // W: inputs × units, B: one bias per unit

// Forward: every layer's pre-activation Z[l] and output H[l + 1] (H[0] = X); the last layer is linear.
(List<Matrix<double>> Z, List<Matrix<double>> H) Forward(IReadOnlyList<MyLayer> layers, Activation f, Matrix<double> X)
{
    var Z = new List<Matrix<double>>();
    var H = new List<Matrix<double>> { X };
    // BEGIN SOLUTION
    for (int l = 0; l < layers.Count; l++)
    {
        var b = layers[l].B;
        Z.Add((H[l] * layers[l].W).MapIndexed((i, j, v) => v + b[j]));
        H.Add(l == layers.Count - 1 ? Z[l] : f.Forward(Z[l]));
    }
    // END SOLUTION
    return (Z, H);
}

// Backward: from dLoss/dZ of the last layer, the gradients of every layer's W and B (the chain rule through f′).
(List<Matrix<double>> dW, List<Vector<double>> dB) Backward(IReadOnlyList<MyLayer> layers, Activation f,
    List<Matrix<double>> Z, List<Matrix<double>> H, Matrix<double> dZLast)
{
    var dW = new List<Matrix<double>>();
    var dB = new List<Vector<double>>();
    // BEGIN SOLUTION
    var dZ = dZLast;
    for (int l = layers.Count - 1; l >= 0; l--)
    {
        dW.Insert(0, H[l].TransposeThisAndMultiply(dZ));   // Hᵀ·dZ
        dB.Insert(0, dZ.ColumnSums());
        if (l > 0)
        {
            dZ = dZ.TransposeAndMultiply(layers[l].W).PointwiseMultiply(f.Derivative(Z[l - 1]));   // (dZ·Wᵀ) ⊙ f′(Z)
        }
    }
    // END SOLUTION
    return (dW, dB);
}

// The loss: mean softmax cross-entropy of the last layer's output, and its gradient (p − y)/m.
(double Loss, Matrix<double> dZ) SoftmaxLoss(Matrix<double> logits, int[] labels)
{
    var gradient = new double[logits.RowCount * logits.ColumnCount];
    double loss = SoftmaxCrossEntropy.LossAndGradient(logits.ToRowMajorArray(), labels, logits.ColumnCount, gradient);
    return (loss, Matrix<double>.Build.DenseOfRowMajor(logits.RowCount, logits.ColumnCount, gradient));
}
