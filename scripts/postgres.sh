# Throwaway PostgreSQL clusters for the tests, sourced by scripts/test.sh.
#
# pg_install                 installs PostgreSQL 15 with apt-get where it is missing
# pg_start_cluster NAME      initdb + start under target/pg-NAME-<pid> on a free loopback port
#                            (PG_EXTRA_CONF: more -c settings); sets PG_PORT_<NAME> and PG_DIR_<NAME>
# pg_test_database NAME      creates the roles and the database the tests use, and exports
#                            LEXCASE_TEST_PG_URL, _OWNER_URL, _SUPERUSER_URL and _APP_ROLE
# pg_stop_all                stops every cluster started here and removes its directory
#
# PostgreSQL refuses to run as root: as root the clusters run as the `postgres` user.

PG_VERSION=${PG_VERSION:-15}
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
PG_CLUSTERS=()

pg_as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_install() {
    if [ -x "$PG_BIN/postgres" ] && [ -x "$PG_BIN/initdb" ]; then
        return
    fi
    echo "PostgreSQL $PG_VERSION is missing: installing it with apt-get"
    local sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "postgresql-$PG_VERSION" >/dev/null
}

pg_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pg_start_cluster() {
    local name=$1 dir port
    dir="$ROOT/target/pg-$name-$$"
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$dir"
        if ! runuser -u postgres -- test -w "$dir"; then
            # The postgres user cannot reach target/ (a home directory of mode 700, say).
            rm -rf "$dir"
            dir=$(mktemp -d "/tmp/lexcase-pg-$name.XXXXXX")
            chown postgres: "$dir"
        fi
    fi
    port=$(pg_free_port)
    pg_as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
        --locale=C.UTF-8 --nosync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; return 1; }
    PG_CLUSTERS+=("$dir")
    # Durability is not what these tests measure: no fsync, asynchronous commits.
    pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir \
         -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 \
         ${PG_EXTRA_CONF:-}" \
        >/dev/null || { cat "$dir/server.log" >&2; return 1; }
    printf -v "PG_PORT_${name^^}" '%s' "$port"
    printf -v "PG_DIR_${name^^}" '%s' "$dir"
    echo "cluster $name: 127.0.0.1:$port ($dir)"
}

pg_test_database() {
    local name=$1 port_var="PG_PORT_${1^^}" port
    port=${!port_var}
    psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres <<'SQL'
CREATE ROLE lexcase_owner LOGIN;
CREATE ROLE lexcase_app LOGIN;
CREATE DATABASE lexcase_test OWNER lexcase_owner;
SQL
    export LEXCASE_TEST_PG_URL="postgresql://lexcase_app@127.0.0.1:$port/lexcase_test"
    export LEXCASE_TEST_PG_OWNER_URL="postgresql://lexcase_owner@127.0.0.1:$port/lexcase_test"
    export LEXCASE_TEST_PG_SUPERUSER_URL="postgresql://postgres@127.0.0.1:$port/lexcase_test"
    export LEXCASE_TEST_PG_APP_ROLE=lexcase_app
}

pg_stop_all() {
    local dir
    for dir in "${PG_CLUSTERS[@]}"; do
        pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$dir"
    done
    PG_CLUSTERS=()
}
