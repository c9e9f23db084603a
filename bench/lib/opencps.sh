# Starting OpenCPS for a bench and preparing a person who prints, through the REST API only.
# Sourced, not run. Needs curl and python3; uses die/say from the caller and free_port from peers.sh.
#
# What it expects from the API (the print-queue route comes with the IPP endpoint):
#   POST /api/v1/auth/login                          {"email","password"} -> {"organizationId": ROOT, ...}
#   POST /api/v1/organizations/ROOT/children         {"kind":"CUSTOMER","name","license":{...}} -> {"id": ORG}
#   POST /api/v1/organizations/ORG/invitations       {"email","roles":["CUSTOMER_ADMIN"]}
#   (the invitation token inv_... is read from DATA_DIR/mail-outbox/*.eml)
#   POST /api/v1/invitations/TOKEN/accept            {"displayName","password"}
#   POST /api/v1/auth/login                          as the new person
#   POST /api/v1/me/print-queue/secret               (no body) -> 201 {"secretUri": "ipp://HOST:PORT/ipp/secret/SECRET", ...}
#        (README, "Printing from any device"; ipps:// when OPENCPS_PUBLIC_URL is https)
#   GET  /api/v1/jobs                                as that person -> [{"state": "HELD", ...}, ...]

opencps_admin_email="bench-admin@example.org"
opencps_user_email="bench-printer@example.org"

# A fresh work folder in $work for a bench that starts one OpenCPS: at exit (also on Ctrl-C) the
# server is stopped and the folder removed, unless the caller set keep=yes.
opencps_work_folder() {
    work="$(mktemp -d /tmp/opencps-bench-XXXXXX)"
    trap opencps_work_folder_cleanup EXIT
    trap 'exit 130' INT TERM
}
opencps_work_folder_cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_group "${opencps_pid:-}" "OpenCPS"
    if [[ "${keep:-no}" == yes ]]; then say "kept $work"; else rm -rf "$work"; fi
    exit "$status"
}

# Starts the jar ($2) with java ($1), its data in $3, on 127.0.0.1 only. Sets opencps_port,
# opencps_pid, opencps_url, opencps_data and the passwords.
start_opencps() {
    local java="$1" jar="$2" dir="$3" i
    mkdir -p "$dir"
    opencps_port=$(free_port)
    opencps_url="http://127.0.0.1:$opencps_port"
    opencps_data="$dir/data"
    opencps_admin_password="Bench-$(python3 -c 'import secrets; print(secrets.token_hex(12))')"
    opencps_user_password="Bench-$(python3 -c 'import secrets; print(secrets.token_hex(12))')"
    (
        cd "$dir"
        export OPENCPS_DATA_DIR="$opencps_data" SERVER_PORT="$opencps_port" SERVER_ADDRESS=127.0.0.1
        export OPENCPS_PUBLIC_URL="$opencps_url"
        export OPENCPS_BOOTSTRAP_ADMIN_EMAIL="$opencps_admin_email"
        export OPENCPS_BOOTSTRAP_ADMIN_PASSWORD="$opencps_admin_password"
        # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
        exec setsid "$java" ${BENCH_JAVA_OPTS:-} -jar "$jar" > "$dir/opencps.log" 2>&1
    ) &
    opencps_pid=$!
    for (( i = 0; i < 1800; i++ )); do
        if ! kill -0 "$opencps_pid" 2> /dev/null; then
            tail -n 30 "$dir/opencps.log" >&2
            die "OpenCPS exited at start (log above)"
        fi
        curl -fsS -o /dev/null "$opencps_url/actuator/health" 2> /dev/null && return 0
        sleep 0.1
    done
    tail -n 30 "$dir/opencps.log" >&2
    die "OpenCPS did not answer within 180 s (log above)"
}

# api COOKIE_JAR METHOD PATH [JSON]: prints the response body; fails, saying why, unless it is 2xx.
api() {
    local jar="$1" method="$2" path="$3" body="${4-}" status
    local args=(-sS -o "$work/api-response" -w '%{http_code}' -X "$method" -b "$jar" -c "$jar"
                -H 'Accept: application/json')
    [[ -z "$body" ]] || args+=(-H 'Content-Type: application/json' --data "$body")
    status=$(curl "${args[@]}" "$opencps_url$path") || { say "$method $path: curl failed"; return 1; }
    if [[ "$status" != 2?? ]]; then
        say "$method $path answered $status: $(head -c 600 "$work/api-response")"
        return 1
    fi
    cat "$work/api-response"
}

