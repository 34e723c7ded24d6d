#!/usr/bin/env bash
# The README's "Using NRules" sample: a Fluent rule imported into a version, and v17 run in an NRules session
# beside a supplier's own rule. Built by the solution build; run here and its output checked.
set -euo pipefail
dotnet run --project samples/NRulesSession --no-build | tee artifacts/nrules-sample.txt
grep -q "compiled evaluator: INST-1: Deferred under acme-nrules: ACME-COMPLAINTS: open_complaints 3 is more than max_open_complaints 1" artifacts/nrules-sample.txt
grep -q "NRules session: INST-3: COMMS-RECENT-CHF (Deferred)" artifacts/nrules-sample.txt
grep -q "NRules session: booked INST-2" artifacts/nrules-sample.txt
echo "NRules sample passed"
