#!/usr/bin/env bash
# Zero-flake check of the benchmark gates: runs the benchmarks N times on an unchanged tree
# (profile ci by default), compares each run with bench-compare against the committed baseline,
# judges every gate of suite "benchmarks" and counts the runs in which all of them stayed green.
#
#   scripts/bench-flake-check.sh N [--profile ci] [--gates FILE]... [--out DIR] [--filter PATTERN]... [--paired-only]
#
# - Each run is what the Gates target runs: BenchmarkDotNet, then the paired suite (--paired),
#   bench-compare against fixtures/baselines/<profile>.json and paired-compare against
#   fixtures/baselines/paired-<profile>.json. --paired-only runs the paired suite alone (~70 s a
#   run instead of minutes) and judges only the gates over bench.paired.* metrics.
# - Needs Release builds (dotnet build -c Release benchmarks/Socrates.Benchmarks && dotnet build -c Release benchmarks/Socrates.BenchmarkAnalysis);
#   builds nothing itself, so every run measures the same binaries.
# - --gates may be given several times (default: gates.json); every gate with suite "benchmarks"
#   in any of them is judged (fail => red; warn is reported, not red).
# - SOCRATES_FAILPOINTS is passed through: with a canary set, the gates it targets must be red in
#   every run (the same loop proves a canary as reliably as it proves the clean tree).
# - Keeps every run under DIR/run-<i> (results, metrics, comparisons evidence) and writes
#   DIR/summary.tsv (one line per run and gated metric) and DIR/summary.txt.
# Exit code: 0 when every run was green, 1 otherwise, 2 for a wrong command line.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 N [--profile ci] [--gates FILE]... [--out DIR] [--filter PATTERN]... [--paired-only]" >&2
  exit 2
fi
shift
profile=ci
out="$root/artifacts/flake-check"
gates=()
filters=()
paired_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile="$2"; shift 2 ;;
    --gates) gates+=("$2"); shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --filter) filters+=("$2"); shift 2 ;;
    --paired-only) paired_only=1; shift ;;
    *) echo "$0: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ ${#gates[@]} -eq 0 ] && gates=("$root/gates.json")

bench="$root/benchmarks/Socrates.Benchmarks/bin/Release/net10.0/Socrates.Benchmarks.dll"
analysis="$root/benchmarks/Socrates.BenchmarkAnalysis/bin/Release/net10.0/Socrates.BenchmarkAnalysis.dll"
for file in "$bench" "$analysis"; do
  if [ ! -f "$file" ]; then
    echo "$0: $file is missing: dotnet build -c Release benchmarks/Socrates.Benchmarks && dotnet build -c Release benchmarks/Socrates.BenchmarkAnalysis" >&2
    exit 2
  fi
done
baseline="$root/fixtures/baselines/$profile.json"
paired_baseline="$root/fixtures/baselines/paired-$profile.json"
filter_args=()
if [ ${#filters[@]} -gt 0 ]; then filter_args=(--filter "${filters[@]}"); fi
mode_args=()
if [ "$paired_only" -eq 1 ]; then mode_args=(--paired-only); fi

mkdir -p "$out"
: > "$out/summary.tsv"
green=0
for i in $(seq 1 "$runs"); do
  run="$out/run-$i"
  rm -rf "$run"
  mkdir -p "$run"
  started=$(date +%s)
  SOCRATES_ARTIFACTS="$run" SOCRATES_PROFILE="$profile" \
    dotnet "$bench" --profile "$profile" --artifacts "$run/benchmarks" "${mode_args[@]}" "${filter_args[@]}" > "$run/benchmarks.log" 2>&1
  bench_exit=$?
  if [ "$paired_only" -eq 0 ]; then
    # The paired suite in its own process, as the Gates pipeline runs it (the harness then runs
    # each pair in a child process under its pinned JIT settings: Paired/PairedProcesses.cs).
    SOCRATES_ARTIFACTS="$run" SOCRATES_PROFILE="$profile" \
      dotnet "$bench" --profile "$profile" --artifacts "$run/benchmarks" --paired-only > "$run/paired.log" 2>&1 || bench_exit=$?
  fi
  if [ "$paired_only" -eq 0 ]; then
    SOCRATES_ARTIFACTS="$run" dotnet "$analysis" bench-compare --comparisons "$root/benchmarks/comparisons.json" \
      --artifacts "$run" --baseline "$baseline" --profile "$profile" > "$run/bench-compare.log" 2>&1
  fi
  baseline_args=()
  if [ -f "$paired_baseline" ]; then baseline_args=(--baseline "$paired_baseline"); fi
  SOCRATES_ARTIFACTS="$run" dotnet "$analysis" paired-compare --artifacts "$run" "${baseline_args[@]}" \
    --profile "$profile" > "$run/paired-compare.log" 2>&1
  seconds=$(( $(date +%s) - started ))
  if python3 - "$run" "$i" "$seconds" "$bench_exit" "$out/summary.tsv" "$paired_only" "${gates[@]}" <<'PY'
import json, os, sys
run, index, seconds, bench_exit, summary, paired_only, gate_files = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6] == "1", sys.argv[7:]
failpoints = os.environ.get("SOCRATES_FAILPOINTS", "")
ok = bench_exit == 0
notes = [] if ok else [f"benchmarks exit {bench_exit}"]
rows = []
for file in gate_files:
    for gate in json.load(open(file))["gates"]:
        if gate.get("suite") != "benchmarks" or (paired_only and not gate["metric"].startswith("bench.paired.")):
            continue
        path = os.path.join(run, "metrics", gate["metric"] + ".json")
        if not os.path.exists(path):
            status, value = "missing", None
        else:
            value = json.load(open(path))["value"]
            worse = (lambda t: value < t) if gate["direction"] == "min" else (lambda t: value > t)
            status = "fail" if worse(gate["fail"]) else ("warn" if gate.get("warn") is not None and worse(gate["warn"]) else "pass")
        estimate_path = os.path.join(run, "metrics", gate["metric"] + ".estimate.json")
        estimate = json.load(open(estimate_path))["value"] if os.path.exists(estimate_path) else None
        rows.append((gate["id"], gate["metric"], value, estimate, status))
        if status in ("fail", "missing"):
            ok = False
            notes.append(f"{status} {gate['id']} ({gate['metric']} = {value})")
with open(summary, "a") as out:
    for gate_id, metric, value, estimate, status in rows:
        out.write(f"{index}\t{seconds}\t{failpoints}\t{gate_id}\t{metric}\t{value}\t{estimate}\t{status}\n")
print(f"run {index}: {'green' if ok else 'RED'} in {seconds}s" + ("" if ok else ": " + "; ".join(notes)))
sys.exit(0 if ok else 1)
PY
  then
    green=$((green + 1))
  fi
done
echo "$green/$runs green (profile $profile, failpoints '${SOCRATES_FAILPOINTS:-}')" | tee "$out/summary.txt"
[ "$green" -eq "$runs" ]
