# Sourced by perfgate's scripts: picks a JDK >= 21 for Maven and the CLI when the default java is older.
# The version comes from the JDK's `release` file, read with bash builtins: starting a JVM to ask it (as this did
# before) cost each `bin/perfgate` run two JVM starts, a fifth of its CPU for `perfgate --version`.

# the JDK's feature version (25 for 25.0.3) into PERFGATE_JDK_FEATURE; empty when unknown
perfgate_jdk_feature() {
  local home=$1 line v=""
  PERFGATE_JDK_FEATURE=""
  if [ -f "$home/release" ]; then
    while IFS= read -r line; do
      case "$line" in JAVA_VERSION=*) v=${line#JAVA_VERSION=}; v=${v//\"/}; break ;; esac
    done <"$home/release"
  elif [ -x "$home/bin/java" ]; then
    # no release file (unusual builds): ask the JVM
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  fi
  v=${v#1.} # 1.8 -> 8
  PERFGATE_JDK_FEATURE=${v%%[.+-]*}
}

perfgate_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    perfgate_jdk_feature "$JAVA_HOME"
    if [ "${PERFGATE_JDK_FEATURE:-0}" -ge 21 ] 2>/dev/null; then return 0; fi
  fi
  local d
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 \
           /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/*; do
    [ -x "$d/bin/javac" ] || continue
    perfgate_jdk_feature "$d"
    if [ "${PERFGATE_JDK_FEATURE:-0}" -ge 21 ] 2>/dev/null; then export JAVA_HOME="$d"; return 0; fi
  done
  echo "perfgate: no JDK >= 21 found (set JAVA_HOME)" >&2
  return 1
}
perfgate_pick_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.9's Guice warns about sun.misc.Unsafe on JDK >= 24; the flag that silences it does not exist before 23
if [ "${PERFGATE_JDK_FEATURE:-0}" -ge 24 ] 2>/dev/null; then
  case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
fi
