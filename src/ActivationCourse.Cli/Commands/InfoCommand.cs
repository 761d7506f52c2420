using System.CommandLine;
using System.Runtime.Intrinsics;

namespace ActivationCourse.Cli.Commands;

/// <summary><c>course info</c>: what this machine offers the course (runtime, cores, SIMD width).</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Show the runtime, core count and SIMD support the course will use.");
        command.SetAction(_ =>
        {
            Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores");
            Console.WriteLine($"Vector512: {Vector512.IsHardwareAccelerated}, Vector256: {Vector256.IsHardwareAccelerated}");
            return 0;
        });
        return command;
    }
}
