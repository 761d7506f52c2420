using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Usage:
//   dotnet run -c Release --project bench/ActivationCourse.Benchmarks -- --filter '*'            (full BenchmarkDotNet defaults)
//   dotnet run -c Release --project bench/ActivationCourse.Benchmarks -- --filter '*' --quick    (in-process, short: a few minutes)
//   Any BenchmarkDotNet option passes through, e.g. --job short.
bool quick = args.Contains("--quick");
string[] rest = args.Where(a => a != "--quick").ToArray();

IConfig config = DefaultConfig.Instance.AddColumn(StatisticColumn.Min);
if (quick)
{
    config = config.AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(2)
        .WithIterationCount(5)
        .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(80))
        .WithId("Quick"));
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
