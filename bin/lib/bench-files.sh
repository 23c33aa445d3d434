#!/usr/bin/env bash
# Cold-process benchmark on result files perfgate did not write (issue 21), sourced by bin/bench.
# For each shape: `wc -l` on the cached file beside a cold `perfgate report` process (JVM start included, the way
# users run it: bin/perfgate, -Xmx64m), each run ROUNDS times, medians shown; wall, CPU (user + sys), peak RSS and
# CPU per MB (of uncompressed data). Then the figures of the issue against their targets.
# Environment: PERFGATE_BENCH_SAMPLES (default 5000000 per shape; XML gets 2/5 of it),
# PERFGATE_BENCH_ROUNDS (default 3), PERFGATE_BENCH_DIR (keep the files there and reuse them; default a temp dir).
set -euo pipefail

bench_files() {
  local samples=${PERFGATE_BENCH_SAMPLES:-5000000}
  local rounds=${PERFGATE_BENCH_ROUNDS:-3}
  local dir=${PERFGATE_BENCH_DIR:-}
  local keep=1
  if [ -z "$dir" ]; then
    dir=$(mktemp -d /tmp/perfgate-bench-files.XXXXXX)
    keep=0
  fi
  mkdir -p "$dir"
  local cp="$ROOT/target/perfgate-cli.jar:$ROOT/target/perfgate-bench.jar"
  local other=$((samples * 2 / 5))
  echo "== cold 'perfgate report' per file vs 'wc -l' on the same cached file (medians of $rounds, -Xmx64m, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
  local shape n f
  # the same samples in every shape (a JIT warm-up of a few tenths of a CPU second weighs less per MB in larger
  # files), except XML: its bytes per sample are 3x the CSV's
  for spec in "default:$samples:csv" "long-urls:$samples:csv" "labels-2000:$samples:csv" "failing:$samples:csv" \
      "xml:$other:xml" "gzip:$samples:csv.gz"; do
    IFS=: read -r shape n ext <<<"$spec"
    f="$dir/$shape-$n.$ext"
    [ -s "$f" ] || java -cp "$cp" io.jenkins.plugins.perfgate.cli.ForeignJtl "$shape" "$n" "$f" >/dev/null
  done
  f="$dir/real-jmeter.csv"
  if [ ! -s "$f" ]; then
    # real JMeter 5.6.3 output (perfgate demo: 2 generators, 10 s against the demo application), its rows
    # repeated to the samples of the other shapes
    rm -rf "$dir/demo"
    PERFGATE_JAVA_OPTS=-Xmx256m timeout 180 "$ROOT/bin/perfgate" demo --duration 10 --threads 16 --quiet \
      --out "$dir/demo" >"$dir/demo.log" 2>&1 || { echo "perfgate demo failed, see $dir/demo.log" >&2; return 1; }
    local jtl="$dir/demo/generators/gen-1/results.jtl"
    awk -v n="$samples" 'NR == 1 { print; next } { row[k++] = $0 } END { for (i = 0; i < n; i++) print row[i % k] }' \
      "$jtl" >"$f"
  fi
  local start startCpu
  start=$(measure_cmd "$rounds" "$ROOT/bin/perfgate" --version)
  startCpu=$(echo "$start" | cut -d' ' -f2)
  echo "$start" | awk '{printf "JVM start (perfgate --version): %.3f s wall, %.3f s CPU, %d MiB RSS\n", $1, $2, $3 / 1024}'
  # where the default file's reading starts: the phase trace's marks (ms since JVM start, and the main thread's CPU)
  local r marks m
  marks=$(for r in $(seq "$rounds"); do
    PERFGATE_JAVA_OPTS="-Xmx64m -Dperfgate.trace=true" "$ROOT/bin/perfgate" report "$(ls "$dir"/default-*.csv)" \
      2>&1 >/dev/null | awk '$5 == "main" && ($9 == "main" || $9 == "report" || $9 == "csv" || ($9 == "all" && $10 == "parts") ||
        ($9 == "file" && $10 == "read:")) {
        printf "%s %s ", $3, $7 }
        END { print "" }' || true
  done)
  mapfile -t m < <(echo "$marks" | column_medians 12)
  printf "start of the default file's reading (trace, medians; ms since JVM start / main thread's CPU ms):\n"
  printf "  main() %s / %s, report command %s / %s, parts cut %s / %s (docs/performance.md, the jar's entries)\n" \
    "${m[@]:0:6}"
  # and its end: from the last part read to the table printed (serial: the merge, the freeze, the table)
  printf "  all parts read %s / %s, table printed %s / %s (docs/performance.md, classes made at run time)\n" \
    "${m[@]:6:2}" "${m[@]:10:2}"
  WARM_ALL_CORES="" WARM_ONE_THREAD=""
  # the warm reads are timed from the report command (or the file before) to the file's "file read:" mark
  warm_floor "$dir" "$rounds" "${m[2]}" "${m[8]}" "${m[10]}"
  echo "CPU ms/MB: the process's CPU less the JVM start's, per MB of (uncompressed) data"
  printf '%-16s %9s %8s %8s %8s %7s %8s %9s %8s %8s\n' shape samples MB "wc -l s" "wall s" "x wc" "CPU s" \
    "CPU ms/MB" "RSS MiB" "MB/s"
  local results=()
  for f in "$dir"/default-*.csv "$dir"/long-urls-*.csv "$dir"/labels-2000-*.csv "$dir"/failing-*.csv \
      "$dir"/real-jmeter.csv "$dir"/xml-*.xml "$dir"/gzip-*.csv.gz; do
    results+=("$(measure_file "$f" "$rounds" "")")
    echo "${results[-1]}" | format_row "$startCpu"
  done
  # the second thread: the default file read by one thread
  local one
  one=$(measure_file "$(ls "$dir"/default-*.csv)" "$rounds" "--threads 1")
  echo "$one" | sed 's/^default/default,1-thread/' | format_row "$startCpu"
  # the gzip file parsed in parts with two threads, which perfgate does from three on (docs/performance.md, gzip)
  measure_file "$(ls "$dir"/gzip-*.csv.gz)" "$rounds" "" "-Dperfgate.gzipPartsMinThreads=2" \
    | sed 's/^gzip/gzip,2-thr-parts/' | format_row "$startCpu"
  # gzip's share that no parsing can cut: inflating the file alone, one thread as perfgate's inflating is, with
  # zlib (the library the JDK's Inflater wraps; GNU gzip's own inflate is twice as slow), from python3
  local gz inflate
  gz=$(ls "$dir"/gzip-*.csv.gz)
  if command -v python3 >/dev/null; then
    inflate=$(measure_cmd "$rounds" python3 -c 'import sys, zlib
d = zlib.decompressobj(47)
with open(sys.argv[1], "rb") as f:
    for b in iter(lambda: f.read(1 << 16), b""):
        while b:
            d.decompress(b, 1 << 17)
            b = d.unconsumed_tail' "$gz" | cut -d' ' -f2)
    printf '%s\n' "${results[@]}" | awk -v inflate="$inflate" -v start="$startCpu" '$1 == "gzip" && $3 > 0 {
      printf "gzip: zlib inflating alone %.3f s CPU, %.2f ms/MB; the gzip shape less it %.2f ms/MB\n", inflate,
        1000 * inflate / $3, 1000 * ($6 - start - inflate) / $3 }'
  fi
  # this machine's second core for a job that reads cached bytes and computes on them, beside perfgate's
  local cores
  cores=$(machine_cores "$gz" "$rounds")
  echo "$cores" | awk '{ printf "this machine'"'"'s cores: sha256sum of the gzip file %.3f s, two at once %.3f s: two cores do %.2fx the work of one\n", $1, $2, 2 * $1 / $2 }'
  printf '%s\n' "${results[@]}" | awk -v one="$one" -v start="$startCpu" -v inflate="${inflate:-}" \
      -v warmAll="$WARM_ALL_CORES" -v warmOne="$WARM_ONE_THREAD" -v cores="$cores" '
    BEGIN { split(one, o, " ") }
    $2 == "FAILED" { failed = failed " " $1; next }
    { mb = $3; cpu = $6; per = 1000 * (cpu - start) / mb; if (min == "" || per < min) { min = per; minName = $1 }
      if (per > max) { max = per; maxName = $1 }
      if ($1 == "default") { wall = $5; wc = $4; dmb = mb; dper = per }
      if ($1 == "labels-2000") { lper = per }
      if ($1 == "gzip") { gmb = mb } else if (per > maxPlain) { maxPlain = per; maxPlainName = $1 } }
    END {
      if (failed != "") printf "FAILED (no summary at -Xmx64m, see perfgate report on the file):%s\n", failed
      printf "issue 21 targets (5M-sample default CSV; the lead measures them on a quiet machine):\n"
      printf "  cold wall                %.3f s   target <= 0.8 s   %s\n", wall, (wall <= 0.8 ? "met" : "NOT met")
      printf "  wall / wc -l             %.1fx     target <= 8x      %s\n", wall / wc, (wall / wc <= 8 ? "met" : "NOT met")
      printf "  CPU per MB, worst/best   %.2fx (%s %.2f vs %s %.2f ms/MB)   target <= 1.3x   %s\n", max / min,
        maxName, max, minName, min, (max / min <= 1.3 ? "met" : "NOT met")
      if (inflate != "" && gmb > 0)
        printf "    without gzip %.2fx (%s %.2f ms/MB); gzip can be no better than %.2fx: its inflating alone is %.2f ms/MB\n",
          maxPlain / min, maxPlainName, maxPlain, (min + 1000 * inflate / gmb) / min, 1000 * inflate / gmb
      printf "  second thread            %.2fx (1 thread %.3f s, all cores %.3f s)   target >= 1.7x   %s\n",
        o[5] / wall, o[5], wall, (o[5] / wall >= 1.7 ? "met" : "NOT met")
      split(cores, c, " ")
      if (warmAll > 0 && warmOne > 0 && c[2] > 0)
        printf "    compiled code (the 3rd read in one process) %.2fx (%.0f vs %.0f ms); this machine'"'"'s second core %.2fx (sha256sum)\n",
          warmOne / warmAll, warmOne, warmAll, 2 * c[1] / c[2]
      if (lper != "" && dper > 0) {
        printf "issue 22 target (2,000 labels against the 20 of the default file):\n"
        printf "  CPU per MB, labels-2000/default   %.2fx (%.2f vs %.2f ms/MB)   target <= 1.5x   %s\n", lper / dper,
          lper, dper, (lper / dper <= 1.5 ? "met" : "NOT met")
      }
    }'
  if [ "$keep" = 0 ]; then rm -rf "$dir"; fi
}

