# Sourced by the systemd tests: a Debian 12 root made once with debootstrap (kept between runs in
# $NHACVIEC_SYSTEMD_ROOT), copied fresh for each test into $run/root, booted with systemd-nspawn
# (--keep-unit: outside systemd there is no bus to make a scope on) and reached with nsenter.
#   check NAME COMMAND...   one test: "ok: NAME" or "FAILED: NAME"
#   fresh_root              $root: a new copy of the Debian 12 root
#   boot                    boots $root; then in_container COMMAND... runs inside it
#   email_section FROM TO TEXT   writes TO: the config FROM with its [email] section replaced by TEXT
#   finish                  the tally, and the exit status
# A test may set on_cleanup to a command run at exit before the container is stopped.
set -euo pipefail
cache=${NHACVIEC_SYSTEMD_ROOT:-/var/cache/nhacviec-test/bookworm}
run=$(mktemp -d /var/tmp/nhacviec-systemd.XXXXXX)
root=$run/root
passed=0
failed=0
nspawn=""
leader=""
on_cleanup=true

check() {
    if "${@:2}"; then passed=$((passed + 1)); echo "ok: $1"; else failed=$((failed + 1)); echo "FAILED: $1"; fi
}

cleanup() {
    $on_cleanup || true
    if [ -n "$nspawn" ] && kill -0 "$nspawn" 2>/dev/null; then
        kill -TERM "$nspawn" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$nspawn" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$nspawn" 2>/dev/null || true
    fi
    rm -rf "$run"
}
trap cleanup EXIT

fresh_root() {
    if [ ! -x "$cache/lib/systemd/systemd" ]; then
        echo "making the Debian 12 root in $cache (once per machine)"
        rm -rf "$cache.tmp"
        mkdir -p "$(dirname "$cache")"
        debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus,libcurl4,libsqlite3-0,tzdata,procps \
            bookworm "$cache.tmp" http://deb.debian.org/debian >"$run/debootstrap.log" 2>&1 \
            || { tail -20 "$run/debootstrap.log"; exit 1; }
        mv "$cache.tmp" "$cache"
    fi
    cp -a "$cache" "$root"
    echo nhacviec-test >"$root/etc/hostname"
}

in_container() { nsenter -t "$leader" -a "$@"; }

boot() {
    systemd-nspawn --register=no --keep-unit --quiet -D "$root" --boot >"$run/console.log" 2>&1 &
    nspawn=$!
    # The container's init is the child of systemd-nspawn.
    for _ in $(seq 100); do
        leader=$(pgrep -P "$nspawn" | head -1 || true)
        [ -n "$leader" ] && nsenter -t "$leader" -a true 2>/dev/null && break
        sleep 0.2
    done
    [ -n "$leader" ] || { cat "$run/console.log"; echo "the container did not boot"; exit 1; }
    local state=""
    for _ in $(seq 150); do
        state=$(in_container systemctl is-system-running 2>/dev/null || true)
        case "$state" in running | degraded) break ;; esac
        sleep 0.2
    done
    echo "container booted: $state"
}

email_section() {
    /usr/bin/python3 - "$1" "$2" "$3" <<'PY'
import sys
source, target, email = sys.argv[1:4]
text = open(source, encoding="utf-8").read()
start, end = text.index("[email]"), text.index("[[official]]")
open(target, "w", encoding="utf-8").write(text[:start] + "[email]\n" + email + "\n\n" + text[end:])
PY
}

finish() {
    echo "$(basename "$0" .sh): $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
