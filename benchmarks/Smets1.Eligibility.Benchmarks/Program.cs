using BenchmarkDotNet.Running;
using Smets1.Eligibility.Benchmarks;

if (args is ["--scheduling-report", ..])
{
    SchedulingReport.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100);
    return 0;
}

// A benchmark that throws or fails to build is reported by BenchmarkDotNet but does not change its exit code;
// exit with 1 so that CI (which runs every benchmark with --job Dry) notices.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly).Run(args);
var failed = summaries.SelectMany(s => s.Reports).Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo).ToList();
failed.AddRange(summaries.Where(s => s.HasCriticalValidationErrors).Select(s => s.Title + " (validation errors)"));
foreach (var benchmark in failed)
{
    Console.Error.WriteLine($"Benchmark failed: {benchmark}");
}

return failed.Count == 0 ? 0 : 1;