json_field() {  # NAME < JSON: the top-level field's value
    python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"
}

# The secretUri of POST /api/v1/me/print-queue/secret's answer, checked to be a secret queue URL.
json_secret_queue_url() {
    python3 -c '
import json, re, sys
uri = json.load(sys.stdin).get("secretUri")
if not isinstance(uri, str) or not re.fullmatch(r"ipps?://[^/\s]+/ipp/secret/[A-Za-z0-9_-]+", uri):
    sys.exit("no secretUri ipp://HOST:PORT/ipp/secret/SECRET in the answer")
print(uri)'
}

# Creates a customer (its id in opencps_org) and its administrator ($opencps_user_email) through the
# API, logged in with the cookies in $work/user.cookies.
# Returns 1, having said which step failed, when the API does not answer as expected.
opencps_customer_admin() {
    local admin="$work/admin.cookies" user="$work/user.cookies" answer root org token i license
    answer=$(api "$admin" POST /api/v1/auth/login \
        "{\"email\":\"$opencps_admin_email\",\"password\":\"$opencps_admin_password\"}") || return 1
    root=$(json_field organizationId <<< "$answer") || return 1
    license='{"deviceLimit":10,"plan":"bench","termStart":"2020-01-01","termEnd":"2099-12-31"}'
    answer=$(api "$admin" POST "/api/v1/organizations/$root/children" \
        "{\"kind\":\"CUSTOMER\",\"name\":\"Bench customer\",\"license\":$license}") || return 1
    org=$(json_field id <<< "$answer") || return 1
    api "$admin" POST "/api/v1/organizations/$org/invitations" \
        "{\"email\":\"$opencps_user_email\",\"roles\":[\"CUSTOMER_ADMIN\"]}" > /dev/null || return 1
    for (( i = 0; i < 100; i++ )); do
        token=$(grep -lsr "$opencps_user_email" "$opencps_data/mail-outbox" | xargs -r grep -ohE 'inv_[A-Za-z0-9_-]+' | tail -n 1)
        [[ -z "$token" ]] || break
        sleep 0.1
    done
    [[ -n "$token" ]] || { say "no invitation for $opencps_user_email in $opencps_data/mail-outbox within 10 s"; return 1; }
    api "$user" POST "/api/v1/invitations/$token/accept" \
        "{\"displayName\":\"Bench printer\",\"password\":\"$opencps_user_password\"}" > /dev/null || return 1
    rm -f "$user"
    api "$user" POST /api/v1/auth/login \
        "{\"email\":\"$opencps_user_email\",\"password\":\"$opencps_user_password\"}" > /dev/null || return 1
    opencps_org="$org"
}

# Creates a customer and a person in it through the API, and prints that person's secret queue URL.
# Returns 1, having said which step failed, when the API does not answer as expected.
opencps_secret_queue_url() {
    local answer
    opencps_customer_admin || return 1
    answer=$(api "$work/user.cookies" POST /api/v1/me/print-queue/secret) || return 1
    json_secret_queue_url <<< "$answer" || { say "POST /api/v1/me/print-queue/secret answered: $answer"; return 1; }
}

# How many HELD jobs the person has, through GET /api/v1/jobs (the session of opencps_secret_queue_url).
opencps_held_jobs() {
    local answer
    answer=$(api "$work/user.cookies" GET /api/v1/jobs) || return 1
    python3 -c 'import json, sys; print(sum(1 for job in json.load(sys.stdin) if job["state"] == "HELD"))' <<< "$answer"
}

# The server jar of the checkout at $1, built first when missing or older than the sources.
opencps_fresh_jar() {
    local root="$1" jar="$1/server/target/opencps-server.jar"
    if [[ ! -f "$jar" || -n "$(find "$root/pom.xml" "$root/server/pom.xml" "$root/server/src/main" -newer "$jar" -print -quit)" ]]; then
        echo "[bench] building $jar (missing or older than the sources)" >&2
        (cd "$root" && ./mvnw -q -B -DskipTests package > /dev/null) || { echo "[bench] error: the build failed" >&2; exit 1; }
    fi
    echo "$jar"
}
