using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Smets1.Eligibility.Benchmarks.BenchmarkData).Assembly).Run(args);
