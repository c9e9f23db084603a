#!/usr/bin/env bash
# Printing throughput, OpenCPS against CUPS at the same guarantee, in one run on this machine.
#
# The peer is a private cupsd with a raw queue to file:/dev/null and "SyncOnClose Yes" in its
# cups-files.conf (issue 17's peer; it fsyncs configuration and state files, but strace showed no
# fsync of a spooled job before the answer: README, Benchmarks); a default cupsd is measured too,
# for information. OpenCPS runs on its embedded defaults (H2 file database, fresh
# data folder), where a job is answered only once its document and its row are on the device
# (README, "Durability"); and, unless --no-postgres, once more on a private PostgreSQL with its
# default settings (synchronous_commit and fsync on), printed beside. All on 127.0.0.1 only, one
# after another, each alone on the machine while it is measured.
# Every side gets the same client command:
#     ipptool -q -i 0.000001 -n N -f page.pdf -d filetype=application/pdf URI print-job.test
# (ipptool repeats a file only with a positive interval -i; -n alone sends one job), run as 1
# client and as 16 clients at once, N jobs each. OpenCPS receives them on a person's secret queue
# URL (held jobs, no login); CUPS prints them to /dev/null, and its time runs until its queue is
# empty again. Each side gets the same warm-up first.
# Prints every side's jobs/s for 1 and 16 clients, "ratio_1: X" (OpenCPS / CUPS with SyncOnClose,
# one client) and, as the last line, "ratio: X" (the same with 16 clients).
#
# Usage: bench/ipp-vs-cups.sh [-n JOBS] [-w WARMUP] [--cups-only] [--no-postgres] [--keep]
#   -n JOBS        jobs per client (default 200: 200 with one client, 3200 with 16)
#   -w WARMUP      jobs sent to each side before timing (default 200)
#   --cups-only    measure CUPS alone; the last line is then "cups: X jobs/s" (SyncOnClose, 16 clients)
#   --no-postgres  leave out OpenCPS on PostgreSQL
#   --keep         keep the work folder (logs, OpenCPS data) for a look afterwards
# BENCH_JAVA_OPTS adds JVM options for OpenCPS (e.g. a Flight Recorder recording; README, Benchmarks).
# Needs root (cupsd runs its jobs as lp, PostgreSQL as postgres), a JDK 21+, curl, python3, the
# Debian packages cups, cups-client and cups-ipp-utils (.ci/run installs them) and, for the
# PostgreSQL figures, a PostgreSQL server (initdb and pg_ctl in /usr/lib/postgresql/*/bin).
set -euo pipefail

jobs=200
warmup=200
cups_only=no
postgres=yes
keep=no
clients=16
while (( $# > 0 )); do
    case "$1" in
        -n) jobs="${2:?-n needs a number}"; shift 2 ;;
        -w) warmup="${2:?-w needs a number}"; shift 2 ;;
        --cups-only) cups_only=yes; shift ;;
        --no-postgres) postgres=no; shift ;;
        --keep) keep=yes; shift ;;
        -h|--help) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$jobs" =~ ^[1-9][0-9]*$ && "$warmup" =~ ^[0-9]+$ ]] || { echo "-n and -w take whole numbers (-n at least 1)" >&2; exit 2; }

root="$(cd "$(dirname "$0")/.." && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=bench/lib/peers.sh
source "$here/lib/peers.sh"
# shellcheck source=bench/lib/opencps.sh
source "$here/lib/opencps.sh"
# shellcheck source=bench/lib/postgres.sh
source "$here/lib/postgres.sh"

(( EUID == 0 )) || die "run as root: cupsd runs its jobs as the lp account"
for tool in cupsd lpadmin lpstat ipptool; do
    command -v "$tool" > /dev/null || die "$tool is missing: install cups cups-client cups-ipp-utils (see .ci/run)"
done
require_tools curl python3

work="$(mktemp -d /tmp/opencps-bench-XXXXXX)"
chmod 755 "$work"
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_group "${opencps_pid:-}" "OpenCPS"
    stop_group "${cupsd_pid:-}" "cupsd"
    stop_postgres
    if [[ "$keep" == yes ]]; then say "kept $work"; else rm -rf "$work"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

page="$work/page.pdf"
write_one_page_pdf "$page"

