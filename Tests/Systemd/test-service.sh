#!/usr/bin/env bash
# The service under a real systemd: a Debian 12 root made with debootstrap (kept between runs in
# $NHACVIEC_SYSTEMD_ROOT), a tree made by `make install DESTDIR=…` copied into a fresh copy of it, booted with
# systemd-nspawn (--keep-unit: outside systemd there is no bus to make a scope on). Starts the unit and checks it becomes active only after READY=1, that a reminder is
# delivered, that it reloads, that it stops in time, and that its journal says so.
# Usage: Tests/Systemd/test-service.sh STAGING   (the DESTDIR of `make install`)
set -euo pipefail
staging=$1
cache=${NHACVIEC_SYSTEMD_ROOT:-/var/cache/nhacviec-test/bookworm}
run=$(mktemp -d /var/tmp/nhacviec-systemd.XXXXXX)
passed=0
failed=0
nspawn=""

check() { # check NAME COMMAND...: one test
    if "${@:2}"; then passed=$((passed + 1)); echo "ok: $1"; else failed=$((failed + 1)); echo "FAILED: $1"; fi
}

cleanup() {
    if [ -n "$nspawn" ] && kill -0 "$nspawn" 2>/dev/null; then
        kill -TERM "$nspawn" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$nspawn" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$nspawn" 2>/dev/null || true
    fi
    rm -rf "$run"
}
trap cleanup EXIT

if [ ! -x "$cache/lib/systemd/systemd" ]; then
    echo "making the Debian 12 root in $cache (once per machine)"
    rm -rf "$cache.tmp"
    mkdir -p "$(dirname "$cache")"
    debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus,libcurl4,libsqlite3-0,tzdata,procps \
        bookworm "$cache.tmp" http://deb.debian.org/debian >"$run/debootstrap.log" 2>&1 \
        || { tail -20 "$run/debootstrap.log"; exit 1; }
    mv "$cache.tmp" "$cache"
fi

root=$run/root
cp -a "$cache" "$root"
for file in usr/local/bin/nhacviec etc/systemd/system/nhacviec.service etc/nhacviec/nhacviec.toml \
    etc/nhacviec/plans/ngo-quyen-2024.toml usr/local/share/doc/nhacviec/README.md; do
    check "make install put /$file in place" test -e "$staging/$file"
done
cp -a "$staging/." "$root/"
# The example is the plan of 2024: the unit runs on a virtual clock that reaches 07:30 on 14/03/2024
# a few seconds after it starts.
install -d "$root/etc/systemd/system/nhacviec.service.d"
cat >"$root/etc/systemd/system/nhacviec.service.d/clock.conf" <<'UNIT'
[Service]
ExecStart=
ExecStart=/usr/local/bin/nhacviec serve --config /etc/nhacviec/nhacviec.toml --clock-start 2024-03-14T07:29:56+07:00
UNIT
echo nhacviec-test >"$root/etc/hostname"

systemd-nspawn --register=no --keep-unit --quiet -D "$root" --boot >"$run/console.log" 2>&1 &
nspawn=$!
# The container's init is the child of systemd-nspawn.
leader=""
for _ in $(seq 100); do
    leader=$(pgrep -P "$nspawn" | head -1 || true)
    [ -n "$leader" ] && nsenter -t "$leader" -a true 2>/dev/null && break
    sleep 0.2
done
[ -n "$leader" ] || { cat "$run/console.log"; echo "the container did not boot"; exit 1; }
in_container() { nsenter -t "$leader" -a "$@"; }
for _ in $(seq 150); do
    state=$(in_container systemctl is-system-running 2>/dev/null || true)
    case "$state" in running | degraded) break ;; esac
    sleep 0.2
done
echo "container booted: $state"

check "the unit is inactive before start" test "$(in_container systemctl is-active nhacviec || true)" = inactive
in_container systemctl start nhacviec
check "the unit is active once started" test "$(in_container systemctl is-active nhacviec)" = active
started=$(in_container systemctl show nhacviec -p ExecMainStartTimestampMonotonic --value)
active=$(in_container systemctl show nhacviec -p ActiveEnterTimestampMonotonic --value)
check "it became active only after READY=1, not when the process started ($started < $active)" test "$active" -gt "$started"

maildir=/var/lib/private/nhacviec/maildir/new
delivered=0
for _ in $(seq 100); do
    delivered=$(in_container sh -c "ls $maildir 2>/dev/null | wc -l")
    [ "$delivered" -ge 7 ] && break
    sleep 0.2
done
check "the reminders and the report of 14/03/2024 are delivered into the Maildir ($delivered)" test "$delivered" -ge 7

in_container systemctl reload nhacviec
# RELOADING=1 puts the unit in "reloading" until READY=1 comes back.
for _ in $(seq 50); do
    [ "$(in_container systemctl is-active nhacviec || true)" = active ] && break
    sleep 0.1
done
check "the unit is active again after a reload" test "$(in_container systemctl is-active nhacviec)" = active

before=$(date +%s)
in_container systemctl stop nhacviec
after=$(date +%s)
check "it stops within 10 seconds ($((after - before)) s)" test $((after - before)) -lt 10
check "it stopped cleanly" test "$(in_container systemctl show nhacviec -p Result --value)" = success

journal=$(in_container journalctl -u nhacviec --no-pager -o cat)
for line in "started: 24 tasks" "queued 7 notification(s) for 2024-03-14" "delivered 2024-03-14/hung/email" \
    "reloaded: 24 tasks" "stopped"; do
    check "the journal says \"$line\"" grep -qF "$line" <<<"$journal"
done
priority=$(in_container journalctl -u nhacviec --no-pager -o json | grep -F '"MESSAGE":"started: ' | grep -o '"PRIORITY":"[0-9]"' | head -1)
check "journald got the info priority from the line prefix ($priority)" test "$priority" = '"PRIORITY":"6"'

echo "systemd: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
