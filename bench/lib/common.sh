# Shell functions shared by bench/run and examples/scale-out/run: processes, ports, CPU time, packages.
# Sourced, not run. A function reports a problem on stderr and returns non-zero; the caller decides whether that
# ends its script, so that each script keeps its own cleanup and exit status.

# TERM first, so that a JVM shuts its container down and nginx and PostgreSQL close cleanly; KILL if the process is
# still there after 10 s. Only ever given the pid of a process the calling script started.
stop_process() {
    local pid=$1 tries
    [[ -n $pid ]] || return 0
    kill "$pid" 2>/dev/null || true
    for ((tries = 0; tries < 50; tries++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# A port that is free on 127.0.0.1 now; the process that binds it comes a moment later, which is good enough on
# loopback for a test.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Polls URL until it answers 200. Gives up when process PID has exited (it will never answer) or after TIMEOUT
# seconds.
wait_http_ok() {
    local url=$1 pid=$2 timeout=$3
    local deadline=$((SECONDS + timeout))
    while ((SECONDS < deadline)); do
        kill -0 "$pid" 2>/dev/null || return 1
        [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url") == 200 ]] && return 0
        sleep 0.5
    done
    return 1
}

# CPU time (user + system) used so far by the given processes, in clock ticks; a process that is gone counts 0.
# The fields are counted after the ") " that closes the process name, which may itself hold spaces.
cpu_ticks() {
    local pid ticks total=0
    for pid in "$@"; do
        ticks=$(awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null) || ticks=0
        total=$((total + ${ticks:-0}))
    done
    echo "$total"
}

ticks_to_seconds() {
    awk -v t="$1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}

# Installs Debian packages. Only root may, so anyone else gets the command to run instead.
apt_updated=0
apt_install() {
    if [[ $(id -u) != 0 ]]; then
        echo "$* is missing; install it (apt-get install -y $*) or run as root" >&2
        return 1
    fi
    if ((!apt_updated)); then
        apt-get update -qq || return 1
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
