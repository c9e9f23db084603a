#!/usr/bin/env bash
# Scan delivery to a cloud drive, end to end, against curl (issue 12).
#
# Starts a stand-in for Google Drive on 127.0.0.1 (bench/lib/fake-drive.py: the OAuth token endpoint
# and Drive's resumable upload protocol, the bytes counted and thrown away) and OpenCPS (-Xmx256m,
# embedded defaults, a fresh data folder, its Google endpoints pointed at the stand-in). Through the
# REST API it creates a customer and its administrator, links that person's Google Drive (the OAuth
# flow: POST /api/v1/me/cloud-accounts/drive/link, then the provider's redirect to
# /cloud-accounts/callback), registers a printer with an activation code and logs the person in at
# it by PIN (Device API). Then one scan of SIZE MiB (a one-page PDF holding one uncompressed image)
# is uploaded through the Device API with to=drive and polled until its state is DELIVERED; the
# time runs from the upload's first byte to the poll that sees DELIVERED (so it includes the
# delivery worker's wait for its next round, opencps.scanning.delivery-interval, 2 s by default).
# A scan of a tenth of the size (at most 64 MiB) goes first as warm-up and is not measured. Then
# curl uploads the same file to the same stand-in with the same protocol (initiate, one PUT).
# The stand-in must have received every byte of both.
#
# Prints both throughputs (MB/s, 10^6 bytes), when OpenCPS accepted the upload, opened the Drive
# session and sent the last byte (from the stand-in's clock, the same machine's) and recorded the
# scan delivered (its finishedAt), the largest heap in use that a GC saw (from -Xlog:gc), and last `ratio: X` (OpenCPS / curl; target >= 0.5).
#
# Usage: bench/scan-delivery.sh [SIZE_MIB] [--keep]     (default 500 MiB; --keep keeps the work folder)
# BENCH_JAVA_OPTS adds JVM options for OpenCPS (after -Xmx256m). Needs a JDK 21+, curl and python3.
set -euo pipefail

size_mib=500
keep=no
while (( $# > 0 )); do
    case "$1" in
        --keep) keep=yes; shift ;;
        -h|--help) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) [[ "$1" =~ ^[1-9][0-9]*$ ]] || { echo "unknown argument: $1 (see --help)" >&2; exit 2; }
           size_mib="$1"; shift ;;
    esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=bench/lib/peers.sh
source "$here/lib/peers.sh"
# shellcheck source=bench/lib/opencps.sh
source "$here/lib/opencps.sh"

require_tools curl python3
java_bin="$(find_java21)" || die "no JDK 21 or newer in JAVA_HOME or /usr/lib/jvm"

work="$(mktemp -d /tmp/opencps-bench-XXXXXX)"
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_group "${opencps_pid:-}" "OpenCPS"
    stop_group "${drive_pid:-}" "the Drive stand-in"
    if [[ "$keep" == yes ]]; then say "kept $work"; else rm -rf "$work"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

jar="$(opencps_fresh_jar "$root")"

