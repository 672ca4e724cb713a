# A throwaway PostgreSQL cluster on loopback, for Jope's shared store. Sourced after common.sh.
# start_postgres sets PG_BIN, PG_DIR, PG_PORT and PG_PASSWORD; stop_postgres stops the cluster and removes PG_DIR.
# The cluster's own logs are PG_DIR/initdb.log and PG_DIR/postgres.log.

PG_USER=jope
PG_BIN='' PG_DIR='' PG_PORT='' PG_PASSWORD=''

# The Debian PostgreSQL binaries live under /usr/lib/postgresql/VERSION/bin and are not on PATH by default.
find_postgres_bin() {
    local pg_ctl
    if pg_ctl=$(command -v pg_ctl); then
        dirname "$(readlink -f "$pg_ctl")"
        return
    fi
    compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' | sort -V | tail -n 1 | xargs -r dirname
}

# PostgreSQL refuses to run as root, so as root its commands run as the postgres user.
as_postgres() {
    if [[ $(id -u) == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Starts a new cluster in a new directory under /tmp, listening on 127.0.0.1 only. NAME prefixes the directory.
start_postgres() {
    local name=$1
    PG_BIN=$(find_postgres_bin)
    if [[ -z $PG_BIN ]]; then
        apt_install postgresql || return 1
        PG_BIN=$(find_postgres_bin)
    fi
    [[ -n $PG_BIN ]] || { echo "no pg_ctl after installing postgresql" >&2; return 1; }
    if [[ $(id -u) == 0 ]] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
    fi
    # Its own directory, not one inside the caller's: as root the server runs as postgres, which must own it.
    PG_DIR=$(mktemp -d -t "$name.XXXXXX")
    PG_PORT=$(free_port)
    PG_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
    printf '%s\n' "$PG_PASSWORD" >"$PG_DIR/pwfile"
    [[ $(id -u) != 0 ]] || chown -R postgres: "$PG_DIR"
    # The app logs in with a password over TCP, as it would against a real shared store; the socket in PG_DIR,
    # trusted, is only for creating the databases.
    (cd "$PG_DIR" &&
        as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U "$PG_USER" --pwfile="$PG_DIR/pwfile" -E UTF8 \
            --auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 &&
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR" start >/dev/null)
}

create_database() {
    (cd "$PG_DIR" && as_postgres "$PG_BIN/createdb" -h "$PG_DIR" -p "$PG_PORT" -U "$PG_USER" "$1")
}

# The arguments that put a Jope app on database DB, one a line.
store_args_postgres() {
    echo "--jope.store.url=jdbc:postgresql://127.0.0.1:$PG_PORT/$1"
    echo "--jope.store.username=$PG_USER"
    echo "--jope.store.password=$PG_PASSWORD"
}

stop_postgres() {
    [[ -n $PG_DIR ]] || return 0
    if [[ -f $PG_DIR/data/postmaster.pid ]]; then
        (cd "$PG_DIR" && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1) ||
            stop_process "$(head -n 1 "$PG_DIR/data/postmaster.pid")"
    fi
    rm -rf "$PG_DIR"
    PG_DIR=''
}
