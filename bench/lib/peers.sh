# Helpers for the bench scripts: time, ports, a JDK, a test PDF, and a private cupsd (shared/PEERS.md).
# Sourced, not run. Daemons run in their own process group so that stopping one stops its children.

say() { echo "[bench] $*" >&2; }
die() { echo "[bench] error: $*" >&2; exit 1; }

# Stops the bench unless every named command is installed (each is also its Debian package's name).
require_tools() {
    local tool
    for tool in "$@"; do
        command -v "$tool" > /dev/null || die "$tool is missing: install it (Debian package $tool)"
    done
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }'; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The java of a JDK 21 or newer: JAVA_HOME first, then /usr/lib/jvm (our machines default to 17).
find_java21() {
    local home major
    for home in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*; do
        [[ -x "$home/bin/java" && -r "$home/release" ]] || continue
        major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
        if [[ -n "$major" && "$major" -ge 21 ]]; then
            echo "$home/bin/java"
            return 0
        fi
    done
    return 1
}

# A one-page A4 PDF with one line of text, written without any PDF library.
write_one_page_pdf() {
    python3 - "$1" <<'PY'
import sys
text = b"BT /F1 24 Tf 72 720 Td (OpenCPS benchmark page) Tj ET"
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
    b" /Resources << /Font << /F1 5 0 R >> >> >>",
    b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]
out = bytearray(b"%PDF-1.4\n")
offsets = []
for number, body in enumerate(objects, start=1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(sys.argv[1], "wb").write(out)
PY
}

# Stops a daemon started with setsid (its pid is its process group): TERM, up to 10 s, then KILL.
stop_group() {
    local pid="$1" name="$2" i
    [[ -n "$pid" ]] && kill -0 "$pid" 2> /dev/null || return 0
    kill -TERM -- "-$pid" 2> /dev/null || true
    for (( i = 0; i < 100; i++ )); do
        kill -0 "$pid" 2> /dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2> /dev/null; then
        echo "[bench] $name did not stop within 10 s; killing it" >&2
        kill -KILL -- "-$pid" 2> /dev/null || true
    fi
    wait "$pid" 2> /dev/null || true
}

# How many Print-Job requests cupsd has accepted so far (from its access log).
cups_jobs_received() {
    grep -c ' Print-Job successful-ok$' "$cups_dir/log/access_log" || true
}

# Starts cupsd with everything under $1, listening on 127.0.0.1:$cups_port, with a raw queue
# "nullraw" to file:/dev/null. Sets cups_dir, cups_port and cupsd_pid, and exports CUPS_SERVER.
# With $2 = sync, cups-files.conf says "SyncOnClose Yes": cupsd then fsyncs the configuration and
# state files it writes (cups-files.conf(5); not the spooled request, as strace shows).
start_cupsd() {
    local dir="$1" sync="${2:-}" i
    cups_dir="$dir"
    mkdir -p "$dir"/{etc,spool/tmp,cache,state,log}
    chown lp:lp "$dir"/{spool,spool/tmp,cache,state}
    cups_port=$(free_port)
    cat > "$dir/etc/cupsd.conf" <<CONF
Listen 127.0.0.1:$cups_port
Browsing No
BrowseLocalProtocols none
DefaultAuthType None
WebInterface No
MaxJobs 0
PreserveJobHistory No
PreserveJobFiles No
LogLevel warn
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
    cat > "$dir/etc/cups-files.conf" <<CONF
User lp
Group lp
SystemGroup root lpadmin
FileDevice Yes
ServerRoot $dir/etc
ServerKeychain $dir/etc/ssl
RequestRoot $dir/spool
TempDir $dir/spool/tmp
CacheDir $dir/cache
StateDir $dir/state
Printcap $dir/state/printcap
AccessLog $dir/log/access_log
ErrorLog $dir/log/error_log
PageLog $dir/log/page_log
CONF
    [[ "$sync" != sync ]] || echo "SyncOnClose Yes" >> "$dir/etc/cups-files.conf"
    setsid cupsd -f -c "$dir/etc/cupsd.conf" -s "$dir/etc/cups-files.conf" > "$dir/log/cupsd.out" 2>&1 &
    cupsd_pid=$!
    export CUPS_SERVER="127.0.0.1:$cups_port"
    for (( i = 0; i < 200; i++ )); do
        kill -0 "$cupsd_pid" 2> /dev/null || { cat "$dir/log/cupsd.out" >&2; die "cupsd exited at start"; }
        [[ "$(lpstat -r 2> /dev/null)" == "scheduler is running" ]] && break
        sleep 0.1
    done
    [[ "$(lpstat -r 2> /dev/null)" == "scheduler is running" ]] || die "cupsd did not answer within 20 s"
    local out
    out=$(lpadmin -p nullraw -E -v file:/dev/null -m raw 2>&1) || die "lpadmin could not add the raw queue: $out"
}

# Waits (at most $1 seconds) until cupsd has no pending or processing job.
await_cups_idle() {
    local deadline=$(( SECONDS + $1 ))
    while [[ -n "$(lpstat -o nullraw 2> /dev/null)" ]]; do
        (( SECONDS < deadline )) || die "CUPS still had jobs queued after $1 s"
        sleep 0.05
    done
}
