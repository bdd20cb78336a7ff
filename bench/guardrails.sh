#!/usr/bin/env bash
# Times the guardrails on a 2 KB prompt, a 2 KB answer (whole and streamed) and a 1 MB prompt, with every built-in
# detector, a deny list and a national-id pattern redacting reversibly (GuardrailBench in gateway-service's tests).
# Prints a markdown table; with REPORT=<file> also writes it there. Run on a quiet machine: the numbers are per call.
set -euo pipefail
cd "$(dirname "$0")/.."
report="${REPORT:-$(mktemp -t tollgate-guardrail-bench.XXXXXX)}"
./mvnw -B -q -pl gateway-service -am test -Dtest=GuardrailBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dguardrail.bench.report="$report" >/dev/null
cat "$report"
