#!/usr/bin/env bash
# Stores and reads back a generated document (1 GiB by default) through OpenCPS's encrypted document
# store (filesystem) in a JVM limited to 256 MiB of heap, and the same data through
# `openssl enc -aes-256-ctr` to the same disk. Prints MB/s each way, the peak heap, and as its last
# line `ratio: X` = OpenCPS write throughput / openssl write throughput (target >= 0.5).
# The first 512 MiB (at most) are a warm-up and not measured: with 1 MiB segments the JIT sees few
# calls of the AES-GCM code, so a freshly started JVM encrypts several times slower until it has
# compiled it (a long-running server is past that; a cold one is not).
#
#   bench/document-stream.sh [size-in-MiB]      (BENCH_DIR=... to choose the disk; default: a temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB="${1:-1024}"
BENCH_DIR="${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/opencps-bench.XXXXXX")}"
trap 'rm -rf "$BENCH_DIR"' EXIT

find_java() {
  for candidate in "${JAVA_HOME:-}/bin/java" $(command -v java || true) /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return; fi
  done
  echo "a JDK 21 or newer is needed" >&2; exit 1
}
JAVA="$(find_java)"

./mvnw -q -B ${MAVEN_ARGS:-} -pl server -DskipTests test-compile
./mvnw -q -B ${MAVEN_ARGS:-} -pl server dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="server/target/test-classes:server/target/classes:$(cat server/target/bench-classpath.txt)"
"$JAVA" -Xmx256m -cp "$CP" org.opencps.documents.DocumentStreamBench "$BENCH_DIR" "$SIZE_MIB" 2>&1 \
  | grep -v -e '^WARNING' -e 'Sharing is only supported'
