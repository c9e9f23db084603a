#!/usr/bin/env bash
# Usage reports at scale, on the embedded PostgreSQL the tests use (io.zonky embedded-postgres).
#
# One organization of 5,000 people and 200 printers; a year (2025) of usage records generated in
# SQL (generate_series, not one insert at a time): first 100 thousand, then 10 million in the same
# run. After each fill the roll-ups are built from the records in SQL, as the event listeners keep
# them, and the monthly organization report and the by-person report for December are timed through
# the reporting face (median of 5 after 2 warm-ups). Prints both times per size and, as the last
# line, "growth: X" = monthly organization report at 10 M / at 100 k. Target: growth <= 2 and each
# report under a second at 10 M rows.
#
# Usage: bench/report-scale.sh [-n ROWS]   (ROWS: the large size, default 10000000)
# The code is server/src/test/java/org/opencps/bench/ReportScaleBenchmark.java.
set -euo pipefail

rows=10000000
while (( $# > 0 )); do
    case "$1" in
        -n) rows="${2:?-n needs a number}"; shift 2 ;;
        -h|--help) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$rows" =~ ^[1-9][0-9]*$ ]] && (( rows > 100000 )) || { echo "-n takes a whole number above 100000" >&2; exit 2; }

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
rm -f server/target/report-scale.txt
./mvnw -B -q -pl server test -Ppostgres -Dtest=ReportScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dopencps.bench.report-scale=true -Dopencps.bench.report-scale.rows="$rows" > /tmp/opencps-report-scale.log 2>&1 \
    || { tail -40 /tmp/opencps-report-scale.log >&2; echo "[bench] the benchmark failed (log: /tmp/opencps-report-scale.log)" >&2; exit 1; }
cat server/target/report-scale.txt
