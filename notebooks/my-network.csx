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
    // Your code here
    return (Z, H);
}

// Backward: from dLoss/dZ of the last layer, the gradients of every layer's W and B (the chain rule through f′).
(List<Matrix<double>> dW, List<Vector<double>> dB) Backward(IReadOnlyList<MyLayer> layers, Activation f,
    List<Matrix<double>> Z, List<Matrix<double>> H, Matrix<double> dZLast)
{
    var dW = new List<Matrix<double>>();
    var dB = new List<Vector<double>>();
    // Your code here
    return (dW, dB);
}

// The loss: mean softmax cross-entropy of the last layer's output, and its gradient (p − y)/m.
(double Loss, Matrix<double> dZ) SoftmaxLoss(Matrix<double> logits, int[] labels)
{
    var gradient = new double[logits.RowCount * logits.ColumnCount];
    double loss = SoftmaxCrossEntropy.LossAndGradient(logits.ToRowMajorArray(), labels, logits.ColumnCount, gradient);
    return (loss, Matrix<double>.Build.DenseOfRowMajor(logits.RowCount, logits.ColumnCount, gradient));
}
