# A private PostgreSQL for the bench scripts, on 127.0.0.1 only, with the server's default settings
# (synchronous_commit and fsync on). Sourced, not run; uses say and free_port from the caller.
# Needs root (the server runs as the postgres account) and initdb/pg_ctl in /usr/lib/postgresql/*/bin.

postgres_bin=""
postgres_dir=""

# Starts it with everything under $1 and a database "opencps"; sets postgres_port and
# postgres_jdbc_url. Returns 1, having said why, when it cannot.
start_postgres() {
    local dir="$1" bin
    for bin in $(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V -r); do
        [[ -x "$bin/initdb" && -x "$bin/pg_ctl" ]] && { postgres_bin="$bin"; break; }
    done
    [[ -n "$postgres_bin" ]] || { say "no PostgreSQL server in /usr/lib/postgresql/*/bin (Debian package postgresql)"; return 1; }
    getent passwd postgres > /dev/null || { say "no postgres account to run PostgreSQL as"; return 1; }
    mkdir -p "$dir"
    chown postgres "$dir"
    postgres_port=$(free_port)
    runuser -u postgres -- "$postgres_bin/initdb" -D "$dir/data" -U postgres --auth=trust > "$dir/initdb.log" 2>&1 \
        || { say "initdb failed: $(tail -n 5 "$dir/initdb.log")"; return 1; }
    runuser -u postgres -- "$postgres_bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 120 \
        -o "-p $postgres_port -k $dir -c listen_addresses=127.0.0.1" start > /dev/null \
        || { say "PostgreSQL did not start: $(tail -n 5 "$dir/postgres.log")"; return 1; }
    postgres_dir="$dir"
    runuser -u postgres -- "$postgres_bin/createdb" -h 127.0.0.1 -p "$postgres_port" -U postgres opencps \
        || { say "createdb failed"; return 1; }
    postgres_jdbc_url="jdbc:postgresql://127.0.0.1:$postgres_port/opencps"
}

# A setting's value as the server reports it.
postgres_setting() {
    runuser -u postgres -- "$postgres_bin/psql" -h 127.0.0.1 -p "$postgres_port" -U postgres -Atc "SHOW $1" opencps
}

stop_postgres() {
    [[ -n "$postgres_dir" ]] || return 0
    runuser -u postgres -- "$postgres_bin/pg_ctl" -D "$postgres_dir/data" -m fast -w stop > /dev/null 2>&1 || true
    postgres_dir=""
}