# What the JIT's warm-up costs the default file's cold read: one process reads the file three times (links to it),
# and the phase trace times each read (three_reads). The third read runs compiled code from its first row; the
# second pays for what the first file's end and a new file's first rows threw away. With the single run's serial
# phases (JVM start to the report command, the file read to the table printed) that gives the wall time a cold
# process would take if the warm-up cost nothing: how much of the gap to issue 21's 0.8 s the warm-up is, and how
# much the steady speed. The same reads by one thread give the second thread's worth once the code is compiled:
# the third reads' times are left in WARM_ALL_CORES and WARM_ONE_THREAD (ms) for the targets' lines.
warm_floor() {
  local dir=$1 rounds=$2 started=$3 read=$4 printed=$5
  local v one
  mapfile -t v < <(three_reads "$dir" "$rounds" "")
  printf "the default file read three times in one process (trace, medians, ms from the report command or the previous file's end):\n"
  printf "  1st (cold) %s, 2nd %s, 3rd (compiled code from the first row) %s\n" "${v[@]}"
  awk -v started="$started" -v cold="${v[0]}" -v warm="${v[2]}" -v read="$read" -v printed="$printed" 'BEGIN {
    if (warm == "" || cold == "" || started == "") exit
    printf "  a cold process without the warm-up would take about %.3f s (JVM start to report command %.0f ms + a warm read %.0f ms + the end %.0f ms; its read costs %.0f ms more cold)\n",
      (started + warm + printed - read) / 1000, started, warm, printed - read, cold - warm }'
  mapfile -t one < <(three_reads "$dir" "$rounds" "--threads 1")
  printf "  by one thread (--threads 1): 1st %s, 2nd %s, 3rd %s\n" "${one[@]}"
  WARM_ALL_CORES=${v[2]}
  WARM_ONE_THREAD=${one[2]}
}

