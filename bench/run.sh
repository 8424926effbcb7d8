#!/usr/bin/env bash
# connlint's benchmark, one command: builds connlint, installs it into a private local Maven
# repository (bench/target/m2, never ~/.m2), generates synthetic repositories and times
#   connlint check at 1k, 10k and 20k files, and cat of the same files (the I/O floor);
#   one small project's check against pt-variable-advisor on the same server's variables;
#   mvn connlint:check against mvn validate on a multi-module build;
# with medians of several runs and peak RSS, then writes the figures into docs/performance.md.
#
#   bench/run.sh [--quick] [--runs N] [--no-build] [--no-docs] [--label WORD] [--jar JAR]
#
#   --quick     2 runs per command instead of 5 (same sizes)
#   --no-build  time what is already built (cli/target, bench/target/m2)
#   --no-docs   write the figures only to bench/target/results.md
#   --jar JAR   time `java -jar JAR check` instead of the cli/target/connlint launcher
# Installs Debian's percona-toolkit (pt-variable-advisor) and time (/usr/bin/time) when missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/bench/target"
M2="$WORK/m2"
SETTINGS="$WORK/settings.xml"
RUNS=5
BUILD=1
DOCS="$ROOT/docs/performance.md"
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) RUNS=2 ;;
    --runs) RUNS="$2"; shift ;;
    --no-build) BUILD=0 ;;
    --no-docs) DOCS="" ;;
    --label) EXTRA+=(--label "$2"); shift ;;
    --jar) EXTRA+=(--jar "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); shift ;;
    --skip-maven) EXTRA+=(--skip-maven) ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

need_apt=()
command -v pt-variable-advisor >/dev/null || need_apt+=(percona-toolkit)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "bench: installing ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

mkdir -p "$WORK" "$M2"
# The private repository resolves from the user's ~/.m2 first (read-only, as a file:// remote), then Central.
cat > "$SETTINGS" <<XML
<settings>
  <profiles>
    <profile>
      <id>bench</id>
      <activation><activeByDefault>true</activeByDefault></activation>
      <repositories>
        <repository><id>user-m2</id><url>file://$HOME/.m2/repository</url>
          <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository><id>user-m2</id><url>file://$HOME/.m2/repository</url>
          <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
</settings>
XML

if [ "$BUILD" = 1 ]; then
  echo "bench: building connlint and installing it into $M2"
  (cd "$ROOT" && mvn -B -q -s "$SETTINGS" -Dmaven.repo.local="$M2" -DskipTests -Dinvoker.skip=true install)
fi

DOCS_ARG=()
[ -n "$DOCS" ] && DOCS_ARG=(--docs "$DOCS")
exec python3 "$ROOT/bench/bench.py" --runs "$RUNS" --m2 "$M2" --settings "$SETTINGS" --work "$WORK" \
  "${DOCS_ARG[@]}" "${EXTRA[@]}"
