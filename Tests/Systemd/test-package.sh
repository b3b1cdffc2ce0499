#!/usr/bin/env bash
# The Debian package under a real systemd: installed with apt-get into a fresh Debian 12 root (its
# dependencies already there), it makes the service's user and starts nothing; two wards run side by side
# from the template unit, each with its own config, state and journal identifier; the command line finds each
# ward's state; `apt-get purge` removes the package, its state and its units.
# Usage: Tests/Systemd/test-package.sh DEB   (what `make deb` built)
deb=$(realpath "$1")
. "$(dirname "$0")/container.sh"
fresh_root
cp "$deb" "$root/root/"
boot

name=$(basename "$deb")
in_container apt-get install -y -q "/root/$name" >"$run/apt.log" 2>&1 || true
check "apt-get installs $name" bash -c "nsenter -t $leader -a dpkg -s nhacviec | grep -q '^Status: install ok installed'"
check "its postinst made the service's user" in_container id nhacviec
check "the binary is on PATH" test -x "$root/usr/bin/nhacviec"
check "nothing is enabled" test "$(in_container systemctl is-enabled nhacviec 2>/dev/null || true)" = disabled
check "nothing is started" test "$(in_container systemctl is-active nhacviec || true)" = inactive
check "the credentials folder is root's alone (0700)" test "$(stat -c %a "$root/etc/nhacviec/credentials")" = 700
check "the example config is a conffile" bash -c \
    "nsenter -t $leader -a dpkg-query -W -f='\${Conffiles}' nhacviec | grep -q /etc/nhacviec/nhacviec.toml"

# Two wards: each a copy of the example, mail into a Maildir in its own state, on a virtual clock just before
# 07:30 on 14/03/2024.
for ward in ngo-quyen tran-phu; do
    install -d "$root/etc/nhacviec/$ward"
    cp -r "$root/etc/nhacviec/plans" "$root/etc/nhacviec/$ward/"
    email_section "$root/etc/nhacviec/nhacviec.toml" "$root/etc/nhacviec/$ward/nhacviec.toml" 'from = "vp@phuong.example"'
done
install -d "$root/etc/systemd/system/nhacviec@.service.d"
cat >"$root/etc/systemd/system/nhacviec@.service.d/clock.conf" <<'UNIT'
[Service]
ExecStart=
ExecStart=/usr/bin/nhacviec serve --config /etc/nhacviec/%i/nhacviec.toml --clock-start 2024-03-14T07:29:56+07:00
UNIT
in_container systemctl daemon-reload
in_container systemctl start nhacviec@ngo-quyen nhacviec@tran-phu
for ward in ngo-quyen tran-phu; do
    check "nhacviec@$ward is active" test "$(in_container systemctl is-active "nhacviec@$ward")" = active
done
for ward in ngo-quyen tran-phu; do
    delivered=0
    for _ in $(seq 100); do
        delivered=$( (find "$root/var/lib/nhacviec/$ward/maildir/new" -type f 2>/dev/null || true) | wc -l)
        [ "$delivered" -ge 7 ] && break
        sleep 0.2
    done
    check "$ward's reminders land in its own state, /var/lib/nhacviec/$ward ($delivered)" test "$delivered" -ge 7
    check "$ward has its own state database" test -f "$root/var/lib/nhacviec/$ward/nhacviec.sqlite"
    check "$ward writes to the journal as nhacviec-$ward" \
        bash -c "nsenter -t $leader -a journalctl -t nhacviec-$ward --no-pager -o cat | grep -qF 'started: 24 tasks'"
    said=$(in_container nhacviec status --config "/etc/nhacviec/$ward/nhacviec.toml" 2>&1 || true)
    check "status of $ward, run as root, reads that ward's state" grep -qF "Đã gửi:               7" <<<"$said"
done
check "the wards' states are apart" test "$(find "$root/var/lib/nhacviec" -name nhacviec.sqlite | wc -l)" = 2
warnings=$(in_container journalctl -u 'nhacviec@*' --no-pager -o cat -p warning)
check "no line of warning or worse from either ward${warnings:+: $warnings}" test -z "$warnings"
in_container systemctl stop nhacviec@ngo-quyen nhacviec@tran-phu

in_container apt-get purge -y -q nhacviec >"$run/purge.log" 2>&1 || true
check "apt-get purge removes the package" bash -c "! nsenter -t $leader -a dpkg -s nhacviec >/dev/null 2>&1"
for path in usr/bin/nhacviec lib/systemd/system/nhacviec.service lib/systemd/system/nhacviec@.service \
    etc/nhacviec/nhacviec.toml etc/nhacviec/credentials var/lib/nhacviec; do
    check "and /$path with it" test ! -e "$root/$path"
done
finish
