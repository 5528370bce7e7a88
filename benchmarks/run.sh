#!/usr/bin/env bash
# Builds what the benchmarks need through the reactor (no install), then runs every comparison
# and regenerates docs/benchmarks.md and docs/benchmarks/*.png.
#
#   benchmarks/run.sh quick   # under 10 minutes on 2 cores
#   benchmarks/run.sh full    # more forks, runs and iterations
#
# Extra arguments go to the harness, e.g. `--only cold,compile` or `--tiny 20` while debugging.
# JAVA_HOME (default: the JDK 17 on PATH) runs everything; PATCHBAY_JDK25 points at a JDK 25
# for the mapBounded row (default /usr/lib/jvm/temurin-25-jdk-amd64).
set -euo pipefail

mode="${1:-quick}"
shift || true
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [[ -z "${JAVA_HOME:-}" ]]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  export JAVA_HOME
fi
jdk25="${PATCHBAY_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"

echo "building the benchmarks module and what it depends on (JDK: $JAVA_HOME)"
start=$(date +%s)
mvn -B -q -pl benchmarks -am package -DskipTests

exec "$JAVA_HOME/bin/java" -Djava.awt.headless=true \
  -Dpatchbay.classpath="$root/benchmarks/target/classpath.txt" \
  -Dpatchbay.classes="$root/benchmarks/target/classes" \
  -Dpatchbay.work="$root/benchmarks/results" \
  -Dpatchbay.jdk25="$jdk25" \
  -Dpatchbay.buildSeconds="$(( $(date +%s) - start ))" \
  -cp "$root/benchmarks/target/classes:$(cat "$root/benchmarks/target/classpath.txt")" \
  dev.patchbay.benchmarks.harness.BenchmarkMain "$mode" "$@"
