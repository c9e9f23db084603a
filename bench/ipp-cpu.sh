#!/usr/bin/env bash
# Server CPU time per IPP job and per release, and where it goes (issue 17).
#
# Wall-time benches (ipp-vs-cups.sh, release-latency.sh) need a quiet machine. This one measures
# what one operation costs the server: the OpenCPS process's utime + stime (/proc/PID/stat, all its
# threads, GC and JIT included) before and after N operations sent one after another, divided by N.
# That figure hardly moves when other processes load the machine (it moves a little: caches, and the
# group sync sharing fewer jobs per fsync when the client is slow).
#
# Starts OpenCPS (embedded defaults: H2 file database, fresh data folder, 127.0.0.1 only) and then:
# 1. IPP: a person's secret queue URL; W warm-up jobs, then N one-page PDF Print-Job requests, one
#    client (ipptool -q -i 0.000001 -n N -f page.pdf -d filetype=application/pdf URI print-job.test).
# 2. Releases (bench/release/ReleaseCpu.java): N+W people each holding a one-page job and N+W
#    printers, prepared through the API; W warm-up releases; then N release flows one after another
#    (PIN login, list, release, whole document, outcome, logout), then N empty four-request flows
#    (the floor: device authentication and the server stack, nothing else).
# Each measured part runs under its own Flight Recorder recording (a sample per ms of CPU on JDK 25,
# else per ms of wall time; --no-jfr leaves
# them out), summarized by bench/release/JfrWhere.java: the share of samples per library, and our
# own methods. Each CPU figure also comes split by thread group (request threads, JIT compiler, GC...). The recordings stay in the work folder with --keep.
# Prints "cpu_ms_per_empty_request: X", "cpu_ms_per_job: X" and, last, "cpu_ms_per_release: X": these
# leave out the JIT compiler's threads (warm-up, which under load goes on long after any warm-up) and
# the Flight Recorder's (the measurement's own); the reports above them give the whole as well.
#
# Usage: bench/ipp-cpu.sh [-n COUNT] [-w WARMUP] [-r ROUNDS] [--no-ipp] [--no-release] [--no-jfr] [--keep] [--jar JAR]
#   -n COUNT      measured jobs and measured releases (default 300)
#   -w WARMUP     jobs and releases before measuring, for the JIT (default 200)
#   -r ROUNDS     measure the IPP jobs this many times (N each; default 1); cpu_ms_per_job is then the
#                 lowest round's (under load the JIT compiler lags, so early rounds run slower code)
#   --no-ipp / --no-release   leave that part out
#   --no-jfr      no recordings (the CPU figures then lack JFR's own small cost)
#   --keep        keep the work folder (logs, recordings, OpenCPS data)
#   --jar JAR     run this server jar instead of the checkout's (built when stale). To compare two
#                 builds on a loaded machine, run both at once, each with its own jar: they then share
#                 the same load.
# BENCH_JAVA_OPTS adds JVM options for OpenCPS. Needs a JDK 21+, curl, python3 and ipptool
# (Debian cups-ipp-utils).
set -euo pipefail

count=300
warmup=200
ipp=yes
release=yes
jfr=yes
keep=no
jar=""
rounds=1
while (( $# > 0 )); do
    case "$1" in
        -n) count="${2:?-n needs a number}"; shift 2 ;;
        -w) warmup="${2:?-w needs a number}"; shift 2 ;;
        -r) rounds="${2:?-r needs a number}"; shift 2 ;;
        --no-ipp) ipp=no; shift ;;
        --no-release) release=no; shift ;;
        --no-jfr) jfr=no; shift ;;
        --keep) keep=yes; shift ;;
        --jar) jar="${2:?--jar needs a file}"; shift 2 ;;
        -h|--help) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$count" =~ ^[1-9][0-9]*$ && "$warmup" =~ ^[0-9]+$ && "$rounds" =~ ^[1-9][0-9]*$ ]] \
    || { echo "-n, -w and -r take whole numbers (-n and -r at least 1)" >&2; exit 2; }

root="$(cd "$(dirname "$0")/.." && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=bench/lib/peers.sh
source "$here/lib/peers.sh"
# shellcheck source=bench/lib/opencps.sh
source "$here/lib/opencps.sh"

require_tools curl python3
[[ "$ipp" == no ]] || command -v ipptool > /dev/null || die "ipptool is missing: install cups-ipp-utils (see .ci/run)"
java_bin="$(find_java21)" || die "no JDK 21 or newer in JAVA_HOME or /usr/lib/jvm"
jdk_bin="$(dirname "$java_bin")"
clk_tck=$(getconf CLK_TCK)

opencps_work_folder

