using System.Diagnostics;
using System.Reflection;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ActivationCourse.Cli.Benchmarks;

/// <summary>
/// The vector widths <c>course bench --width</c> can run at, and how to get one: a child process of this program
/// with the runtime's <c>DOTNET_Enable*</c> switches that turn the wider instruction sets off.
/// </summary>
internal static class BenchWidth
{
    /// <summary>The names <c>--width</c> accepts, widest first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["512", "256", "128", "scalar"];

    /// <summary>Set in the measuring child, so that it measures instead of starting another child.</summary>
    public const string ChildVariable = "ACTIVATIONCOURSE_BENCH_CHILD";

    /// <summary>The widest vectors this process accelerates: "512", "256", "128" or "scalar".</summary>
    public static string OfThisProcess =>
        Vector512.IsHardwareAccelerated ? "512"
        : Vector256.IsHardwareAccelerated ? "256"
        : Vector128.IsHardwareAccelerated ? "128"
        : "scalar";

    /// <summary>Bits of a width name (scalar: 0).</summary>
    public static int Bits(string width) => width == "scalar" ? 0 : int.Parse(width, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True if this process (hence this machine) can run at <paramref name="width"/>: it is at most the width it runs at.</summary>
    public static bool Available(string width) => Bits(width) <= Bits(OfThisProcess);

    /// <summary>The one line printed when <paramref name="width"/> is wider than this machine (or this process) allows.</summary>
    public static string UnavailableNote(string width) =>
        $"This machine does not run {width}-bit vectors (it accelerates {Describe(OfThisProcess)}), so there is nothing to measure at --width {width}.";

    /// <summary>"512-bit vectors", "no SIMD", ...</summary>
    public static string Describe(string width) => width == "scalar" ? "no SIMD" : $"{width}-bit vectors";

    /// <summary>
    /// The runtime switches that bring this process's width down to <paramref name="width"/> (none if it is already
    /// there). .NET 10 turns AVX-512 off with <c>DOTNET_EnableAVX512</c>; .NET 8 and 9 read <c>DOTNET_EnableAVX512F</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Switches(string width)
    {
        var switches = new Dictionary<string, string>();
        if (Bits(width) >= Bits(OfThisProcess))
        {
            return switches;
        }

        switch (width)
        {
            case "256":
                switches["DOTNET_EnableAVX512"] = "0";
                switches["DOTNET_EnableAVX512F"] = "0";
                break;
            case "128":
                switches["DOTNET_EnableAVX"] = "0";
                break;
            default:
                switches["DOTNET_EnableHWIntrinsic"] = "0";
                break;
        }

        return switches;
    }

    /// <summary>
    /// OpenBLAS's x86-64 kernel families (<c>OPENBLAS_CORETYPE</c>) that use <paramref name="width"/>-bit vectors, to
    /// try one by one (a family the processor cannot run fails its trial and is skipped); empty when the choice is
    /// left to OpenBLAS: on other processors, and for "scalar" (OpenBLAS has no scalar-only x86-64 kernels).
    /// </summary>
    public static IReadOnlyList<string> OpenBlasCores(string width)
    {
        if (!X86Base.X64.IsSupported)
        {
            return [];
        }

        return width switch
        {
            "512" => ["SkylakeX", "Cooperlake", "SapphireRapids"],
            "256" => ["Haswell", "Zen"],
            "128" => ["Nehalem", "Barcelona"],
            _ => [],
        };
    }

    /// <summary>
    /// Runs this program again with <paramref name="arguments"/> and <paramref name="environment"/> added to this
    /// process's variables; returns its exit code and stdout (stderr passes through).
    /// </summary>
    public static (int ExitCode, string Output) RunChild(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, bool passOutput)
    {
        string process = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown, so the measuring process cannot be started.");
        var start = new ProcessStartInfo(process) { UseShellExecute = false, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("No entry assembly to start again."));
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment[ChildVariable] = "1";
        using var child = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        string? line;
        while ((line = child.StandardOutput.ReadLine()) is not null)
        {
            output.AppendLine(line);
            if (passOutput)
            {
                Console.WriteLine(line);
            }
        }

        child.WaitForExit();
        return (child.ExitCode, output.ToString());
    }
}
