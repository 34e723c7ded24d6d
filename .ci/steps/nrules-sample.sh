#!/usr/bin/env bash
# The README's "Using NRules" sample: a Fluent rule imported into a version, and v17 run in an NRules session
# beside a supplier's own rule. Built by the solution build; run here and its output checked.
set -euo pipefail
dotnet run --project samples/NRulesSession --no-build > artifacts/nrules-sample.txt || { echo "nrules sample: the sample failed" >&2; exit 1; }
cat artifacts/nrules-sample.txt
expect() { grep -qF -- "$1" artifacts/nrules-sample.txt || { echo "nrules sample: no line '$1'" >&2; exit 1; }; }
expect "compiled evaluator: INST-1: Deferred under acme-nrules: ACME-COMPLAINTS: open_complaints 3 is more than max_open_complaints 1"
expect "NRules session: INST-3: COMMS-RECENT-CHF (Deferred)"
expect "NRules session: booked INST-2"
echo "NRules sample passed"