# The same client command for every side, as CLIENTS processes at once, COUNT jobs each; fails if
# any job is refused.
submit() {  # URI CLIENTS COUNT
    local uri="$1" n="$2" count="$3" limit=$(( 120 + $2 * $3 )) i failed=0
    local pids=()
    for (( i = 0; i < n; i++ )); do
        timeout --kill-after=10 "$limit" ipptool -q -i 0.000001 -n "$count" -f "$page" -d filetype=application/pdf \
            "$uri" print-job.test &
        pids+=($!)
    done
    for i in "${pids[@]}"; do
        wait "$i" || failed=$?
    done
    (( failed == 0 )) || die "ipptool failed against $uri (exit $failed): a job was refused or it timed out after ${limit}s"
}

declare -A rates
# Measures one side: warm-up, then 1 client and 16 clients. NAME URI; for CUPS (cups=yes) the time
# runs until its queue is empty again.
measure() {
    local name="$1" uri="$2" cups="${3:-no}" n start seconds
    if (( warmup > 0 )); then
        say "$name: warm-up, $warmup job(s)"
        submit "$uri" 1 "$warmup"
        [[ "$cups" == no ]] || await_cups_idle $(( 120 + warmup ))
    fi
    for n in 1 "$clients"; do
        say "$name: $n client(s), $jobs job(s) each ($(uptime | sed 's/.*load/load/'))"
        start=$(now)
        submit "$uri" "$n" "$jobs"
        [[ "$cups" == no ]] || await_cups_idle $(( 120 + n * jobs ))
        seconds=$(elapsed "$start" "$(now)")
        rates[$name/$n]=$(rate $(( n * jobs )) "$seconds")
        echo "$name, $n client(s): $(( n * jobs )) jobs in $seconds s = ${rates[$name/$n]} jobs/s"
    done
}
expected_total=$(( warmup + jobs + clients * jobs ))

cups_side() {  # NAME sync|default
    start_cupsd "$work/cups-$2" "$2"
    measure "$1" "ipp://127.0.0.1:$cups_port/printers/nullraw" yes
    local received
    received=$(cups_jobs_received)
    (( received == expected_total )) || die "CUPS logged $received Print-Job requests, expected $expected_total"
    stop_group "$cupsd_pid" "cupsd"
    cupsd_pid=""
}

opencps_side() {  # NAME FOLDER
    local uri held
    rm -f "$work/admin.cookies" "$work/user.cookies"
    start_opencps "$java_bin" "$jar" "$work/$2"
    uri="$(opencps_secret_queue_url)" || die "could not get a secret queue URL from OpenCPS's API (above)"
    measure "$1" "$uri"
    held=$(opencps_held_jobs) || die "could not list the person's jobs through the API"
    (( held == expected_total )) || die "OpenCPS holds $held jobs of the person, expected $expected_total"
    stop_group "$opencps_pid" "OpenCPS"
    opencps_pid=""
}

ratio() {  # A B -> A / B with two decimals
    python3 -c 'import sys; print(f"{float(sys.argv[1]) / float(sys.argv[2]):.2f}")' "$1" "$2"
}

say "CUPS with SyncOnClose Yes (the peer)"
cups_side "cups SyncOnClose (peer)" sync
if [[ "$cups_only" == yes ]]; then
    echo "cups: ${rates[cups SyncOnClose (peer)/$clients]} jobs/s"
    exit 0
fi
say "CUPS as installed (no sync; for information)"
cups_side "cups default (no sync)" default

java_bin="$(find_java21)" || die "no JDK 21 or newer in JAVA_HOME or /usr/lib/jvm"
jar="$(opencps_fresh_jar "$root")"
say "OpenCPS on its embedded defaults (H2)"
opencps_side "opencps H2" opencps-h2

if [[ "$postgres" == yes ]]; then
    if start_postgres "$work/postgres"; then
        say "OpenCPS on PostgreSQL (synchronous_commit $(postgres_setting synchronous_commit), fsync $(postgres_setting fsync))"
        export SPRING_DATASOURCE_URL="$postgres_jdbc_url" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=
        opencps_side "opencps PostgreSQL" opencps-pg
        unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD
        stop_postgres
    else
        say "no PostgreSQL figures (above)"
    fi
fi

if [[ -n "${rates[opencps PostgreSQL/1]:-}" ]]; then
    echo "ratio_1_postgres: $(ratio "${rates[opencps PostgreSQL/1]}" "${rates[cups SyncOnClose (peer)/1]}")"
    echo "ratio_postgres: $(ratio "${rates[opencps PostgreSQL/$clients]}" "${rates[cups SyncOnClose (peer)/$clients]}")"
fi
echo "ratio_1: $(ratio "${rates[opencps H2/1]}" "${rates[cups SyncOnClose (peer)/1]}")"
echo "ratio: $(ratio "${rates[opencps H2/$clients]}" "${rates[cups SyncOnClose (peer)/$clients]}")"
