#!/bin/bash
# Runs the fault suite: every CTest test named fault_* in a build folder,
# then prints one table of what each scenario injected and what survived.
#
#   tests/faults/run-faults.sh [BUILD_DIR] [--soak DURATION] [--keep-logs]
#
# BUILD_DIR defaults to build-test in the repository. --soak 30m (or 2h, 90s)
# repeats the whole suite with a new MLWB_FAULT_SEED each round until the
# time is up. Exits non-zero when a test fails or skips, prints no summary
# line, or a scenario lost, duplicated or failed to diagnose anything.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=""
soak=0
keep=0

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
}

seconds() { # 30m -> 1800
    case "$1" in
    *h) echo $((${1%h} * 3600)) ;;
    *m) echo $((${1%m} * 60)) ;;
    *s) echo "${1%s}" ;;
    *) echo "$1" ;;
    esac
}

while [ $# -gt 0 ]; do
    case "$1" in
    --soak) [ $# -ge 2 ] || usage; soak=$(seconds "$2") || usage; shift 2 ;;
    --keep-logs) keep=1; shift ;;
    -h | --help) usage ;;
    -*) echo "run-faults.sh: unknown option $1" >&2; usage ;;
    *) build="$1"; shift ;;
    esac
done
[ -n "$build" ] || build="$root/build-test"
[ -d "$build" ] || [ ! -d "$root/$build" ] || build="$root/$build"
if [ ! -f "$build/CTestTestfile.cmake" ]; then
    echo "run-faults.sh: $build is not a configured build folder (build it first:" >&2
    echo "  cmake -S . -B build-test -G Ninja -DBUILD_TESTING=ON && cmake --build build-test)" >&2
    exit 2
fi

tests=$(ctest --test-dir "$build" -N -R '^fault_' | sed -n 's/^ *Test *#[0-9]*: *\(fault_[A-Za-z0-9_]*\).*/\1/p')
if [ -z "$tests" ]; then
    echo "run-faults.sh: no fault_* tests are registered in $build" >&2
    exit 2
fi

logs=$(mktemp -d /tmp/mlwb-faults.XXXXXX)
rows="$logs/rows" # test round scenario key=value...
problems="$logs/problems"
: >"$rows"
: >"$problems"

run_round() { # $1: round number
    local round=$1 t log rc
    for t in $tests; do
        log="$logs/$t.$round.log"
        echo "== round $round: $t${MLWB_FAULT_SEED:+ (MLWB_FAULT_SEED=$MLWB_FAULT_SEED)}" >&2
        ctest --test-dir "$build" -R "^${t}\$" -V >"$log" 2>&1
        rc=$?
        # ctest -V prefixes each line a test prints with "N: ".
        sed -n "s/^[0-9]*: FAULT-SUMMARY /$t $round /p" "$log" >>"$rows"
        if [ $rc -ne 0 ]; then
            echo "$t (round $round): FAILED, see $log" >>"$problems"
            grep -E '^[0-9]+: (FAIL!|   Loc:|seed=)' "$log" | sed 's/^[0-9]*: /    /' >>"$problems"
        fi
        if grep -qE '^[0-9]+: SKIP ' "$log"; then
            echo "$t (round $round): skipped parts, so they proved nothing:" >>"$problems"
            grep -E '^[0-9]+: SKIP ' "$log" | sed 's/^[0-9]*: /    /' >>"$problems"
        fi
        if ! grep -qE '^[0-9]+: FAULT-SUMMARY ' "$log"; then
            echo "$t (round $round): printed no FAULT-SUMMARY line, see $log" >>"$problems"
        fi
    done
}

start=$(date +%s)
round=1
run_round "$round"
while [ "$soak" -gt 0 ] && [ $(($(date +%s) - start)) -lt "$soak" ]; do
    round=$((round + 1))
    MLWB_FAULT_SEED=$(((RANDOM << 15 | RANDOM) % 2147483647))
    export MLWB_FAULT_SEED
    run_round "$round"
done

# One row per scenario, summed over rounds; a loss is flagged per round.
awk -v rounds="$round" '
function val(field,    i, kv) {
    for (i = 4; i <= NF; i++) { split($i, kv, "="); if (kv[1] == field) return kv[2] + 0 }
    return 0
}
{
    sub(/^name=/, "", $3); key = $1 " " $3
    if (!(key in seen)) { seen[key] = 1; order[++n] = key }
    f[key] += val("faults"); r[key] += val("runs")
    pe[key] += val("points_expected"); ps[key] += val("points_stored"); pd[key] += val("points_duplicated")
    de[key] += val("diags_expected"); df[key] += val("diags_found")
    if (val("points_stored") < val("points_expected") || val("points_duplicated") > 0 || val("diags_found") < val("diags_expected"))
        bad[key]++
}
END {
    fmt = "%-22s %-34s %6s %5s %10s %10s %6s %7s %7s  %s\n"
    printf fmt, "test", "scenario", "faults", "runs", "pts exp", "pts stored", "dup", "diag ex", "diag ok", "verdict"
    for (i = 1; i <= n; i++) {
        k = order[i]; split(k, part, " ")
        verdict = (k in bad) ? "LOSS (" bad[k] " round(s))" : "ok"
        printf fmt, part[1], part[2], f[k], r[k], pe[k], ps[k], pd[k], de[k], df[k], verdict
        tf += f[k]; tr += r[k]; tpe += pe[k]; tps += ps[k]; tpd += pd[k]; tde += de[k]; tdf += df[k]
        if (k in bad) losses++
    }
    printf fmt, "total", n " scenarios, " rounds " round(s)", tf, tr, tpe, tps, tpd, tde, tdf, losses ? "LOSS" : "ok"
    exit losses ? 1 : 0
}' "$rows"
lost=$?

status=0
if [ -s "$problems" ]; then
    echo
    cat "$problems"
    status=1
fi
[ $lost -eq 0 ] || status=1
if [ $status -eq 0 ] && [ $keep -eq 0 ]; then
    rm -rf "$logs"
else
    echo "logs: $logs"
fi
exit $status
