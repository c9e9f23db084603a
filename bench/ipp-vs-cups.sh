#!/usr/bin/env bash
# Printing throughput, OpenCPS against CUPS, in one run on this machine.
#
# Starts OpenCPS (embedded defaults, a fresh data folder) and a private cupsd with a raw queue to
# file:/dev/null (shared/PEERS.md), both on 127.0.0.1 only, and submits the same N one-page PDF jobs
# to each with the same client command:
#     ipptool -q -i 0.000001 -n N -f page.pdf -d filetype=application/pdf URI print-job.test
# (ipptool repeats a file only with a positive interval -i; -n alone sends one job)
# OpenCPS receives them on a person's secret queue URL (held jobs, no login); CUPS prints them to
# /dev/null, and its time runs until its queue is empty again. Both get the same warm-up first.
# Prints each side's jobs/s and, as the last line, "ratio: X" (OpenCPS jobs/s / CUPS jobs/s).
#
# Usage: bench/ipp-vs-cups.sh [-n JOBS] [-w WARMUP] [--cups-only] [--keep]
#   -n JOBS      jobs per side (default 1000)
#   -w WARMUP    jobs sent to each side before timing (default 20)
#   --cups-only  measure CUPS alone; the last line is then "cups: X jobs/s"
#   --keep       keep the work folder (logs, OpenCPS data) for a look afterwards
# BENCH_JAVA_OPTS adds JVM options for OpenCPS (e.g. a Flight Recorder recording; README, Benchmarks).
# Needs root (cupsd runs its jobs as lp), a JDK 21+, curl, python3, and the Debian packages cups,
# cups-client and cups-ipp-utils (.ci/run installs them).
set -euo pipefail

jobs=1000
warmup=20
cups_only=no
keep=no
while (( $# > 0 )); do
    case "$1" in
        -n) jobs="${2:?-n needs a number}"; shift 2 ;;
        -w) warmup="${2:?-w needs a number}"; shift 2 ;;
        --cups-only) cups_only=yes; shift ;;
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

say() { echo "[bench] $*" >&2; }
die() { echo "[bench] error: $*" >&2; exit 1; }

(( EUID == 0 )) || die "run as root: cupsd runs its jobs as the lp account"
for tool in cupsd lpadmin lpstat ipptool; do
    command -v "$tool" > /dev/null || die "$tool is missing: install cups cups-client cups-ipp-utils (see .ci/run)"
done
for tool in curl python3; do
    command -v "$tool" > /dev/null || die "$tool is missing: install it (Debian package $tool)"
done

work="$(mktemp -d /tmp/opencps-bench-XXXXXX)"
chmod 755 "$work"
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_group "${opencps_pid:-}" "OpenCPS"
    stop_group "${cupsd_pid:-}" "cupsd"
    if [[ "$keep" == yes ]]; then say "kept $work"; else rm -rf "$work"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

page="$work/page.pdf"
write_one_page_pdf "$page"

# The same client command for both sides; its time is the measure.
submit() {  # URI COUNT -> seconds on stdout; fails if any job is refused
    local uri="$1" count="$2" start end limit=$(( 60 + $2 ))
    start=$(now)
    timeout --kill-after=10 "$limit" ipptool -q -i 0.000001 -n "$count" -f "$page" -d filetype=application/pdf \
        "$uri" print-job.test || die "ipptool failed against $uri (exit $?): a job was refused or it timed out after ${limit}s"
    end=$(now)
    elapsed "$start" "$end"
}

say "starting cupsd"
start_cupsd "$work/cups"
cups_uri="ipp://127.0.0.1:$cups_port/printers/nullraw"

opencps_uri=""
if [[ "$cups_only" == no ]]; then
    java_bin="$(find_java21)" || die "no JDK 21 or newer in JAVA_HOME or /usr/lib/jvm"
    jar="$root/server/target/opencps-server.jar"
    if [[ ! -f "$jar" || -n "$(find "$root/pom.xml" "$root/server/pom.xml" "$root/server/src/main" -newer "$jar" -print -quit)" ]]; then
        say "building $jar (missing or older than the sources)"
        (cd "$root" && ./mvnw -q -B -DskipTests package) || die "the build failed"
    fi
    say "starting OpenCPS"
    start_opencps "$java_bin" "$jar" "$work/opencps"
    if opencps_uri="$(opencps_secret_queue_url)"; then
        say "OpenCPS queue: ${opencps_uri%/ipp/secret/*}/ipp/secret/..."
    else
        opencps_uri=""
        say "could not get a secret queue URL from OpenCPS's API (above); measuring CUPS alone"
        stop_group "$opencps_pid" "OpenCPS"
        opencps_pid=""
    fi
fi

if (( warmup > 0 )); then
    say "warm-up: $warmup job(s) to CUPS${opencps_uri:+ and to OpenCPS}"
    submit "$cups_uri" "$warmup" > /dev/null
    await_cups_idle 120
    [[ -z "$opencps_uri" ]] || submit "$opencps_uri" "$warmup" > /dev/null
fi

say "CUPS: $jobs jobs"
start=$(now)
submit "$cups_uri" "$jobs" > /dev/null
await_cups_idle $(( 60 + jobs ))
cups_seconds=$(elapsed "$start" "$(now)")
received=$(cups_jobs_received)
(( received == warmup + jobs )) || die "CUPS logged $received Print-Job requests, expected $(( warmup + jobs ))"
cups_rate=$(rate "$jobs" "$cups_seconds")
cups_line="cups (raw queue to /dev/null, until its queue is empty): $jobs jobs in ${cups_seconds} s = $cups_rate jobs/s"

if [[ "$cups_only" == yes ]]; then
    echo "$cups_line"
    echo "cups: $cups_rate jobs/s"
    exit 0
fi

if [[ -z "$opencps_uri" ]]; then
    echo "$cups_line"
    die "no OpenCPS figure, so no ratio: its API gave no secret queue URL (see above)"
fi

say "OpenCPS: $jobs jobs"
opencps_seconds=$(submit "$opencps_uri" "$jobs")
opencps_rate=$(rate "$jobs" "$opencps_seconds")
held=$(opencps_held_jobs) || die "could not list the person's jobs through the API"
(( held == warmup + jobs )) || die "OpenCPS holds $held jobs of the person, expected $(( warmup + jobs ))"

echo "$cups_line"
echo "opencps (secret queue URL, held jobs): $jobs jobs in ${opencps_seconds} s = $opencps_rate jobs/s"
echo "ratio: $(python3 -c 'import sys; print(f"{float(sys.argv[1]) / float(sys.argv[2]):.2f}")' "$opencps_rate" "$cups_rate")"