# The medians of the three reads' times (ms, one a line) of the default file read three times in one process (three
# links to it) with the report options EXTRA: each from the report command's start, or the file before's end, to
# the trace's "file read:" mark of the file (Summarizer: sniffing, cutting, reading and merging its parts).
three_reads() {
  local dir=$1 rounds=$2 extra=$3
  local links r reads
  links=$(mktemp -d /tmp/perfgate-bench-links.XXXXXX)
  for r in 1 2 3; do ln -s "$(ls "$dir"/default-*.csv)" "$links/default-$r.csv"; done
  # shellcheck disable=SC2086
  reads=$(for r in $(seq "$rounds"); do
    PERFGATE_JAVA_OPTS="-Xmx64m -Dperfgate.trace=true" "$ROOT/bin/perfgate" report $extra "$links"/default-{1,2,3}.csv \
      2>&1 >/dev/null | awk '$5 == "main" && $9 == "report" && $10 == "command" { s = $3 }
        $5 == "main" && $9 == "file" && $10 == "read:" { printf "%.1f ", $3 - s; s = $3 } END { print "" }' || true
  done)
  rm -rf "$links"
  echo "$reads" | column_medians 3
}

# "ONE TWO" (s): the wall time of sha256sum on a cached file, one process and two at once: how much a second core
# gives a job that reads cached bytes and computes on them, on this machine (two real, idle cores: about 2x)
machine_cores() {
  local f=$1 rounds=$2 one two
  one=$(measure_cmd "$rounds" sha256sum "$f" | cut -d' ' -f1)
  two=$(measure_cmd "$rounds" bash -c 'sha256sum "$1" >/dev/null & sha256sum "$1" >/dev/null & wait' _ "$f" | cut -d' ' -f1)
  echo "$one $two"
}

