# A throwaway Citus cluster for the tests (a coordinator and two workers), sourced by
# scripts/test.sh after scripts/postgres.sh.
#
# citus_install              builds Citus from ../shared/vendor/citus once into a cache outside
#                            the repository (LEXCASE_CITUS_CACHE, default ~/.cache/lexcase/…),
#                            reused when present, and copies the built files into PostgreSQL's
#                            lib and extension directories when they are not there yet
# citus_start_cluster        three clusters (citus0, citus1, citus2) on free loopback ports, the
#                            workers added to the coordinator; exports LEXCASE_TEST_CITUS_URL,
#                            _OWNER_URL and _SUPERUSER_URL (the coordinator's database lexcase_test)
#
# The clusters are stopped and removed by pg_stop_all, like the PostgreSQL one.

CITUS_VERSION=${CITUS_VERSION:-13.2.2}
CITUS_VENDOR=${CITUS_VENDOR:-$ROOT/../shared/vendor/citus}
CITUS_CACHE=${LEXCASE_CITUS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lexcase/citus-$CITUS_VERSION-pg$PG_VERSION}

# Debian packages Citus's build needs (headers of what PostgreSQL was built with, lz4 and zstd
# for columnar compression). It is built without libcurl: no statistics are sent anywhere.
CITUS_BUILD_DEPS=(postgresql-server-dev-$PG_VERSION liblz4-dev libzstd-dev libkrb5-dev libicu-dev
    libssl-dev libxslt1-dev libreadline-dev libpam0g-dev libselinux1-dev uuid-dev flex autoconf
    make gcc)

citus_apt_missing() {
    local pkg missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "installing with apt-get: ${missing[*]}"
        local sudo=()
        [ "$(id -u)" = 0 ] || sudo=(sudo)
        "${sudo[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

citus_install() {
    local pkglibdir sharedir sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    pkglibdir=$("$PG_BIN/pg_config" --pkglibdir 2>/dev/null || pg_config --pkglibdir)
    sharedir=$("$PG_BIN/pg_config" --sharedir 2>/dev/null || pg_config --sharedir)
    if [ ! -f "$CITUS_CACHE/done" ]; then
        citus_apt_missing "${CITUS_BUILD_DEPS[@]}"
        local started=$SECONDS src
        echo "building Citus $CITUS_VERSION into $CITUS_CACHE (once)"
        rm -rf "$CITUS_CACHE"
        mkdir -p "$CITUS_CACHE/build"
        tar xzf "$CITUS_VENDOR/citus-$CITUS_VERSION.tar.gz" -C "$CITUS_CACHE/build"
        src=$(find "$CITUS_CACHE/build" -mindepth 1 -maxdepth 1 -type d | head -n 1)
        for patch in "$CITUS_VENDOR"/*.patch; do
            [ -e "$patch" ] || continue
            (cd "$src" && patch -s -p1 <"$patch")
        done
        (cd "$src" && PG_CONFIG="$PG_BIN/pg_config" ./configure --without-libcurl \
            PG_CONFIG="$PG_BIN/pg_config" >"$CITUS_CACHE/configure.log" 2>&1) \
            || { tail -n 40 "$CITUS_CACHE/configure.log" >&2; return 1; }
        (cd "$src" && make -j"$(nproc)" >"$CITUS_CACHE/make.log" 2>&1) \
            || { tail -n 40 "$CITUS_CACHE/make.log" >&2; return 1; }
        (cd "$src" && make install DESTDIR="$CITUS_CACHE/root" >"$CITUS_CACHE/install.log" 2>&1) \
            || { tail -n 40 "$CITUS_CACHE/install.log" >&2; return 1; }
        rm -rf "$CITUS_CACHE/build"
        echo "$CITUS_VERSION" >"$CITUS_CACHE/done"
        echo "Citus built in $((SECONDS - started))s"
    fi
    # PostgreSQL 15 loads extensions from its own directories only: copy the built files there.
    if ! cmp -s "$CITUS_CACHE/root$pkglibdir/citus.so" "$pkglibdir/citus.so" \
        || ! cmp -s "$CITUS_CACHE/root$sharedir/extension/citus.control" "$sharedir/extension/citus.control"; then
        echo "installing Citus $CITUS_VERSION from $CITUS_CACHE into $pkglibdir and $sharedir"
        # Replaced, never rewritten in place: a running server keeps the library it mapped.
        "${sudo[@]}" cp -a --remove-destination "$CITUS_CACHE/root/." /
    fi
}

citus_psql() {
    local port=$1
    shift
    psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"
}

citus_start_cluster() {
    local node port coordinator
    for node in citus0 citus1 citus2; do
        PG_EXTRA_CONF="-c shared_preload_libraries=citus -c citus.enable_statistics_collection=off" \
            pg_start_cluster "$node"
    done
    coordinator=$PG_PORT_CITUS0
    # The database and the extension on every node; then the workers join the coordinator.
    for port in "$PG_PORT_CITUS0" "$PG_PORT_CITUS1" "$PG_PORT_CITUS2"; do
        citus_psql "$port" -d postgres -c 'CREATE DATABASE lexcase_test'
        citus_psql "$port" -d lexcase_test -c 'CREATE EXTENSION citus'
    done
    citus_psql "$coordinator" -d lexcase_test -o /dev/null <<SQL
SELECT citus_set_coordinator_host('127.0.0.1', $coordinator);
SELECT citus_add_node('127.0.0.1', $PG_PORT_CITUS1);
SELECT citus_add_node('127.0.0.1', $PG_PORT_CITUS2);
SQL
    # Roles made on the coordinator once the workers are in: Citus creates them on every node
    # and knows them as its own (a role made on each node by hand would be re-created by Citus
    # when the owner distributes a table, which a role that is no superuser may not do).
    citus_psql "$coordinator" -d lexcase_test <<'SQL'
CREATE ROLE lexcase_owner LOGIN;
CREATE ROLE lexcase_app LOGIN;
SQL
    for port in "$PG_PORT_CITUS0" "$PG_PORT_CITUS1" "$PG_PORT_CITUS2"; do
        citus_psql "$port" -d postgres -c 'ALTER DATABASE lexcase_test OWNER TO lexcase_owner'
    done
    export LEXCASE_TEST_CITUS_URL="postgresql://lexcase_app@127.0.0.1:$coordinator/lexcase_test"
    export LEXCASE_TEST_CITUS_OWNER_URL="postgresql://lexcase_owner@127.0.0.1:$coordinator/lexcase_test"
    export LEXCASE_TEST_CITUS_SUPERUSER_URL="postgresql://postgres@127.0.0.1:$coordinator/lexcase_test"
    echo "Citus: coordinator 127.0.0.1:$coordinator, workers :$PG_PORT_CITUS1 and :$PG_PORT_CITUS2"
}
