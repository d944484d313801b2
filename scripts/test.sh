#!/usr/bin/env bash
# Runs every test of lexcase: Rust (fmt, clippy, tests, the conformance suite on SQLite, on
# PostgreSQL and on a Citus cluster), the Python binding (pytest on SQLite and PostgreSQL, stub
# drift) and the Kotlin binding (JUnit on the JVM), and checks the Swift binding is generated.
# Installs what it needs on a fresh machine that has Rust, Python 3, a JDK (17+) and Maven:
# Python tools in .venv, poppler-utils with apt-get when pdftotext is missing, PostgreSQL 15
# and Citus's build dependencies from apt-get where they are missing, and Citus built from
# ../shared/vendor/citus once into ~/.cache/lexcase (LEXCASE_CITUS_CACHE) and reused from there.
#
#   scripts/test.sh                  # everything (what CI runs)
#   scripts/test.sh rust python      # only some parts: rust, python, kotlin, postgres, citus
#   scripts/test.sh postgres         # the PostgreSQL store alone (its tests, the conformance suite, lexcase migrate)
#   scripts/test.sh citus            # the same on a Citus coordinator with two workers
#
# For the Rust and Python parts a throwaway PostgreSQL cluster is created under target/ (as the
# `postgres` user when run as root), on a free loopback port, and stopped and removed on exit,
# also on failure; for the citus part, three more (a coordinator and two workers). Set
# LEXCASE_TEST_PG_URL (and LEXCASE_TEST_PG_OWNER_URL) to use an existing database instead.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

PARTS=("$@")
[ ${#PARTS[@]} -gt 0 ] || PARTS=(rust python kotlin citus)
for part in "${PARTS[@]}"; do
    case $part in
        rust | python | kotlin | postgres | citus) ;;
        *) echo "unknown part '$part' (expected: rust, python, kotlin, postgres, citus)" >&2; exit 2 ;;
    esac
done
wants() { [[ " ${PARTS[*]} " == *" $1 "* ]]; }

# shellcheck source=scripts/postgres.sh
. "$ROOT/scripts/postgres.sh"
# shellcheck source=scripts/citus.sh
. "$ROOT/scripts/citus.sh"
trap pg_stop_all EXIT

if [ "${CI:-}" = true ]; then
    # A fresh clone builds once: incremental compilation only costs time there.
    export CARGO_INCREMENTAL=0
fi
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

TIMINGS=()
step_started=0
step_name=""
step() {
    end_step
    step_name=$1
    step_started=$SECONDS
    printf '\n==> %s\n' "$step_name"
}
end_step() {
    if [ -n "$step_name" ]; then
        TIMINGS+=("$(printf '%5ds  %s' $((SECONDS - step_started)) "$step_name")")
    fi
    step_name=""
}

