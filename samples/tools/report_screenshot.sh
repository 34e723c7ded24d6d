#!/usr/bin/env bash
# Regenerates docs/report.png, the README's picture of `report`: the bundled sample estate with the inferred
# timeline on, rendered by headless Chromium (Debian's `chromium`).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet run --project src/Smets1.Eligibility.Cli -- report samples/estate.csv --epcl samples/epcl.csv --inferred --output "$work/report.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/profile" \
  --window-size=1200,1900 --screenshot="$PWD/docs/report.png" "file://$work/report.html"
echo "wrote docs/report.png"
