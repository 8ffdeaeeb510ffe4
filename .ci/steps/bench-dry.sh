#!/usr/bin/env bash
# Keeps the benchmarks from rotting: builds them in Release and runs every benchmark once in BenchmarkDotNet's
# dry mode (one cold invocation each, through BenchmarkDotNet's own generated project, as a real run does).
# Each benchmark's setup checks that the SDK and the hand-written baseline read the payloads to the same data,
# so a broken payload, model or converter fails here. No timing is asserted. About a minute on 2 cores, plus about
# three for ManyRunsBenchmarks (two cold waits on 10,000 runs on a virtual clock).
set -euo pipefail
cd "$(dirname "$0")/../.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
project=bench/Perplexity.Async.Benchmarks
artifacts="$(pwd)/artifacts/benchmarks-dry"
rm -rf "$artifacts"

dotnet build "$project" -c Release
# Program exits non-zero when a benchmark fails or the filter selects nothing.
dotnet run -c Release --no-build --project "$project" -- \
  --filter '*' --job Dry --artifacts "$artifacts" --exporters markdown --buildTimeout 900