# pdftotext (poppler-utils) reads rendered PDFs back independently in the Rust, Python and
# Kotlin tests, which then require it (LEXCASE_REQUIRE_PDFTOTEXT); installed with apt-get if
# missing.
need_pdftotext() {
    if ! command -v pdftotext > /dev/null; then
        step "poppler-utils (pdftotext) via apt-get"
        local sudo=()
        [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
        "${sudo[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends poppler-utils
    fi
    export LEXCASE_REQUIRE_PDFTOTEXT=1
}
need_pdftotext

# ---------------------------------------------------------------- PostgreSQL
if wants rust || wants python || wants postgres; then
    step "postgres: a throwaway cluster (roles lexcase_owner and lexcase_app, database lexcase_test)"
    if [ -n "${LEXCASE_TEST_PG_URL:-}" ]; then
        echo "using the database of LEXCASE_TEST_PG_URL"
    else
        pg_install
        pg_start_cluster main
        pg_test_database main
    fi
fi

# ---------------------------------------------------------------- Citus
if wants citus; then
    step "citus: build Citus once (cached) and start a coordinator with two workers"
    pg_install
    citus_install
    citus_start_cluster
fi

if wants postgres && ! wants rust; then
    step "postgres: the store's tests, the conformance suite and lexcase migrate on PostgreSQL"
    cargo test -p lexcase-postgres
    cargo test -p lexcase-conformance --test postgres_conformance
    cargo test -p lexcase-cli --test commands migrate
fi

# ---------------------------------------------------------------- Rust
if wants rust; then
    step "cargo fmt --check"
    cargo fmt --all -- --check

    # Default members only: the uniffi-bindgen package is built below, when bindings are made.
    step "cargo clippy (default members, all targets, -D warnings)"
    cargo clippy --all-targets -- -D warnings

    step "cargo test (default members)"
    cargo test

    # Encryption at rest is a feature (SQLCipher with a vendored OpenSSL, ~3 min to build once):
    # the store's own tests run again with it, as the Python wheel is built with it.
    step "lexcase-sqlite with the encryption feature (clippy, tests)"
    cargo clippy -p lexcase-sqlite --features encryption --all-targets -- -D warnings
    cargo test -p lexcase-sqlite --features encryption

    # The examples a newcomer starts from must keep running, not only compiling.
    step "examples (quickstart on a new SQLite file, residential purchase, litigation calendar, billing cycle, client output)"
    EXAMPLES_DIR=$(mktemp -d)
    cargo run --quiet --example quickstart -- "$EXAMPLES_DIR/quickstart.lexcase" > "$EXAMPLES_DIR/quickstart.out"
    tail -n 2 "$EXAMPLES_DIR/quickstart.out"
    cargo run --quiet --example residential_purchase > "$EXAMPLES_DIR/purchase.out"
    tail -n 1 "$EXAMPLES_DIR/purchase.out"
    cargo run --quiet --example litigation_calendar > "$EXAMPLES_DIR/litigation.out"
    tail -n 1 "$EXAMPLES_DIR/litigation.out"
    cargo run --quiet --example billing_cycle > "$EXAMPLES_DIR/billing.out"
    tail -n 1 "$EXAMPLES_DIR/billing.out"
    cargo run --quiet --example client_output -- "$EXAMPLES_DIR" > "$EXAMPLES_DIR/output.out"
    tail -n 1 "$EXAMPLES_DIR/output.out"
    rm -rf "$EXAMPLES_DIR"
fi

# The suite on Citus runs in `cargo test` above when both parts are asked for; the store's own
# tests (tenancy, row security, blobs, four writer processes, migrations) run against the
# cluster here.
if wants citus; then
    if ! wants rust; then
        step "citus: the conformance suite, sharding and routing on Citus"
        cargo test -p lexcase-conformance --test citus_conformance
    fi
    step "citus: the PostgreSQL store's own tests on Citus"
    LEXCASE_TEST_PG_URL=$LEXCASE_TEST_CITUS_URL LEXCASE_TEST_PG_OWNER_URL=$LEXCASE_TEST_CITUS_OWNER_URL \
        LEXCASE_TEST_PG_SUPERUSER_URL=$LEXCASE_TEST_CITUS_SUPERUSER_URL \
        cargo test -p lexcase-postgres --tests
fi

# ---------------------------------------------------------------- Python binding
if wants python; then
    step "python: venv and tools"
    VENV=$ROOT/.venv
    PY=$VENV/bin/python
    if [ ! -x "$PY" ]; then
        python3 -m venv "$VENV"
    fi
    "$PY" -m pip install --quiet --disable-pip-version-check -r bindings/python/requirements-dev.txt
    # mypy's cache goes under target/. stubtest ignores MYPY_CACHE_DIR and writes .mypy_cache
    # in the current directory, so it runs from there.
    MYPY_CACHE=$ROOT/target/mypy-cache
    mkdir -p "$MYPY_CACHE"

    # The venv is activated for maturin alone, not exported: pyo3's build script reruns when it
    # sees another interpreter, and the cargo calls of this script must all see the same one.
    # maturin gets its own target dir: its PYO3_* environment differs from plain cargo's, and
    # sharing target/debug would rebuild pyo3 and the binding on every switch.
    step "python: maturin develop (lexcase._lexcase into .venv)"
    (cd bindings/python && VIRTUAL_ENV=$VENV PATH="$VENV/bin:$PATH" \
        "$VENV/bin/maturin" develop --target-dir "$ROOT/target/maturin")

    step "python: pytest"
    "$PY" -m pytest -q -p no:cacheprovider bindings/python/tests

    step "python: stub drift (mypy.stubtest) and typed tests (mypy --strict)"
    (cd "$MYPY_CACHE" && "$PY" -m mypy.stubtest lexcase)
    MYPY_CACHE_DIR=$MYPY_CACHE "$PY" -m mypy --strict bindings/python/tests
fi

# ---------------------------------------------------------------- Kotlin / Swift bindings
if wants kotlin; then
    # The cdylib loaded by JNA. After `cargo test` it is already built, with the default members'
    # feature set; `cargo build -p lexcase-mobile` would unify features differently and rebuild
    # ~30 crates. `cargo test` leaves it in target/debug/deps, so ask cargo for the path.
    if wants rust; then
        step "mobile: liblexcase_mobile.so (cargo test --no-run: a no-op after cargo test)"
        BUILD=(cargo test --no-run)
    else
        step "mobile: cargo build -p lexcase-mobile"
        BUILD=(cargo build -p lexcase-mobile)
    fi
    LIB=$("${BUILD[@]}" --message-format=json-render-diagnostics | python3 -c '
import json, sys
for line in sys.stdin:
    msg = json.loads(line)
    if (msg.get("reason") == "compiler-artifact" and msg["target"]["name"] == "lexcase_mobile"
            and "cdylib" in msg["target"]["kind"] and not msg["profile"]["test"]):
        print(next(f for f in msg["filenames"] if f.endswith(".so")))')
    [ -f "$LIB" ] || { echo "cargo did not report liblexcase_mobile.so" >&2; exit 1; }
    echo "native library: $LIB"

    step "mobile: generate Kotlin and Swift (uniffi-bindgen)"
    GEN=$ROOT/bindings/mobile/generated
    rm -rf "$GEN"
    for lang in kotlin swift; do
        cargo run --quiet -p uniffi-bindgen -- generate "$LIB" \
            --language "$lang" --out-dir "$GEN/$lang" --no-format
    done
    # No Swift compiler here: check that the Swift sources were generated.
    for f in swift/lexcase_mobile.swift swift/lexcase_mobileFFI.h swift/lexcase_mobileFFI.modulemap \
        kotlin/lexcase/lexcase_mobile.kt; do
        [ -s "$GEN/$f" ] || { echo "uniffi-bindgen did not generate $f" >&2; exit 1; }
    done
    echo "generated: $(cd "$GEN" && find . -type f | sort | tr '\n' ' ')"

    step "kotlin: JUnit on the JVM (mvn test)"
    VERSION=$(cargo metadata --no-deps --format-version 1 | python3 -c '
import json, sys
print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "lexcase-mobile"))')
    # The Kotlin sources were just generated anew: classes compiled from an earlier generation
    # (a type that has since moved to another package) would shadow them, and Maven keeps
    # classes whose source is gone.
    rm -rf bindings/mobile/kotlin-tests/target/classes bindings/mobile/kotlin-tests/target/test-classes
    # -q hides Maven's chatter; the surefire logger stays at info so "Tests run:" is shown.
    mvn -B -q -ntp -Dstyle.color=never \
        -Dorg.slf4j.simpleLogger.log.org.apache.maven.plugin.surefire=info \
        -f bindings/mobile/kotlin-tests/pom.xml test \
        -Dlexcase.nativeDir="$(dirname "$LIB")" -DexpectedVersion="$VERSION"
fi

end_step
printf '\n==> timings\n'
printf '%s\n' "${TIMINGS[@]}"
printf 'total %ds\n' "$SECONDS"
echo "scripts/test.sh: all checks passed (${PARTS[*]})"
