#!/usr/bin/env bash
# One, two and three OpenCPS processes behind HAProxy on one PostgreSQL, with the same client load,
# in one run: the release burst of bench/release-latency.sh (N printers at once each log a person in
# by PIN, list the held jobs, release one and read its document; bench/release/ReleaseLatency.java)
# sent through the proxy. For each process count, a fresh database and data folder.
# Prints, per process count, the burst's p99 and throughput (N releases / the slowest release's
# time, all having started together), then "ratio: X" = throughput with two / with one (and
# "ratio_three: X" = three / one). On one machine the processes share its cores: the ratio shows the
# cost of coordinating through the database, not more capacity (issue 19's target: at least 0.8).
# The processes share one data folder, so the filesystem document store stands in for the S3 bucket
# a real region uses (docs/operations/scale-out.md).
#
# Usage: bench/cluster.sh [-n DEVICES] [-w WARMUP] [-p "1 2 3"] [--keep]
#   -n DEVICES   printers (and people) releasing at once (default 16)
#   -w WARMUP    releases one after another before the burst (default 10)
#   -p COUNTS    the process counts to compare, the first being the baseline (default "1 2 3")
#   --keep       keep the work folder (logs) for a look afterwards
# Needs root (PostgreSQL runs as postgres), haproxy, a JDK 21+, curl and python3.
set -euo pipefail

devices=16
warmup=10
counts="1 2 3"
keep=no
while (( $# > 0 )); do
    case "$1" in
        -n) devices="${2:?-n needs a number}"; shift 2 ;;
        -w) warmup="${2:?-w needs a number}"; shift 2 ;;
        -p) counts="${2:?-p needs process counts}"; shift 2 ;;
        --keep) keep=yes; shift ;;
        -h|--help) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$devices" =~ ^[1-9][0-9]*$ && "$warmup" =~ ^[0-9]+$ && "$counts" =~ ^[1-9]( [1-9])*$ ]] \
    || { echo "-n takes a number of at least 1, -w a number, -p counts such as \"1 2 3\"" >&2; exit 2; }

root="$(cd "$(dirname "$0")/.." && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=bench/lib/peers.sh
source "$here/lib/peers.sh"
# shellcheck source=bench/lib/opencps.sh
source "$here/lib/opencps.sh"
# shellcheck source=bench/lib/postgres.sh
source "$here/lib/postgres.sh"

require_tools curl python3 haproxy
java_bin="$(find_java21)" || die "no JDK 21 or newer in JAVA_HOME or /usr/lib/jvm"

work="$(mktemp -d /tmp/opencps-cluster-bench-XXXXXX)"
chmod 755 "$work"
pids=()
haproxy_pid=""
stop_cluster() {
    local pid
    [[ -z "$haproxy_pid" ]] || { kill "$haproxy_pid" 2> /dev/null || true; wait "$haproxy_pid" 2> /dev/null || true; }
    haproxy_pid=""
    for pid in "${pids[@]}"; do
        stop_group "$pid" "OpenCPS"
    done
    pids=()
}
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_cluster
    stop_postgres
    if [[ "$keep" == yes ]]; then say "kept $work"; else rm -rf "$work"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

