#!/usr/bin/env bash
# Runs the PostgreSQL / Citus bench (benches/benches/pg_scale.rs) on throwaway clusters started
# as scripts/test.sh starts them, but durable: fsync, synchronous_commit and full_page_writes
# on. The clusters are stopped and removed on exit, also on failure.
#
#   scripts/bench-pg.sh                # PostgreSQL, then Citus (a coordinator and two workers)
#   scripts/bench-pg.sh postgres       # PostgreSQL only
#   scripts/bench-pg.sh citus          # Citus only
#
# Sizes come from the LEXCASE_BENCH_* variables the bench documents. The report goes to
# standard output; progress to standard error.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

PARTS=("$@")
[ ${#PARTS[@]} -gt 0 ] || PARTS=(postgres citus)
wants() { [[ " ${PARTS[*]} " == *" $1 "* ]]; }

# shellcheck source=scripts/postgres.sh
. "$ROOT/scripts/postgres.sh"
# shellcheck source=scripts/citus.sh
. "$ROOT/scripts/citus.sh"
trap pg_stop_all EXIT

# The test clusters run without fsync; a bench of durable commands needs it. Later -c settings
# win, so these are appended to whatever each cluster is started with.
DURABLE="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
eval "$(declare -f pg_start_cluster | sed '1s/pg_start_cluster/pg_start_cluster_fast/')"
pg_start_cluster() {
    PG_EXTRA_CONF="${PG_EXTRA_CONF:-} $DURABLE" pg_start_cluster_fast "$@"
}

cargo build --release -p lexcase-benches --bench pg_scale >&2
BIN=$(find "${CARGO_TARGET_DIR:-$ROOT/target}/release/deps" -maxdepth 1 -type f -executable \
    -name 'pg_scale-*' -printf '%T@ %p\n' | sort -n | tail -1 | cut -d' ' -f2)

if wants postgres; then
    pg_install
    pg_start_cluster bench
    pg_test_database bench
    LEXCASE_BENCH_PG_URL=$LEXCASE_TEST_PG_URL LEXCASE_BENCH_PG_OWNER_URL=$LEXCASE_TEST_PG_OWNER_URL \
        "$BIN" --bench
    pg_stop_all
fi
if wants citus; then
    pg_install
    citus_install
    citus_start_cluster
    LEXCASE_BENCH_CITUS_URL=$LEXCASE_TEST_CITUS_URL \
        LEXCASE_BENCH_CITUS_OWNER_URL=$LEXCASE_TEST_CITUS_OWNER_URL "$BIN" --bench
fi
