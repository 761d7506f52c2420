using ActivationCourse.Activations;

namespace ActivationCourse.Lib.Tests;

public class SmokeTest
{
    [Fact]
    public void ActivationIsAbstract() => Assert.True(typeof(Activation).IsAbstract);
}