jar="$(opencps_fresh_jar "$root")"
"$(dirname "$java_bin")/javac" -d "$work/classes" "$here"/release/*.java || die "could not compile the bench client"
write_one_page_pdf "$work/page.pdf"
start_postgres "$work/postgres" || die "no PostgreSQL"

admin_email="bench-admin@example.org"
admin_password="Bench-$(python3 -c 'import secrets; print(secrets.token_hex(12))')"

# Starts process $2 of configuration $1 on its own port; the first one creates the administrator.
start_process() {
    local config="$1" n="$2" port i
    port=$(free_port)
    (
        export SPRING_DATASOURCE_URL="$postgres_jdbc_url"_"$config" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=
        export OPENCPS_DATA_DIR="$work/c$config/data" SERVER_PORT="$port" SERVER_ADDRESS=127.0.0.1
        export SERVER_FORWARD_HEADERS_STRATEGY=native OPENCPS_PUBLIC_URL="$proxy_url"
        # the setup signs in N+2 people from this one address
        export OPENCPS_SECURITY_LOGIN_ATTEMPTS_PER_SOURCE_PER_MINUTE=100000
        if (( n == 1 )); then
            export OPENCPS_BOOTSTRAP_ADMIN_EMAIL="$admin_email" OPENCPS_BOOTSTRAP_ADMIN_PASSWORD="$admin_password"
        fi
        exec setsid "$java_bin" -Xmx256m -jar "$jar" > "$work/c$config/process$n.log" 2>&1
    ) &
    pids+=($!)
    for (( i = 0; i < 3000; i++ )); do
        kill -0 "${pids[-1]}" 2> /dev/null || { tail -n 30 "$work/c$config/process$n.log" >&2; die "process $n exited at start"; }
        curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health" 2> /dev/null && { ports+=("$port"); return 0; }
        sleep 0.1
    done
    die "process $n did not answer within 300 s"
}

# One configuration: $1 processes behind HAProxy, the burst through it; prints "p99 throughput".
measure() {
    local count="$1" n
    mkdir -p "$work/c$count/data"
    runuser -u postgres -- "$postgres_bin/createdb" -h 127.0.0.1 -p "$postgres_port" -U postgres "opencps_$count"
    local proxy_port
    proxy_port=$(free_port)
    proxy_url="http://127.0.0.1:$proxy_port"
    ports=()
    say "$count process(es): starting ($(uptime | sed 's/.*load/load/'))"
    for (( n = 1; n <= count; n++ )); do
        start_process "$count" "$n"
    done
    {
        printf 'global\n    maxconn 4096\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 120s\n'
        printf '    timeout server 120s\nfrontend opencps\n    bind 127.0.0.1:%s\n    option forwardfor\n' "$proxy_port"
        printf '    default_backend servers\nbackend servers\n    balance roundrobin\n    option httpchk GET /actuator/health\n'
        for (( n = 0; n < count; n++ )); do
            printf '    server p%s 127.0.0.1:%s check inter 1s fall 2 rise 1\n' "$n" "${ports[$n]}"
        done
    } > "$work/c$count/haproxy.cfg"
    haproxy -db -f "$work/c$count/haproxy.cfg" > "$work/c$count/haproxy.log" 2>&1 &
    haproxy_pid=$!
    for (( n = 0; n < 100; n++ )); do
        curl -fsS -o /dev/null "$proxy_url/actuator/health" 2> /dev/null && break
        sleep 0.1
    done
    say "$count process(es): $devices printers release at once through HAProxy"
    "$java_bin" -cp "$work/classes" ReleaseLatency --url "$proxy_url" --data "$work/c$count/data" \
        --admin-email "$admin_email" --admin-password "$admin_password" --pdf "$work/page.pdf" \
        --devices "$devices" --warmup "$warmup" --spread-ms 0 --sweep-seconds 0 > "$work/c$count/results" \
        || die "the load failed with $count process(es); see $work/c$count (use --keep)"
    stop_cluster
    python3 - "$work/c$count/results" "$devices" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
p99 = float(re.search(r"^p99_ms: ([\d.]+)", text, re.M).group(1))
slowest = float(re.search(r"^max_ms: ([\d.]+)", text, re.M).group(1))
print(f"{p99:.1f} {int(sys.argv[2]) / (slowest / 1000):.1f}")
PY
}

declare -A throughput
for count in $counts; do
    measure "$count" > "$work/c$count.summary"
    read -r p99 rate < "$work/c$count.summary"
    throughput[$count]="$rate"
    echo "processes: $count  throughput: $rate releases/s  p99: $p99 ms"
done
base="${counts%% *}"
for count in $counts; do
    [[ "$count" == "$base" ]] && continue
    ratio=$(awk -v a="${throughput[$count]}" -v b="${throughput[$base]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    case "$count" in
        2) echo "ratio: $ratio" ;;
        3) echo "ratio_three: $ratio" ;;
        *) echo "ratio_$count: $ratio" ;;
    esac
done
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"