[[ -n "$jar" ]] || jar="$(opencps_fresh_jar "$root")"
[[ -f "$jar" ]] || die "no such jar: $jar"
"$jdk_bin/javac" -d "$work/classes" "$here"/release/*.java || die "could not compile the bench client"
write_one_page_pdf "$work/page.pdf"

# The release setup signs in N+W+2 people from this one address; the default per-address limit is 30 a minute.
export OPENCPS_SECURITY_LOGIN_ATTEMPTS_PER_SOURCE_PER_MINUTE=100000
export BENCH_JAVA_OPTS="-XX:FlightRecorderOptions=stackdepth=256 ${BENCH_JAVA_OPTS:-}"
say "starting OpenCPS ($(uptime | sed 's/.*load/load/'))"
start_opencps "$java_bin" "$jar" "$work/opencps"
[[ "$(cat "/proc/$opencps_pid/comm")" == java ]] || die "process $opencps_pid is not the server's java"

cpu_snapshot() {  # FILE: the server's CPU time so far, whole and per thread group (bench/release/ProcessCpu.java)
    "$java_bin" -cp "$work/classes" ProcessCpu snapshot "$opencps_pid" "$clk_tck" "$1"
}
# JDK 25's CPU-time sampler takes a sample per millisecond of CPU a thread uses, virtual threads and
# native code included, however loaded the machine; older JDKs sample running Java threads by wall time.
if "$jdk_bin/jfr" metadata 2> /dev/null | grep -q 'class CPUTimeSample'; then
    sampling='jdk.CPUTimeSample#enabled=true jdk.CPUTimeSample#throttle=1ms jdk.ExecutionSample#enabled=false'
else
    sampling='jdk.ExecutionSample#period=1ms'
fi
recording() {  # start|stop NAME
    [[ "$jfr" == yes ]] || return 0
    if [[ "$1" == start ]]; then
        # shellcheck disable=SC2086 # $sampling is a list of settings
        "$jdk_bin/jcmd" "$opencps_pid" JFR.start name="$2" settings=profile $sampling > /dev/null
    else
        "$jdk_bin/jcmd" "$opencps_pid" JFR.stop name="$2" filename="$work/$2.jfr" > /dev/null
    fi
}
summaries=()

if [[ "$ipp" == yes ]]; then
    uri="$(opencps_secret_queue_url)" || die "could not get a secret queue URL from OpenCPS's API (above)"
    print_jobs() {  # COUNT
        ipptool -q -i 0.000001 -n "$1" -f "$work/page.pdf" -d filetype=application/pdf "$uri" print-job.test \
            || die "ipptool failed: a job was refused"
    }
    (( warmup == 0 )) || { say "IPP: $warmup warm-up jobs"; print_jobs "$warmup"; }
    for (( round = 1; round <= rounds; round++ )); do
        say "IPP: $count measured jobs, one client, round $round of $rounds ($(uptime | sed 's/.*load/load/'))"
        (( round < rounds )) || recording start opencps-ipp
        start=$(now); cpu_snapshot "$work/ipp-before"
        print_jobs "$count"
        cpu_snapshot "$work/ipp-after"; seconds=$(elapsed "$start" "$(now)")
        (( round < rounds )) || recording stop opencps-ipp
        echo "IPP jobs, round $round, took $seconds s wall (for information)"
        "$java_bin" -cp "$work/classes" ProcessCpu report "$work/ipp-before" "$work/ipp-after" "$count" \
            "IPP Print-Job requests, round $round" job > "$work/ipp-results"
        head -n -1 "$work/ipp-results"
        tail -n 1 "$work/ipp-results" >> "$work/ipp-rounds"
    done
    held=$(opencps_held_jobs) || die "could not list the person's jobs through the API"
    (( held == warmup + rounds * count )) || die "OpenCPS holds $held jobs of the person, expected $(( warmup + rounds * count ))"
    [[ "$jfr" == no ]] || summaries+=("$work/opencps-ipp.jfr" "one IPP Print-Job")
fi

if [[ "$release" == yes ]]; then
    say "releases: preparing $(( count + warmup )) people and printers ($(uptime | sed 's/.*load/load/'))"
    jfr_args=()
    [[ "$jfr" == no ]] || jfr_args=(--jcmd "$jdk_bin/jcmd" --jfr "$work/opencps-release.jfr" --sampling "$sampling")
    "$java_bin" -cp "$work/classes" ReleaseCpu --url "$opencps_url" --data "$opencps_data" \
        --admin-email "$opencps_admin_email" --admin-password "$opencps_admin_password" --pdf "$work/page.pdf" \
        --count "$count" --warmup "$warmup" --pid "$opencps_pid" --clk-tck "$clk_tck" "${jfr_args[@]}" > "$work/release-results" \
        || die "the release client failed"
    [[ "$jfr" == no ]] || summaries+=("$work/opencps-release.jfr" "one release flow")
fi

for (( i = 0; i < ${#summaries[@]}; i += 2 )); do
    "$java_bin" -cp "$work/classes" JfrWhere "${summaries[i]}" "${summaries[i + 1]}"
done
if [[ "$release" == yes ]]; then
    head -n -2 "$work/release-results"
    grep '^cpu_ms_per_empty_request:' "$work/release-results"
fi
# the round with the least CPU: the JIT compiler had got furthest, and the least else got in the way
[[ "$ipp" == no ]] || sort -t ' ' -k 2 -g "$work/ipp-rounds" | head -n 1
[[ "$release" == no ]] || grep '^cpu_ms_per_release:' "$work/release-results"
