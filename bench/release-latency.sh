#!/usr/bin/env bash
# Release latency at the printer: N simulated printers release at the same moment, and an
# arrival-rate sweep.
#
# Starts OpenCPS (embedded defaults, a fresh data folder, 127.0.0.1 only, -Xmx256m) and prepares,
# through its public API, one customer with N people, each holding a one-page PDF job, and N
# printers registered with activation codes. Then N printers at once each log their person in by
# PIN, list the held jobs, release the one job and read the first byte of its document
# (bench/release/ReleaseLatency.java). A few releases run one after another first, as warm-up.
# After a burst (no -s) the same printers also make, all together, four authenticated round trips
# that do nothing (each lists its releases: none): the floor this server stack and machine put
# under any four-request flow at that concurrency, whatever the release itself costs. When ab
# (Debian apache2-utils) is installed, it then sends 4 x N such requests, N at a time over kept-alive
# connections: the same floor without the JDK client's own cost.
# Then the sweep (bench/release/ArrivalSweep.java): releases, and separately the empty
# four-request flow, arrive at random moments (open loop) at rising rates (x1.5 per step, each for
# -r seconds); the highest rate at which p99 (from the planned arrival to the first document byte,
# or to the fourth answer) stays under 50 ms, for each, and "rate_ratio: X" = release rate / empty
# flow rate (target at least 0.25).
# Prints p50/p90/max/p99 of the burst and, as the last line, "p99_over_floor: X" = release p99 /
# floor p99 (target at most 2.0; with -s, whose printers do not start together, "p99_ms: X").
#
# Usage: bench/release-latency.sh [-n DEVICES] [-w WARMUP] [-s SPREAD_MS] [-r SECONDS] [--keep]
#   -n DEVICES   printers (and people) releasing at once (default 200)
#   -w WARMUP    releases before the measured ones (default 20)
#   -s SPREAD_MS each printer starts at a random moment within this many milliseconds instead of all
#                at the same instant (default 0: all together)
#   -r SECONDS   how long each rate of the sweep runs (default 5; 0 leaves the sweep out)
#   --keep       keep the work folder (logs, OpenCPS data) for a look afterwards
# BENCH_JAVA_OPTS adds JVM options for OpenCPS (after -Xmx256m). Needs a JDK 21+, curl and python3.
set -euo pipefail

devices=200
warmup=20
spread=0
sweep=5
keep=no
while (( $# > 0 )); do
    case "$1" in
        -n) devices="${2:?-n needs a number}"; shift 2 ;;
        -w) warmup="${2:?-w needs a number}"; shift 2 ;;
        -s) spread="${2:?-s needs a number}"; shift 2 ;;
        -r) sweep="${2:?-r needs a number}"; shift 2 ;;
        --keep) keep=yes; shift ;;
        -h|--help) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$devices" =~ ^[1-9][0-9]*$ && "$warmup" =~ ^[0-9]+$ && "$spread" =~ ^[0-9]+$ && "$sweep" =~ ^[0-9]+$ ]] \
    || { echo "-n, -w, -s and -r take whole numbers (-n at least 1)" >&2; exit 2; }

root="$(cd "$(dirname "$0")/.." && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=bench/lib/peers.sh
source "$here/lib/peers.sh"
# shellcheck source=bench/lib/opencps.sh
source "$here/lib/opencps.sh"

require_tools curl python3
java_bin="$(find_java21)" || die "no JDK 21 or newer in JAVA_HOME or /usr/lib/jvm"

opencps_work_folder

jar="$(opencps_fresh_jar "$root")"
"$(dirname "$java_bin")/javac" -d "$work/classes" "$here"/release/*.java || die "could not compile the bench client"
write_one_page_pdf "$work/page.pdf"

# The setup signs in N+2 people and the sweep logs people in by PIN, all from this one address; the
# default per-address limit is 30 a minute.
export OPENCPS_SECURITY_LOGIN_ATTEMPTS_PER_SOURCE_PER_MINUTE=100000
# the heap the issue's targets are measured with
export BENCH_JAVA_OPTS="-Xmx256m ${BENCH_JAVA_OPTS:-}"
say "starting OpenCPS (-Xmx256m; $(uptime | sed 's/.*load/load/'))"
start_opencps "$java_bin" "$jar" "$work/opencps"

"$java_bin" -cp "$work/classes" ReleaseLatency --url "$opencps_url" --data "$opencps_data" \
    --admin-email "$opencps_admin_email" --admin-password "$opencps_admin_password" \
    --pdf "$work/page.pdf" --devices "$devices" --warmup "$warmup" --spread-ms "$spread" \
    --floor-target "$work/floor-target" --sweep-seconds "$sweep" > "$work/results"
head -n -1 "$work/results"
if [[ "$spread" == 0 ]]; then
    if command -v ab > /dev/null; then
        { read -r floor_url; read -r floor_credential; } < "$work/floor-target"
        requests=$(( 4 * devices ))
        for round in warm-up measured; do
            ab -q -k -c "$devices" -n "$requests" -H "Authorization: Bearer $floor_credential" "$floor_url" > "$work/ab-$round" 2>&1 \
                || die "ab failed: $(tail -n 5 "$work/ab-$round")"
        done
        grep -q '^Failed requests: *0$' "$work/ab-measured" && ! grep -q '^Non-2xx' "$work/ab-measured" \
            || die "ab saw failed requests: $(grep -E '^(Failed|Non-2xx)' "$work/ab-measured")"
        python3 - "$work/ab-measured" "$devices" "$requests" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
taken = float(re.search(r"Time taken for tests:\s+([\d.]+) seconds", text).group(1)) * 1000
rate = float(re.search(r"Requests per second:\s+([\d.]+)", text).group(1))
print(f"floor by ab (C client, kept-alive connections): {sys.argv[3]} empty authenticated requests, {sys.argv[2]} at a time,"
      f" done in {taken:.1f} ms ({rate:.0f} requests/s)")
PY
    else
        say "install ab (Debian apache2-utils) to also measure the floor with a C client"
    fi
fi
tail -n 1 "$work/results"
