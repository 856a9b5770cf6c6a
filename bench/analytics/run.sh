#!/usr/bin/env bash
# Analytics at scale: 1M conversations / 5M messages on PostgreSQL, then the 90-day summary timed
# through the application's own AnalyticsReports (no HTTP, so the numbers are the report's alone).
# Usage: bench/analytics/run.sh   (needs PostgreSQL on 127.0.0.1:5432, user postgres, trust auth)
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=parley_bench
psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
export BENCH_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
# First run migrates the empty database (and measures nothing: no data yet).
./mvnw -q -B test -Dtest=AnalyticsScaleBenchmark -Dtest.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false \
  -Dparley.bench.phase=migrate
start=$(date +%s)
psql -h 127.0.0.1 -U postgres -d $DB -f bench/analytics/generate.sql
echo "generated in $(( $(date +%s) - start )) s"
./mvnw -q -B test -Dtest=AnalyticsScaleBenchmark -Dtest.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false \
  -Dparley.bench.phase=measure
# To re-measure without regenerating: BENCH_DB_URL=jdbc:postgresql://127.0.0.1:5432/parley_bench \
#   ./mvnw -q -B test -Dtest=AnalyticsScaleBenchmark -Dtest.excludedGroups= -Dparley.bench.phase=measure
