#!/usr/bin/env bash
# The README's test command. On a Debian or Ubuntu machine with the .NET 10 SDK and Node.js it installs what is
# missing (Chromium, Jupyter, the pinned .NET Interactive kernel and its registration, OpenBLAS), saying what it
# installs; fetches MNIST (`course data fetch`); builds; checks formatting; runs `dotnet test -c Release`; and ends
# with one line: "N passed, N failed, N skipped". Where it cannot install, it stops with one line saying what to
# install. On a prepared machine `dotnet test -c Release` alone runs the same tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1

KERNEL_TOOL=Microsoft.dotnet-interactive
KERNEL_VERSION=1.0.712001
# Debian package -> a file it installs (present means installed).
APT_PACKAGES=(
  "chromium:/usr/bin/chromium"
  "jupyter-nbconvert:/usr/bin/jupyter-nbconvert"
  "python3-nbclient:/usr/lib/python3/dist-packages/nbclient"
  "jupyter-client:/usr/bin/jupyter-kernelspec"
  "jupyter-notebook:/usr/bin/jupyter-notebook"
  "libopenblas0:"
)

step() { echo; echo "== $*"; }
fail() { echo "error: $*" >&2; exit 1; }

step "Tools"
command -v dotnet >/dev/null || fail "the .NET SDK is missing: install the .NET 10 SDK (https://dot.net)."
command -v npm >/dev/null || fail "Node.js is missing: install Node.js LTS with npm (https://nodejs.org)."
echo "dotnet $(dotnet --version), node $(node --version), npm $(npm --version)"

missing=()
for entry in "${APT_PACKAGES[@]}"; do
  package=${entry%%:*} file=${entry#*:}
  if [ -n "$file" ]; then
    [ -e "$file" ] || missing+=("$package")
  elif ! ldconfig -p 2>/dev/null | grep 'libopenblas\.so\.0' >/dev/null; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || fail "no apt-get here: install ${missing[*]} (Chromium, Jupyter Notebook 6 with nbconvert and nbclient, OpenBLAS) with your package manager, then run this again."
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    { command -v sudo >/dev/null && sudo -n true 2>/dev/null; } || fail "not root and no sudo: run 'sudo apt-get install ${missing[*]}', then run this again."
    SUDO="sudo"
  fi
  step "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi

# The kernel: the pinned .NET Interactive tool, registered with Jupyter as ".net-csharp".
export PATH="$HOME/.dotnet/tools:$PATH"
installed=$(dotnet tool list -g | awk -v id="${KERNEL_TOOL,,}" 'tolower($1) == id { print $2 }')
if [ "$installed" != "$KERNEL_VERSION" ]; then
  step "Installing the .NET Interactive kernel $KERNEL_VERSION (dotnet tool $KERNEL_TOOL)"
  if [ -n "$installed" ]; then
    dotnet tool update -g "$KERNEL_TOOL" --version "$KERNEL_VERSION" --allow-downgrade
  else
    dotnet tool install -g "$KERNEL_TOOL" --version "$KERNEL_VERSION"
  fi
fi
if ! jupyter kernelspec list 2>/dev/null | grep '\.net-csharp ' >/dev/null; then
  step "Registering the kernel with Jupyter (dotnet interactive jupyter install)"
  mkdir -p "$HOME/.local/share/jupyter/kernels"
  dotnet interactive jupyter install
  jupyter kernelspec list | grep '\.net-csharp ' >/dev/null || fail "the .net-csharp kernel did not register: run 'dotnet interactive jupyter install' and read its message."
fi
/usr/bin/chromium --version
echo "jupyter notebook $(jupyter notebook --version), dotnet-interactive $KERNEL_VERSION"

step "Build (Release)"
dotnet build ActivationCourse.sln -c Release

step "Formatting (dotnet format --verify-no-changes)"
dotnet format ActivationCourse.sln --verify-no-changes --no-restore

step "MNIST (course data fetch)"
dotnet run -c Release --no-build --project src/ActivationCourse.Cli -- data fetch

step "Tests (dotnet test -c Release)"
log=$(mktemp)
set +e
# The same tests as `dotnet test -c Release`, in two steps: the real-kernel run last and alone, so the lessons' timing
# cells measure a machine that is not also running the other test projects.
dotnet test ActivationCourse.sln -c Release --no-build --filter "FullyQualifiedName!~ActivationCourse.Kernel.Tests" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
step "Tests in the real kernel (tests/ActivationCourse.Kernel.Tests)"
dotnet test tests/ActivationCourse.Kernel.Tests -c Release --no-build 2>&1 | tee -a "$log"
kernel_status=${PIPESTATUS[0]}
[ "$status" -ne 0 ] || status=$kernel_status
set -e

# One closing line over all test projects: "N passed, N failed, N skipped".
awk '/(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1); if ($i == "Skipped:") s += $(i + 1)
       }
     }
     END { printf "\n%d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
rm -f "$log"
exit "$status"
