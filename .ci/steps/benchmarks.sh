#!/usr/bin/env bash
# Every benchmark once, so the suite keeps compiling and running (figures: benchmarks/README.md).
set -euo pipefail
dotnet run -c Release --project benchmarks/Smets1.Eligibility.Benchmarks -- --filter '*' --job Dry --artifacts artifacts/benchmarks
# The scheduling report (not a BenchmarkDotNet benchmark) for two rounds, so it keeps running too.
dotnet run -c Release --no-build --project benchmarks/Smets1.Eligibility.Benchmarks -- --scheduling-report 2
