#!/usr/bin/env bash
# Runs the whole test command (.ci/run) N times in a row with every core kept busy, to prove the suite does not
# depend on how fast the machine is. Prints each run's result, and at the end how many runs failed; exits non-zero
# if any did. Each run's log is kept in a temporary folder (its path is printed for failed runs).
#
#   tests/stress.sh            # 10 runs
#   tests/stress.sh -n 3       # or --runs 3
#
# The load is `stress-ng --cpu <cores>` (Debian package stress-ng, installed with apt-get if missing), or one shell
# busy loop per core where it cannot be installed. It is stopped when the script ends, fails or is interrupted.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=10
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--runs)
      [ $# -ge 2 ] || { echo "stress: $1 needs a number" >&2; exit 2; }
      runs=$2; shift 2 ;;
    -h|--help)
      sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "stress: unknown argument '$1' (use -n N or --runs N)" >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "stress: the number of runs must be a whole number of at least 1, not '$runs'" >&2; exit 2; }

cores=$(nproc 2>/dev/null || echo 2)
logs=$(mktemp -d "${TMPDIR:-/tmp}/chatps-stress.XXXXXX")
load_pids=()

stop_load() {
  if [ ${#load_pids[@]} -gt 0 ]; then
    kill "${load_pids[@]}" 2>/dev/null || true
    wait "${load_pids[@]}" 2>/dev/null || true
    load_pids=()
    echo "stress: load stopped"
  fi
}
trap stop_load EXIT
trap 'echo; echo "stress: interrupted; logs in $logs" >&2; exit 130' INT
trap 'echo "stress: terminated; logs in $logs" >&2; exit 143' TERM

install_stress_ng() {
  command -v stress-ng >/dev/null 2>&1 && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || return 1
    sudo=(sudo -n)
  fi
  echo "stress: installing stress-ng (apt-get)"
  { "${sudo[@]}" apt-get update && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y stress-ng; } >"$logs/apt-get.log" 2>&1 || return 1
  command -v stress-ng >/dev/null 2>&1
}

if install_stress_ng; then
  stress-ng --cpu "$cores" --quiet &
  load_pids+=($!)
  echo "stress: load: stress-ng --cpu $cores (pid ${load_pids[0]})"
else
  echo "stress: stress-ng is not available (see $logs/apt-get.log); using $cores shell busy loops" >&2
  for _ in $(seq 1 "$cores"); do
    bash -c 'while :; do :; done' &
    load_pids+=($!)
  done
  echo "stress: load: $cores busy loops (pids ${load_pids[*]})"
fi
echo "stress: $runs runs of 'bash .ci/run'; logs in $logs"

failed=0
for i in $(seq 1 "$runs"); do
  log="$logs/run-$i.log"
  started=$(date +%s)
  set +e
  bash .ci/run >"$log" 2>&1
  status=$?
  set -e
  took=$(( $(date +%s) - started ))
  result=$(grep -E '^tests: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1 || true)
  if [ "$status" -eq 0 ]; then
    echo "run $i/$runs: exit 0, ${took} s, ${result:-no test summary}"
  else
    failed=$((failed + 1))
    echo "run $i/$runs: exit $status, ${took} s, ${result:-no test summary}  FAILED, log: $log"
    # The failing tests' names, so the line says what broke without opening the log.
    grep -E '^\s+Failed [A-Za-z]' "$log" | sed 's/^\s*/    /' | head -n 20 || true
  fi
done

echo "stress: $failed of $runs runs failed (logs in $logs)"
[ "$failed" -eq 0 ]
