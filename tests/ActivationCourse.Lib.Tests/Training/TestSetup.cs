using ActivationCourse.Training;

namespace ActivationCourse.Lib.Tests.Training;

internal static class TestSetup
{
    public static void Ensure() => MlpBuilder.Resolver ??= ScalarActivation.Resolve;
}
