# nginx in front of several Jope instances, as an unprivileged process on loopback. Sourced after common.sh.
# The config comes from a template (examples/scale-out/nginx.conf.template), so that the bench measures the same
# proxy the example documents. start_nginx sets NGINX_PID; stop it with stop_process "$NGINX_PID".

NGINX_PID=''

ensure_nginx() {
    command -v nginx >/dev/null || apt_install nginx
}

# Writes DIR/nginx.conf from TEMPLATE: @DIR@ becomes DIR, @PORT@ the port nginx listens on, and the line holding
# @UPSTREAMS@ one "server" line per upstream port.
render_nginx_conf() {
    local template=$1 dir=$2 port=$3 upstreams=("${@:4}")
    mkdir -p "$dir/temp"
    awk -v dir="$dir" -v port="$port" -v upstreams="${upstreams[*]}" '
        /@UPSTREAMS@/ {
            indent = $0; sub(/@UPSTREAMS@.*/, "", indent)
            n = split(upstreams, ports, " ")
            for (i = 1; i <= n; i++) print indent "server 127.0.0.1:" ports[i] ";"
            next
        }
        { gsub(/@DIR@/, dir); gsub(/@PORT@/, port); print }
    ' "$template" >"$dir/nginx.conf"
}

# Checks DIR/nginx.conf, then runs nginx in the foreground of a background job (the config says "daemon off"), so
# that NGINX_PID is the master's own pid. -e names the error log before the config is read: the built-in one is
# under /var/log/nginx, which only root may write.
start_nginx() {
    local dir=$1
    local args=(-p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log")
    nginx -t -q "${args[@]}" 2>>"$dir/error.log" || return 1
    nginx "${args[@]}" 2>>"$dir/error.log" &
    NGINX_PID=$!
}

# The master and its workers: the workers do the proxying, so their CPU time is the proxy's cost.
nginx_pids() {
    [[ -n $NGINX_PID ]] || return 0
    echo "$NGINX_PID"
    # By parent pid, so only this nginx's workers; pgrep, because ps pads a short pid with spaces.
    pgrep -P "$NGINX_PID" || true
}
