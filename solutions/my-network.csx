// Your network: the forward pass you write in lesson 01 (exercise 1.1) and the backward pass you write in
// lesson 02 (exercise 2.2). Lessons 01, 02, 05 and 06 load this file with `#load "my-network.csx"` (after their
// first cell has referenced the course library) and check it again, so the network they train and check is yours.
// Edit it here, save, and re-run the lesson's `#load` cell.
using ActivationCourse.Activations;
using MathNet.Numerics.LinearAlgebra;

// One dense layer: W is inputs × units, B holds one bias per unit. A batch has one sample per row.
record MyLayer(Matrix<double> W, Vector<double> B);

// Exercise 1.1: the forward pass. Returns every layer's pre-activation Z[l] = H[l]·W + b and the inputs H of the
// layers: H[0] = X, H[l + 1] = f(Z[l]), except after the last layer, which stays linear: H[L] = Z[L − 1].
(List<Matrix<double>> Z, List<Matrix<double>> H) Forward(IReadOnlyList<MyLayer> layers, Activation f, Matrix<double> X)
{
    var Z = new List<Matrix<double>>();
    var H = new List<Matrix<double>> { X };
    // BEGIN SOLUTION
    for (int l = 0; l < layers.Count; l++)
    {
        var layer = layers[l];
        var z = (H[l] * layer.W).MapIndexed((i, j, v) => v + layer.B[j]);   // the bias is added to every row
        Z.Add(z);
        H.Add(l == layers.Count - 1 ? z : f.Forward(z));
    }
    // END SOLUTION
    return (Z, H);
}

// Exercise 2.2: the backward pass. From dLoss/dZ of the last (linear) layer, the gradients dW[l] and dB[l] of every
// layer's W and B, with the same shapes as W and B.
(List<Matrix<double>> dW, List<Vector<double>> dB) Backward(IReadOnlyList<MyLayer> layers, Activation f,
    List<Matrix<double>> Z, List<Matrix<double>> H, Matrix<double> dZLast)
{
    var dW = new List<Matrix<double>>();
    var dB = new List<Vector<double>>();
    // BEGIN SOLUTION
    var delta = dZLast;                                        // δ of the layer being processed, from the last layer down
    for (int l = layers.Count - 1; l >= 0; l--)
    {
        dW.Insert(0, H[l].TransposeThisAndMultiply(delta));    // Hᵀ·δ: inputs × units
        dB.Insert(0, delta.ColumnSums());
        if (l > 0)
        {
            delta = (delta * layers[l].W.Transpose()).PointwiseMultiply(f.Derivative(Z[l - 1]));
        }
    }
    // END SOLUTION
    return (dW, dB);
}

// Nothing to write below this line: the loss the lessons train with, and how their checks call your network.

// The mean softmax cross-entropy of the last layer's output (the logits, one row per sample), and its gradient (p − y)/m.
(double Loss, Matrix<double> dZ) SoftmaxLoss(Matrix<double> logits, int[] labels)
{
    var gradient = new double[logits.RowCount * logits.ColumnCount];
    double loss = SoftmaxCrossEntropy.LossAndGradient(logits.ToRowMajorArray(), labels, logits.ColumnCount, gradient);
    return (loss, Matrix<double>.Build.DenseOfRowMajor(logits.RowCount, logits.ColumnCount, gradient));
}

// The checks hand your functions plain lists of weights and biases; these two build your layers from them.
(List<Matrix<double>> Z, List<Matrix<double>> H) ForwardOfLists(IReadOnlyList<Matrix<double>> weights,
    IReadOnlyList<Vector<double>> biases, Activation f, Matrix<double> x) =>
    Forward(weights.Zip(biases, (w, b) => new MyLayer(w, b)).ToList(), f, x);

(List<Matrix<double>> dW, List<Vector<double>> dB) BackwardOfLists(IReadOnlyList<Matrix<double>> weights,
    IReadOnlyList<Vector<double>> biases, Activation f, List<Matrix<double>> Z, List<Matrix<double>> H, Matrix<double> dZLast) =>
    Backward(weights.Zip(biases, (w, b) => new MyLayer(w, b)).ToList(), f, Z, H, dZLast);
