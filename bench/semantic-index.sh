#!/usr/bin/env bash
# Lookup latency of the semantic cache's in-process index (brute force) against HNSW (hnswlib-core) at 1k, 10k and
# 100k entries, and MiniLM embedding time. Prints markdown table rows; see docs/benchmarks.md ("Semantic cache").
#   bench/semantic-index.sh                 # all sizes
#   bench/semantic-index.sh 100000          # one size
# Pin it like the gateway runs: taskset -c 0 bench/semantic-index.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
HNSWLIB=com.github.jelmerk:hnswlib-core:1.2.1
# One reactor run: gateway-service's classpath then names shared-model's classes in this tree, not an installed jar.
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q -pl gateway-service -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/target/semantic-bench.cp" >&2
# hnswlib-core is only the comparison: fetched for the benchmark, not a dependency of the gateway.
./mvnw -B -q dependency:get -Dartifact=$HNSWLIB >&2
REPO=$(./mvnw -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout)
EC=$REPO/org/eclipse/collections
CP="gateway-service/target/classes:$(cat target/semantic-bench.cp):$REPO/com/github/jelmerk/hnswlib-core/1.2.1/hnswlib-core-1.2.1.jar"
CP="$CP:$EC/eclipse-collections/9.2.0/eclipse-collections-9.2.0.jar:$EC/eclipse-collections-api/9.2.0/eclipse-collections-api-9.2.0.jar"
exec "$JAVA" -Xmx4g -cp "$CP" bench/semantic-index/SemanticIndexBench.java "$@" 2> >(grep -v -e WARN -e SLF4J >&2)
