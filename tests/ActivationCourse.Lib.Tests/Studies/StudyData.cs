using ActivationCourse.Data;
using ActivationCourse.Training;

namespace ActivationCourse.Lib.Tests.Studies;

/// <summary>Small seeded classification data for the study tests: Gaussian blobs around class centres.</summary>
internal static class StudyData
{
    public static LabeledData Blobs(int count, int dimensions, int classes, int seed)
    {
        var random = new Random(seed);
        var centres = new float[classes * dimensions];
        var centreRandom = new Random(12345);
        for (int i = 0; i < centres.Length; i++)
        {
            centres[i] = (float)(centreRandom.NextDouble() * 4 - 2);
        }

        var features = new float[count * dimensions];
        var labels = new int[count];
        for (int r = 0; r < count; r++)
        {
            int label = r % classes;
            labels[r] = label;
            for (int d = 0; d < dimensions; d++)
            {
                double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
                double normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                features[(r * dimensions) + d] = centres[(label * dimensions) + d] + (float)(0.5 * normal);
            }
        }

        return new LabeledData(features, labels, dimensions);
    }
}
