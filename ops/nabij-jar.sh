# Sourced by the ops scripts: finds a JDK 21 or newer and the application's jar.
#   java: JAVA_HOME when it is 21 or newer; otherwise the newest 21+ JDK named in ~/.m2/toolchains.xml or found
#         under the usual places (/usr/lib/jvm, /usr/java, /opt/java, ~/.sdkman, ~/.jdks, macOS's
#         JavaVirtualMachines), as the build's select-jdk-toolchain [21,) does; otherwise `java` on the PATH if it is
#         21+; otherwise a clear error.
#   jar:  NABIJ_JAR, else backend/target/nabij.jar, built with the Maven wrapper when it is missing.

# The feature release of the JDK at $1 (17, 21, 25…), or nothing when $1 is not a JDK.
nabij_java_release() {
  local home="$1" version=""
  [ -x "$home/bin/java" ] || return 0
  if [ -f "$home/release" ]; then
    version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")"
  fi
  if [ -z "$version" ]; then
    version="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
  fi
  version="${version#1.}"
  echo "${version%%[.+-]*}"
}

nabij_find_java() {
  local release best="" best_release=0 candidate
  if [ -n "${JAVA_HOME:-}" ]; then
    release="$(nabij_java_release "$JAVA_HOME")"
    if [ -n "$release" ] && [ "$release" -ge 21 ]; then
      echo "$JAVA_HOME/bin/java"; return 0
    fi
  fi
  local candidates=()
  if [ -f "$HOME/.m2/toolchains.xml" ]; then
    while IFS= read -r candidate; do candidates+=("$candidate"); done < <(
      sed -n 's:.*<jdkHome>\s*\([^<]*\)\s*</jdkHome>.*:\1:p' "$HOME/.m2/toolchains.xml")
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    release="$(nabij_java_release "$candidate")"
    if [ -n "$release" ] && [ "$release" -ge 21 ] && [ "$release" -gt "$best_release" ]; then
      best="$candidate"; best_release="$release"
    fi
  done
  if [ -n "$best" ]; then
    echo "$best/bin/java"; return 0
  fi
  if command -v java > /dev/null; then
    release="$(nabij_java_release "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")"
    if [ -n "$release" ] && [ "$release" -ge 21 ]; then
      command -v java; return 0
    fi
  fi
  echo "Nabij needs Java 21 or newer: set JAVA_HOME to a JDK 21+ (none was found in JAVA_HOME," \
    "~/.m2/toolchains.xml, /usr/lib/jvm or on the PATH)" >&2
  return 1
}

# The jar to run; run from the repository root.
nabij_jar() {
  local jar="${NABIJ_JAR:-backend/target/nabij.jar}"
  if [ ! -f "$jar" ] && [ -z "${NABIJ_JAR:-}" ]; then
    echo "No $jar yet: building it (./mvnw -q -pl backend -am -DskipTests package)" >&2
    ./mvnw -q -pl backend -am -DskipTests package >&2
  fi
  if [ ! -f "$jar" ]; then
    echo "No application jar at $jar" >&2
    return 1
  fi
  echo "$jar"
}
