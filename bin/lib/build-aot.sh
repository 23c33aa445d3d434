#!/usr/bin/env bash
# Builds target/perfgate-cli.aot, the CLI's ahead-of-time cache (JDK 25+, JEP 483/514: classes loaded and linked;
# not JEP 515's method profiles, see below), from a training run of `perfgate report`
# on small generated files. Run by Maven at package time (after perfgate-cli.jar and perfgate-bench.jar); a no-op
# on an older JDK. bin/perfgate uses the cache only with the JDK that built it (target/perfgate-cli.aot.jdk holds
# its JAVA_RUNTIME_VERSION), since a cache never fits another JVM build. It first rewrites picocli's Java 5 class
# files in perfgate-cli.jar as Java 8 ones (UpgradeOldClasses.java), which the cache can hold.
set -euo pipefail
TARGET=$1
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
release=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')/release
feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
rm -f "$TARGET/perfgate-cli.aot" "$TARGET/perfgate-cli-html.aot" "$TARGET/perfgate-cli.aot.jdk"
if [ "${feature%%.*}" -lt 25 ] 2>/dev/null || [ ! -f "$release" ]; then
  echo "perfgate: JDK $feature: no AOT cache for the CLI (needs JDK 25+)"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp="$TARGET/perfgate-cli.jar:$TARGET/perfgate-bench.jar"
# picocli ships Java 5 class files, which the cache cannot hold once linked: rewritten as Java 8 ones (same code,
# with stack maps) so that they are in the cache instead of loaded and verified at every start (UpgradeOldClasses)
# (not fatal: without it the cache only lacks picocli, and each class is rewritten whole or not at all)
"$JAVA" "$(dirname "${BASH_SOURCE[0]}")/UpgradeOldClasses.java" "$TARGET/perfgate-cli.jar" /picocli \
  || echo "perfgate: picocli's class files could not be rewritten; the AOT cache will not hold them" >&2
# above the parallel-read threshold (8 MB), so that the training takes the path large files take
"$JAVA" -cp "$cp" io.jenkins.plugins.perfgate.cli.ForeignJtl default 80000 "$work/train.csv" >/dev/null
# the XML file too (~9.8 MB) above that threshold, so that the classes of XML's parts path are in the cache
"$JAVA" -cp "$cp" io.jenkins.plugins.perfgate.cli.ForeignJtl xml 36000 "$work/train.xml" >/dev/null
# a gzip file above its own threshold (1 MB compressed): read in parts as it is decompressed on three cores or more
"$JAVA" -cp "$cp" io.jenkins.plugins.perfgate.cli.ForeignJtl gzip 70000 "$work/train.csv.gz" >/dev/null
# the same class path and heap as bin/perfgate's runs; without the training run's method profiles and compilations
# (JEP 515, -XX:-AOTRecordTraining): replayed, they made C2 compile more and the reading loop later, since a small
# mixed training run is not the shape of a large file (docs/performance.md, "The JIT's work")
train() { # CACHE [more report options]: a cache from a report of the three training files
  local cache=$1
  shift
  "$JAVA" -XX:AOTCacheOutput="$cache" -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining \
    -Xlog:aot=off -Xlog:cds=off -Xmx256m \
    -Djava.awt.headless=true -jar "$TARGET/perfgate-cli.jar" report "$work/train.csv" "$work/train.xml" \
    "$work/train.csv.gz" --out "$work/summary.json" "$@" >/dev/null 2>&1
}
train "$TARGET/perfgate-cli.aot"
# a second cache for the runs that write the HTML report (--html, picked by bin/perfgate): its charts' ~1,200
# classes (JFreeChart, Java 2D) cut such a run's CPU by a fifth, but preloaded by every command they cost each
# ~50 ms of JVM start (docs/performance.md, "The cold process"); not fatal: without it --html runs use the first
train "$TARGET/perfgate-cli-html.aot" --html "$work/html" \
  || { rm -f "$TARGET/perfgate-cli-html.aot"; echo "perfgate: no AOT cache for --html runs" >&2; }
sed -n 's/^JAVA_RUNTIME_VERSION=//p' "$release" >"$TARGET/perfgate-cli.aot.jdk"
echo "perfgate: built $TARGET/perfgate-cli.aot for JDK $(cat "$TARGET/perfgate-cli.aot.jdk")"
