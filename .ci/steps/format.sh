#!/usr/bin/env bash
# Formatting and code style as .editorconfig and the analyzers state them: CI fails on any difference.
set -euo pipefail
dotnet format Smets1.Eligibility.sln --verify-no-changes --no-restore --verbosity minimal
echo "dotnet format: no changes needed"