# A one-page PDF whose page shows one uncompressed RGB image of about MiB mebibytes (random pixels:
# a scan that does not compress), with a correct cross-reference table.
write_scan_pdf() {
    python3 - "$1" "$2" <<'PY'
import os, sys
path, mib = sys.argv[1], int(sys.argv[2])
width = 4096
height = max(1, mib * 1024 * 1024 // (width * 3))
content = b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % (595, 842)
heads = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
]
with open(path, "wb") as out:
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(heads, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    offsets.append(out.tell())
    left = width * height * 3
    out.write(b"5 0 obj\n<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB"
              b" /BitsPerComponent 8 /Length %d >>\nstream\n" % (width, height, left))
    while left > 0:
        piece = os.urandom(min(left, 8 * 1024 * 1024))
        out.write(piece)
        left -= len(piece)
    out.write(b"\nendstream\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
PY
}

warmup_mib=$(( size_mib / 10 < 64 ? size_mib / 10 : 64 ))
(( warmup_mib >= 1 )) || warmup_mib=1
say "writing a $size_mib MiB and a $warmup_mib MiB scan"
write_scan_pdf "$work/scan.pdf" "$size_mib"
write_scan_pdf "$work/warmup.pdf" "$warmup_mib"
scan_bytes=$(stat -c %s "$work/scan.pdf")

# The stand-in for Google, in its own process group.
( exec setsid python3 "$here/lib/fake-drive.py" "$work/drive.port" "$work/drive.done" 2> "$work/drive.log" ) &
drive_pid=$!
for (( i = 0; i < 100; i++ )); do
    [[ -s "$work/drive.port" ]] && break
    kill -0 "$drive_pid" 2> /dev/null || die "the Drive stand-in exited: $(cat "$work/drive.log")"
    sleep 0.1
done
[[ -s "$work/drive.port" ]] || die "the Drive stand-in did not start within 10 s"
drive="http://127.0.0.1:$(cat "$work/drive.port")"

google="-Dopencps.scanning.cloud.google"
export BENCH_JAVA_OPTS="-Xmx256m -Xlog:gc:file=$work/gc.log $google.client-id=bench-client \
$google.authorize-uri=$drive/authorize $google.token-uri=$drive/token $google.revoke-uri=$drive/revoke \
$google.api-base=$drive $google.upload-base=$drive ${BENCH_JAVA_OPTS:-}"
say "starting OpenCPS (-Xmx256m; $(uptime | sed 's/.*load/load/'))"
start_opencps "$java_bin" "$jar" "$work/opencps"

# The customer's administrator scans: a linked Drive, a printer, a PIN session at it.
user="$work/user.cookies"
opencps_customer_admin || die "could not create the customer and its administrator"
answer=$(api "$user" POST /api/v1/me/cloud-accounts/drive/link) || die "could not begin linking Google Drive"
state=$(json_field authorizationUrl <<< "$answer" | python3 -c '
import sys, urllib.parse
state = urllib.parse.parse_qs(urllib.parse.urlsplit(sys.stdin.read().strip()).query)["state"][0]
print(urllib.parse.quote(state, safe=""))')
curl -sS -o /dev/null -b "$user" -c "$user" "$opencps_url/cloud-accounts/callback?state=$state&code=bench-code" \
    || die "the callback of the link failed"
answer=$(api "$user" GET /api/v1/me/cloud-accounts) || die "could not list the linked accounts"
[[ "$answer" == *'"DRIVE"'* ]] || die "Google Drive is not linked after the callback: $answer"
answer=$(api "$user" POST "/api/v1/organizations/$opencps_org/devices/activation-codes") || die "no activation code"
code=$(json_field code <<< "$answer")
answer=$(api "$work/none.cookies" POST /api/device/v1/registrations \
    "{\"activationCode\":\"$code\",\"kind\":\"PRINTER\",\"name\":\"Bench scanner\"}") || die "the printer did not register"
device=$(json_field deviceId <<< "$answer")
credential=$(json_field credential <<< "$answer")
pin=$(api "$user" GET /api/v1/me/pin | json_field pin) || die "no PIN"
device_api="$opencps_url/api/device/v1/devices/$device"
session=$(curl -fsS -H "Authorization: Bearer $credential" -H 'Content-Type: application/json' \
    --data "{\"method\":\"PIN\",\"pin\":\"$pin\"}" "$device_api/sessions" | json_field session) \
    || die "the PIN login at the printer failed"

# scan FILE: uploads it to Drive through OpenCPS and waits until it is delivered; prints
# "SECONDS_TOTAL SECONDS_TO_ACCEPT START FINISHED_AT" (FINISHED_AT: the scan's finishedAt, as epoch seconds).
scan() {
    local start accepted state id polls=0 before slowest_ms=0
    start=$(now)
    id=$(curl -fsS -H "Authorization: Bearer $credential" -H "X-OpenCPS-Session: $session" \
        -H 'Content-Type: application/pdf' -H 'Expect:' -X POST -T "$1" "$device_api/sessions/current/scans?to=drive" \
        | json_field id) || die "the scan upload was refused"
    accepted=$(now)
    while true; do
        before=$(date +%s%N)
        answer=$(curl -fsS -H "Authorization: Bearer $credential" -H "X-OpenCPS-Session: $session" \
            "$device_api/sessions/current/scans/$id") || die "polling the scan failed"
        # read with sed: a python3 per poll costs a loaded machine more than the request itself
        state=$(sed -n 's/.*"state":"\([A-Z_]*\)".*/\1/p' <<< "$answer")
        [[ -n "$state" ]] || die "no state in the poll's answer: $answer"
        polls=$(( polls + 1 ))
        (( slowest_ms >= ($(date +%s%N) - before) / 1000000 )) || slowest_ms=$(( ($(date +%s%N) - before) / 1000000 ))
        [[ "$state" != DELIVERED ]] || break
        [[ "$state" != FAILED ]] || die "the scan's delivery failed: $answer"
        sleep 0.05
    done
    say "$polls polls of the scan's state, the slowest took $slowest_ms ms"
    echo "$(elapsed "$start" "$(now)") $(elapsed "$start" "$accepted") $start $(python3 -c '
import datetime, json, sys
print(datetime.datetime.fromisoformat(json.load(sys.stdin)["finishedAt"].replace("Z", "+00:00")).timestamp())' <<< "$answer")"
}

mb() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? b / 1e6 / s : 0) }'; }

say "warm-up: a $warmup_mib MiB scan"
scan "$work/warmup.pdf" > /dev/null
say "OpenCPS: the $size_mib MiB scan"
result=$(scan "$work/scan.pdf")
read -r opencps_seconds accept_seconds opencps_start opencps_finished <<< "$result"

say "curl: the same file"
start=$(now)
location=$(curl -fsS -D - -o /dev/null -X POST -H 'Authorization: Bearer bench-access' \
    -H 'Content-Type: application/json; charset=UTF-8' -H 'X-Upload-Content-Type: application/pdf' \
    -H "X-Upload-Content-Length: $scan_bytes" --data '{"name":"curl.pdf"}' \
    "$drive/upload/drive/v3/files?uploadType=resumable" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
[[ -n "$location" ]] || die "the stand-in opened no upload session for curl"
curl -fsS -o /dev/null -X PUT -H 'Authorization: Bearer bench-access' -H 'Content-Type: application/pdf' -H 'Expect:' \
    -H "Content-Range: bytes 0-$(( scan_bytes - 1 ))/$scan_bytes" -T "$work/scan.pdf" "$location" \
    || die "curl's upload failed"
curl_seconds=$(elapsed "$start" "$(now)")

# The stand-in must hold every byte of the measured scan (OpenCPS) and of curl's upload.
# Its line for the scan: "id bytes begun finished name" (begun: when OpenCPS opened the Drive session).
delivered=$(grep -E "^[0-9]+ $scan_bytes [0-9.]+ [0-9.]+ .*\.pdf$" "$work/drive.done" | grep -v ' curl\.pdf$' | tail -n 1) \
    || die "the stand-in did not receive all $scan_bytes bytes from OpenCPS: $(cat "$work/drive.done")"
grep -qE "^[0-9]+ $scan_bytes [0-9.]+ [0-9.]+ curl\.pdf$" "$work/drive.done" \
    || die "the stand-in did not receive all $scan_bytes bytes from curl: $(cat "$work/drive.done")"
read -r _ _ drive_begun drive_finished _ <<< "$delivered"

peak=$(python3 - "$work/gc.log" <<'PY'
import re, sys
sizes = [int(m) for m in re.findall(r" (\d+)M->\d+M\(\d+M\)", open(sys.argv[1]).read())]
print(max(sizes) if sizes else "unknown")
PY
)
echo "scan: $size_mib MiB ($scan_bytes bytes), one PDF page"
echo "opencps: $opencps_seconds s end to end ($(mb "$scan_bytes" "$opencps_seconds") MB/s): upload accepted after" \
     "$accept_seconds s; Drive session opened at $(elapsed "$opencps_start" "$drive_begun") s, last byte at" \
     "$(elapsed "$opencps_start" "$drive_finished") s (Drive upload alone: $(mb "$scan_bytes" "$(elapsed "$drive_begun" "$drive_finished")") MB/s)," \
     "recorded delivered (finishedAt) at $(elapsed "$opencps_start" "$opencps_finished") s"
echo "curl: $curl_seconds s ($(mb "$scan_bytes" "$curl_seconds") MB/s)"
echo "opencps heap: -Xmx256m, at most $peak MiB in use when a GC ran"
awk -v a="$opencps_seconds" -v b="$curl_seconds" 'BEGIN { printf "ratio: %.2f\n", (a > 0 ? b / a : 0) }'
