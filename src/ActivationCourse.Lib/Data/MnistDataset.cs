namespace ActivationCourse.Data;

/// <summary>MNIST: 60,000 training and 10,000 test images of handwritten digits, 28 × 28 pixels.</summary>
/// <param name="Train">The training set.</param>
/// <param name="Test">The test set.</param>
public sealed record MnistDataset(LabeledImages Train, LabeledImages Test);
