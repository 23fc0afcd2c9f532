#!/usr/bin/env bash
# The sample's whole pipeline: measure, prove each gate can fail, decide.
# Usage: run-gates.sh [artifacts folder]   (default: artifacts/ beside this script)
# The gate engine is `socrates-gates` on the PATH, or the command in SOCRATES_GATES.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
artifacts="$(realpath -m "${1:-$here/artifacts}")"
gates="${SOCRATES_GATES:-socrates-gates}"

rm -rf "$artifacts"
dotnet build "$here" -c Release --nologo -v quiet -o "$here/bin/pipeline" >/dev/null
measure() { dotnet "$here/bin/pipeline/CheckoutTotals.dll" --out "$1"; }

# The clean run, then each gate's canary: the defect switched on, only that gate's figures
# measured again into canaries/<gate id>/, where the engine looks for them.
measure "$artifacts"
CHECKOUT_FAILPOINTS=checkout.float-rounding measure "$artifacts/canaries/checkout-totals-exact"
CHECKOUT_FAILPOINTS=checkout.cache-off measure "$artifacts/canaries/checkout-price-cache-hit-rate"

exec $gates evaluate --profile ci --gates "$here/gates.json" --artifacts "$artifacts" --run-canaries-expected