# "name samples MB wcWall wall cpu rssKiB" of one file: medians of the rounds (RSS: the largest)
measure_file() {
  local f=$1 rounds=$2 extra=$3 javaOpts=${4:-}
  local name samples mb wc pg
  name=$(basename "$f" | sed -E 's/-[0-9]+\.(csv|xml|csv\.gz)$//; s/\.csv$//')
  cat "$f" >/dev/null
  wc=$(measure_cmd "$rounds" wc -l "$f")
  # shellcheck disable=SC2086
  pg=$(PERFGATE_JAVA_OPTS="-Xmx64m $javaOpts" measure_cmd "$rounds" "$ROOT/bin/perfgate" report $extra "$f")
  samples=$(PERFGATE_JAVA_OPTS=-Xmx64m "$ROOT/bin/perfgate" report "$f" 2>/dev/null | awk '/ samples from / {print $1}')
  # MB of data: a compressed file's uncompressed size
  case "$f" in
    *.gz) mb=$(gzip -dc "$f" | wc -c | awk '{printf "%.1f", $1 / 1e6}') ;;
    *) mb=$(stat -c %s "$f" | awk '{printf "%.1f", $1 / 1e6}') ;;
  esac
  echo "$name ${samples:-FAILED} $mb $(echo "$wc" | cut -d' ' -f1) $pg"
}

# "wall cpu rssKiB" of a command: median wall and CPU of the rounds, largest RSS
measure_cmd() {
  local rounds=$1 i out
  shift
  local t
  t=$(mktemp)
  # wall from bash's microsecond clock (time's %e has 10 ms steps, too coarse for wc -l)
  local t0 t1
  out=$(for ((i = 0; i < rounds; i++)); do
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%U %S %M' -o "$t" "$@" >/dev/null 2>&1 || true
    t1=$EPOCHREALTIME
    echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }') $(tail -1 "$t")"
  done)
  rm -f "$t"
  local wall cpu rss
  wall=$(echo "$out" | awk '{print $1}' | median)
  cpu=$(echo "$out" | awk '{print $2 + $3}' | median)
  rss=$(echo "$out" | awk '$4 > r { r = $4 } END { print r + 0 }')
  echo "$wall $cpu $rss"
}

# the median of the numbers on stdin, one a line (the lower middle one of an even count)
median() {
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# the median of each of the first N columns of stdin's lines (one line a round, values separated by spaces), one a line
column_medians() {
  local rows col
  rows=$(cat)
  for ((col = 1; col <= $1; col++)); do
    echo "$rows" | cut -d' ' -f"$col" | median
  done
}

format_row() {
  awk -v start="$1" '{ printf "%-16s %9s %8.1f %8.4f %8.3f %6.1fx %8.3f %9.2f %8d %8.0f\n", $1, $2, $3, $4, $5,
    $5 / ($4 > 0 ? $4 : 0.001), $6, 1000 * ($6 - start) / $3, $7 / 1024, $3 / $5 }'
}
