#!/usr/bin/env bash
# Requests per second for one page served by embedded Jetty 12, without and with ShareFilter,
# measured with wrk on 127.0.0.1 in the same run. Prints the ratio filtered/plain (goal >= 0.95
# with a warm cache). Not a test: a measurement. Needs wrk (apt-get install wrk).
#
#   bench/filter-ratio.sh [page path] [docroot]
#   env: HERALD_OPTS (-Dherald.* settings for the filtered side), DURATION (default 15s), CONNECTIONS (16), ROUNDS (3), PLAIN_PORT, FILTERED_PORT (default: free ports)
# For static pages it also serves the filtered bytes as a plain static file (a "static copy"), splitting
# the ratio into what the larger page costs and what the filter's own work costs.
set -euo pipefail
cd "$(dirname "$0")/.."

PAGE=${1:-/article.html}
DOCROOT=${2:-}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
ROUNDS=${ROUNDS:-3}
PLAIN_PORT=${PLAIN_PORT:-0}
FILTERED_PORT=${FILTERED_PORT:-0}

command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }

mvn -q -o -pl src test-compile
mvn -q -o -pl src dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench-classpath.txt" >/dev/null

LOG=target/bench-server.log
: >"$LOG"
# A copy of the document root, served unfiltered, into which the filtered page is written below.
COPY_ROOT=target/bench-copy-root
rm -rf "$COPY_ROOT" && cp -r "${DOCROOT:-bench/site}" "$COPY_ROOT"
java -Xms256m -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${HERALD_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.herald.bench.FilterBenchServer "${DOCROOT:-bench/site}" "$PLAIN_PORT" "$FILTERED_PORT" "$COPY_ROOT" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -aq READY "$LOG" && break; sleep 0.5; done
grep -a READY "$LOG" || { cat "$LOG"; exit 1; }

READY=$(grep -a READY "$LOG")
PLAIN=$(sed -E 's/.*plain=(http[^ ]*)\/ .*/\1/' <<<"$READY")$PAGE
FILTERED=$(sed -E 's/.*filtered=(http[^ ]*)\/ .*/\1/' <<<"$READY")$PAGE
COPY=$(sed -E 's/.*copy=(http[^ ]*)\/ .*/\1/' <<<"$READY")$PAGE

# Both must serve the page; the filtered one must carry Herald's tags, or the ratio means nothing.
curl -fsS "$PLAIN" -o target/bench-plain.html
curl -fsS "$FILTERED" -o target/bench-filtered.html
grep -q "og:title" target/bench-filtered.html || { echo "filtered page has no og:title" >&2; exit 1; }
echo "page $PAGE: $(wc -c <target/bench-plain.html) bytes plain, $(wc -c <target/bench-filtered.html) bytes filtered"
# The filtered bytes as a static file on the unfiltered side: what the larger page alone costs.
# (A JSP path becomes a static copy only when the copy's name is served as HTML, so static pages only.)
case "$PAGE" in
  *.html|*.htm)
    cp target/bench-filtered.html "$COPY_ROOT$PAGE"
    curl -fsS "$COPY" -o target/bench-copy.html
    cmp -s target/bench-copy.html target/bench-filtered.html || { echo "static copy differs from the filtered page" >&2; exit 1; }
    ;;
  *) COPY= ;;
esac

# One wrk run: prints "req/s cpu-us-per-request", the second from the server process's own CPU time
# (/proc/<pid>/stat utime+stime), which other load on a shared machine disturbs far less than req/s.
TICK=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
run() {
  local before after out reqs
  before=$(cpu)
  out=$(wrk -t1 -c"$CONNECTIONS" -d"$1" "$2")
  after=$(cpu)
  reqs=$(awk '/requests in/ {print $1}' <<<"$out")
  awk -v r="$(awk '/Requests\/sec/ {print $2}' <<<"$out")" -v t=$((after - before)) -v n="$reqs" -v hz="$TICK" \
    'BEGIN {printf "%s %.2f", r, t * 1e6 / hz / n}'
}

echo "warming up (JIT, caches)..."
run 10s "$PLAIN" >/dev/null
run 10s "$FILTERED" >/dev/null
[ -n "$COPY" ] && run 10s "$COPY" >/dev/null

# Alternate the runs so drift on a shared machine hits all alike.
ratios=(); cpus=(); bytes=(); own=()
for round in $(seq 1 "$ROUNDS"); do
  read -r p pc <<<"$(run "$DURATION" "$PLAIN")"
  read -r f fc <<<"$(run "$DURATION" "$FILTERED")"
  r=$(awk -v f="$f" -v p="$p" 'BEGIN {printf "%.3f", f / p}')
  c=$(awk -v f="$fc" -v p="$pc" 'BEGIN {printf "%.3f", p / f}')
  ratios+=("$r"); cpus+=("$c")
  line="round $round: plain $p req/s ($pc us CPU/req), filtered $f req/s ($fc us CPU/req); req/s ratio $r, CPU ratio $c"
  if [ -n "$COPY" ]; then
    read -r s sc <<<"$(run "$DURATION" "$COPY")"
    b=$(awk -v s="$s" -v p="$p" 'BEGIN {printf "%.3f", s / p}')
    o=$(awk -v f="$f" -v s="$s" 'BEGIN {printf "%.3f", f / s}')
    bytes+=("$b"); own+=("$o")
    line="$line; static copy $s req/s ($sc us CPU/req): copy/plain $b, filtered/copy $o"
  fi
  echo "$line"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median req/s ratio filtered/plain: $(median "${ratios[@]}") (of $ROUNDS rounds)"
echo "median CPU-per-request ratio plain/filtered: $(median "${cpus[@]}") (server CPU only; robust to other load)"
if [ -n "$COPY" ]; then
  echo "median req/s ratio static copy/plain: $(median "${bytes[@]}") (what the added bytes alone cost)"
  echo "median req/s ratio filtered/static copy: $(median "${own[@]}") (what the filter's own work costs)"
fi
