#!/usr/bin/env bash
# The service under a real systemd: a Debian 12 root made with debootstrap (kept between runs in
# $NHACVIEC_SYSTEMD_ROOT), a tree made by `make install DESTDIR=…` copied into a fresh copy of it, booted with
# systemd-nspawn (--keep-unit: outside systemd there is no bus to make a scope on). Starts the unit and checks it
# becomes active only after READY=1, that reminders reach a mail server on the host (aiosmtpd, STARTTLS and AUTH,
# the password only as a file in the credentials folder, which systemd hands over as nhacviec_smtp-password), that it
# reloads, that it stops in time, that its journal says so and holds no warning, and that a unit whose credentials
# folder is missing still starts.
# Usage: Tests/Systemd/test-service.sh STAGING   (the DESTDIR of `make install`)
staging=$1
. "$(dirname "$0")/container.sh"
smtp=""
zalo=""
stop_smtp() {
    if [ -n "$smtp" ]; then kill "$smtp" 2>/dev/null || true; fi
    if [ -n "$zalo" ]; then kill "$zalo" 2>/dev/null || true; fi
}
on_cleanup=stop_smtp
fresh_root
for file in usr/local/bin/nhacviec etc/systemd/system/nhacviec.service etc/nhacviec/nhacviec.toml \
    etc/nhacviec/plans/ngo-quyen-2024.toml usr/local/share/doc/nhacviec/README.md; do
    check "make install put /$file in place" test -e "$staging/$file"
done
cp -a "$staging/." "$root/"
# A mail server on the host's loopback, which the container shares: STARTTLS with a certificate made here,
# AUTH required. The password is only in the credentials folder.
support=$(cd "$(dirname "$0")/../Support" && pwd)
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$run/key.pem" -out "$run/cert.pem" -days 2 -subj /CN=127.0.0.1 \
    -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1
/usr/bin/python3 "$support/smtp_server.py" --store "$run/mail" --cert "$run/cert.pem" --key "$run/key.pem" \
    --auth vanphong:Mat-Khau-9 >"$run/smtp.out" 2>"$run/smtp.log" &
smtp=$!
for _ in $(seq 100); do grep -q '^PORT ' "$run/smtp.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/^PORT //p' "$run/smtp.out")
check "the test mail server listens on the host's loopback (port $port)" test -n "$port"
config=$root/etc/nhacviec/nhacviec.toml
cp "$run/cert.pem" "$root/etc/nhacviec/test-ca.pem"
# The web workspace on a free port of the loopback the container shares.
webport=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
email_section "$config" "$config" "url = \"smtp://127.0.0.1:$port\"
from = \"Văn phòng UBND phường Ngô Quyền <vanphong@phuong-ngoquyen.example>\"
username = \"vanphong\"
password_file = \"smtp-password\"
ca_file = \"/etc/nhacviec/test-ca.pem\"

[web]
listen = \"127.0.0.1:$webport\"
replaceable_plans = [\"plans/ngo-quyen-2024.toml\"]"
install -d -m 0700 "$root/etc/nhacviec/credentials"
printf 'Mat-Khau-9\n' >"$root/etc/nhacviec/credentials/smtp-password"
chmod 0600 "$root/etc/nhacviec/credentials/smtp-password"
# The example is the plan of 2024: the unit runs on a virtual clock that reaches 07:30 on 14/03/2024
# a few seconds after it starts.
install -d "$root/etc/systemd/system/nhacviec.service.d"
cat >"$root/etc/systemd/system/nhacviec.service.d/clock.conf" <<'UNIT'
[Service]
ExecStart=
ExecStart=/usr/local/bin/nhacviec serve --config /etc/nhacviec/nhacviec.toml --clock-start 2024-03-14T07:29:56+07:00
UNIT
boot
# What the package's postinst does: the service's user from sysusers.d.
in_container systemd-sysusers
check "systemd-sysusers made the service's user" in_container id nhacviec

check "the unit is inactive before start" test "$(in_container systemctl is-active nhacviec || true)" = inactive
# Before the service has ever run there is no state: done says so, fails, and makes none.
if early=$(in_container sh -c 'cd /root && nhacviec done 2.1.4' 2>&1); then early_status=0; else early_status=$?; fi
check "done before the service's first start fails (exit $early_status) and says there is no state" \
    bash -c "[ $early_status -ne 0 ] && grep -qF 'chưa có nhacviec.sqlite' <<<\"\$1\"" - "$early"
check "and makes no state anywhere" sh -c "[ ! -e '$root/var/lib/nhacviec/nhacviec.sqlite' ] && [ ! -e '$root/root/state' ]"
in_container systemctl start nhacviec
check "the unit is active once started" test "$(in_container systemctl is-active nhacviec)" = active
started=$(in_container systemctl show nhacviec -p ExecMainStartTimestampMonotonic --value)
active=$(in_container systemctl show nhacviec -p ActiveEnterTimestampMonotonic --value)
check "it became active only after READY=1, not when the process started ($started < $active)" test "$active" -gt "$started"

delivered=0
for _ in $(seq 100); do
    delivered=$(find "$run/mail" -name '*.eml' 2>/dev/null | wc -l)
    [ "$delivered" -ge 7 ] && break
    sleep 0.2
done
# The server requires AUTH after STARTTLS: a message it stored came through both.
check "the reminders and the report of 14/03/2024 reach the mail server, through STARTTLS and AUTH ($delivered)" \
    test "$delivered" -ge 7
page=$(curl -s --max-time 10 "http://127.0.0.1:$webport/dang-nhap" || true)
check "the unit serves the web workspace's sign-in page on 127.0.0.1:$webport" grep -qF 'name="email"' <<<"$page"
check "the password was read from \$CREDENTIALS_DIRECTORY/nhacviec_smtp-password, never written to the journal" \
    sh -c "! nsenter -t $leader -a journalctl --no-pager -o cat | grep -q Mat-Khau-9"

in_container systemctl reload nhacviec
# RELOADING=1 puts the unit in "reloading" until READY=1 comes back.
for _ in $(seq 50); do
    [ "$(in_container systemctl is-active nhacviec || true)" = active ] && break
    sleep 0.1
done
check "the unit is active again after a reload" test "$(in_container systemctl is-active nhacviec)" = active

# The clerk replaces the plan from the browser: the version is written into the state folder, the only one the
# unit lets the service write, and the service and the command line read it.
web=http://127.0.0.1:$webport
jar=$run/cookies
link=$(in_container nhacviec web-link thu | grep -o 'http://[^ ]*')
curl -s -c "$jar" -b "$jar" -o /dev/null "$link"
csrf=$(curl -s -c "$jar" -b "$jar" "$web/ke-hoach" | grep -o 'name="csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
plan=/etc/nhacviec/plans/ngo-quyen-2024.toml
curl -s -c "$jar" -b "$jar" -o "$run/copy.xlsx" "$web/ke-hoach/tai-ve?ke-hoach=$plan"
/usr/bin/python3 "$support/edit_workbook.py" "$run/copy.xlsx" "$run/mended.xlsx" \
    '{"add": [["K.1", "Kiểm tra trật tự xây dựng", "Nguyễn Văn Lâm", "Công chức Địa chính - Xây dựng", "", "19/03/2024"]]}'
preview=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' -F "csrf=$csrf" -F "ke-hoach=$plan" \
    -F "tep=@$run/mended.xlsx" "$web/ke-hoach/tai-len")
check "a version uploaded in the browser is checked and kept ($preview)" grep -q '/ke-hoach/ban/[0-9]' <<<"$preview"
applied=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$csrf" \
    --data-urlencode "ke-hoach=$plan" --data-urlencode "ban=${preview##*/}" --data "goc=&kieu=apply" "$web/ke-hoach/ap-dung")
check "and applied (HTTP $applied)" test "$applied" = 303
for _ in $(seq 50); do in_container journalctl -u nhacviec --no-pager -o cat | grep -qF "reloaded: 25 tasks" && break; sleep 0.1; done
check "the service reloads with it" sh -c "nsenter -t $leader -a journalctl -u nhacviec --no-pager -o cat | grep -qF 'reloaded: 25 tasks'"
check "its file is the service's, in the state folder" \
    test "$(in_container sh -c 'stat -c %U /var/lib/nhacviec/plan-versions/*/mended.xlsx' 2>/dev/null)" = nhacviec
check "the command line reads the version applied" sh -c "nsenter -t $leader -a nhacviec tasks --at 2024-03-14 | grep -q 'K.1'"

before=$(date +%s)
in_container systemctl stop nhacviec
after=$(date +%s)
check "it stops within 10 seconds ($((after - before)) s)" test $((after - before)) -lt 10
check "it stopped cleanly" test "$(in_container systemctl show nhacviec -p Result --value)" = success

warnings=$(in_container journalctl -u nhacviec --no-pager -o cat -p warning)
check "no line of warning or worse in the journal at start, reload and stop${warnings:+: $warnings}" test -z "$warnings"
journal=$(in_container journalctl -u nhacviec --no-pager -o cat)
for line in "started: 24 tasks" "queued 7 notification(s) for 2024-03-14" "delivered 2024-03-14/hung/email" \
    "reloaded: 24 tasks" "stopped"; do
    check "the journal says \"$line\"" grep -qF "$line" <<<"$journal"
done
priority=$(in_container journalctl -u nhacviec --no-pager -o json | grep -F '"MESSAGE":"started: ' | grep -o '"PRIORITY":"[0-9]"' | head -1)
check "journald got the info priority from the line prefix ($priority)" test "$priority" = '"PRIORITY":"6"'

# One state: the command line run by root on the server works on the service's own state, as the service's user.
done_said=$(in_container nhacviec done 2.1.4 --on 2024-03-15 --note "Đã rà soát" 2>&1 || true)
check "done, run as root with no option but the config, is recorded ($done_said)" \
    grep -qF "2.1.4: hoàn thành ngày 15/03/2024" <<<"$done_said"
uid=$(in_container id -u nhacviec)
strangers=$(find "$root/var/lib/nhacviec" ! -uid "$uid" -printf '%p ' 2>/dev/null)
check "every file of the state is still the service user's${strangers:+ (not: $strangers)}" test -z "$strangers"
check "no ./state was made where root stood" test ! -e "$root/root/state"
tasks=$(in_container sh -c 'cd /root && nhacviec tasks --at 2024-03-18 --json')
check "tasks, run as root, reads the completion from the service's state" /usr/bin/python3 -c '
import json, sys
rows = json.loads(sys.argv[1])
sys.exit(0 if any(r["task"] == "2.1.4" and r["status"] == "done_late" for r in rows) else 1)' "$tasks"
status=$(in_container nhacviec status 2>&1 || true)
check "status, run as root, shows the service's deliveries" grep -qF "Đã gửi:               7" <<<"$status"
checked=$(in_container nhacviec check 2>&1 || true)
check "check, run as root beside the service's state, finds the password where systemd will load it" \
    grep -qF '[email] password_file "smtp-password": /etc/nhacviec/credentials/smtp-password' <<<"$checked"
# Zalo: root gives the OA's first refresh token and sends a test to the group, with the tokens of the service's
# state (a server speaking Zalo's shapes on the host's loopback). Every file that writes there stays the service's,
# and the service, started next, refreshes with the pair root's send-test left.
cp "$config" "$run/config.before-zalo"
/usr/bin/python3 "$support/zalo_server.py" --log "$run/zalo.log" --refresh-token lan-dau-tien \
    --secret-key khoa-zalo-9 >"$run/zalo.out" 2>"$run/zalo.err" &
zalo=$!
for _ in $(seq 100); do grep -q '^PORT ' "$run/zalo.out" 2>/dev/null && break; sleep 0.1; done
zaloport=$(sed -n 's/^PORT //p' "$run/zalo.out")
cat >>"$config" <<TOML

[[webhook]]
name = "zalo-ubnd"
kind = "zalo-group"
group_id = "nhom-giao-ban"
app_id = "4242"
secret_key_file = "zalo-secret-key"
url = "http://127.0.0.1:$zaloport"
oauth_url = "http://127.0.0.1:$zaloport"
TOML
printf 'khoa-zalo-9\n' >"$root/etc/nhacviec/credentials/zalo-secret-key"
chmod 0600 "$root/etc/nhacviec/credentials/zalo-secret-key"
# Where only root reads it: the command reads it before it works as the service's user.
printf 'lan-dau-tien\n' >"$root/root/zalo-refresh-token"
chmod 0600 "$root/root/zalo-refresh-token"
token_said=$(in_container nhacviec zalo-token zalo-ubnd --refresh-token /root/zalo-refresh-token 2>&1 || true)
check "zalo-token, run as root, keeps the OA's first refresh token ($token_said)" grep -qF "zalo-ubnd" <<<"$token_said"
sent=$(in_container nhacviec send-test --webhook zalo-ubnd 2>&1 || true)
check "send-test --webhook to the Zalo group, run as root, is delivered with the state's tokens ($sent)" \
    grep -q '^delivered: Zalo message' <<<"$sent"
strangers=$(find "$root/var/lib/nhacviec" ! -uid "$uid" -printf '%p ' 2>/dev/null)
check "the tokens, the database's files and the Zalo lock file are still the service user's${strangers:+ (not: $strangers)}" \
    test -z "$strangers"
check "and the lock file is there" test -e "$root/var/lib/nhacviec/zalo-zalo-ubnd.lock"
check "no token or key in what send-test said" bash -c '! grep -qE "lan-dau-tien|khoa-zalo-9|access-[0-9a-f]|refresh-[0-9a-f]" <<<"$1"' - "$sent"
# The service, restarted on Monday 18/03/2024, sees the completion: 2.1.4 (overdue since 29/02, in that day's
# digests and the clerk's overdue list until now) is named in none of that day's mails.
cat >"$root/etc/systemd/system/nhacviec.service.d/clock.conf" <<'UNIT'
[Service]
ExecStart=
ExecStart=/usr/local/bin/nhacviec serve --config /etc/nhacviec/nhacviec.toml --clock-start 2024-03-18T07:29:56+07:00
UNIT
in_container systemctl daemon-reload
in_container systemctl start nhacviec
monday=0
for _ in $(seq 100); do
    monday=$( (grep -l '^Date: Mon, 18 Mar 2024' "$run"/mail/*.eml 2>/dev/null || true) | wc -l)
    queued=$(in_container systemctl show nhacviec -p StatusText --value || true)
    [ "$monday" -ge 1 ] && [[ "$queued" == *" 0 queued"* ]] && break
    sleep 0.2
done
check "the service sends the mails of 18/03/2024 ($monday)" test "$monday" -ge 1
check "and none of them names 2.1.4 any more" /usr/bin/python3 -c '
import email, email.policy, glob, sys
for path in glob.glob(sys.argv[1] + "/*.eml"):
    message = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
    if "18 Mar 2024" in message["Date"] and "[2.1.4]" in message.get_body(("plain",)).get_content():
        sys.exit(1)' "$run/mail"
check "the service is active after the restart" test "$(in_container systemctl is-active nhacviec)" = active
check "the service posts Monday's digests to the Zalo group with the token root's send-test got" /usr/bin/python3 -c '
import json, sys
requests = [json.loads(line) for line in open(sys.argv[1])]
access = None
posted = 0
for request in requests:
    if request["path"] == "/v4/oa/access_token":
        access = request["answer"].get("access_token")
    elif request["headers"].get("access_token") == access and request["answer"].get("error") == 0:
        posted += 1
sys.exit(0 if posted >= 2 and sum(r["path"] == "/v4/oa/access_token" for r in requests) == 1 else 1)' "$run/zalo.log"
in_container systemctl stop nhacviec
strangers=$(find "$root/var/lib/nhacviec" ! -uid "$uid" -printf '%p ' 2>/dev/null)
check "the state is still wholly the service user's after it ran again${strangers:+ (not: $strangers)}" test -z "$strangers"
journal=$(in_container journalctl -u nhacviec --no-pager -o cat)
check "no Zalo token or key in the journal" bash -c '! grep -qE "lan-dau-tien|khoa-zalo-9|access-[0-9a-f]|refresh-[0-9a-f]" <<<"$1"' - "$journal"
cp "$run/config.before-zalo" "$config"

# A broken plan: the service keeps running on the version it accepted last, says so, and mails the clerk the errors;
# a restart with the broken plan still in place runs on that version too.
plan=$root/etc/nhacviec/plans/ngo-quyen-2024.toml
cp "$plan" "$run/plan.good"
sed -i '0,/^focus = true/s//focux = true/' "$plan"
in_container systemctl start nhacviec
for _ in $(seq 50); do
    [[ "$(in_container systemctl show nhacviec -p StatusText --value)" == degraded* ]] && break
    sleep 0.2
done
check "with a broken plan the unit is active" test "$(in_container systemctl is-active nhacviec)" = active
check "and its STATUS= says degraded ($(in_container systemctl show nhacviec -p StatusText --value))" \
    bash -c "[[ \"\$(nsenter -t $leader -a systemctl show nhacviec -p StatusText --value)\" == degraded:* ]]"
status=$(in_container nhacviec status 2>&1 || true)
check "status shows the service's state and the plan's error with its place, in Vietnamese" bash -c \
    "grep -qF 'Đã gửi:' <<<\"\$1\" && grep -qF 'Kế hoạch:             BỊ TỪ CHỐI' <<<\"\$1\" && grep -qF 'ngo-quyen-2024.toml:33: khóa \"focux\" không có trong nhiệm vụ' <<<\"\$1\"" - "$status"
notice=""
for _ in $(seq 100); do
    notice=$(/usr/bin/python3 -c '
import email, email.policy, glob, sys
for path in glob.glob(sys.argv[1] + "/*.eml"):
    message = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
    if "chưa áp dụng" in str(message["Subject"]):
        print(message["To"], "|", message.get_body(("plain",)).get_content().replace("\n", " "))' "$run/mail")
    [ -n "$notice" ] && break
    sleep 0.2
done
check "the clerk's mail with the error and its place arrives, in Vietnamese" bash -c \
    "grep -qF 'thu@phuong-ngoquyen.example' <<<\"\$1\" && grep -qF 'ngo-quyen-2024.toml:33: khóa \"focux\" không có trong nhiệm vụ' <<<\"\$1\"" - "$notice"
in_container systemctl restart nhacviec
sleep 1
check "restarted with the broken plan still in place, the unit is active on the accepted version" \
    test "$(in_container systemctl is-active nhacviec)" = active
check "and says so in the journal" bash -c "nsenter -t $leader -a journalctl -u nhacviec --no-pager -o cat | \
    grep -qF 'the config or a plan has errors at start; the version accepted at'"
in_container systemctl stop nhacviec
notices=$(grep -l 'Subject: =?UTF-8' "$run"/mail/*.eml | xargs /usr/bin/python3 -c '
import email, email.policy, sys
print(sum("chưa áp dụng" in str(email.message_from_bytes(open(p, "rb").read(), policy=email.policy.default)["Subject"]) for p in sys.argv[1:]))')
check "the clerk was told once of that broken version, not at every start ($notices)" test "$notices" = 1
cp "$run/plan.good" "$plan"

# Without secrets and without a credentials folder (deleted by hand), the unit still starts: systemd makes the
# folder (ConfigurationDirectory=) before it loads the credentials.
in_container rm -rf /etc/nhacviec/credentials
email_section "$config" "$config" 'from = "vp@phuong-ngoquyen.example"'
in_container systemctl start nhacviec || true
check "a unit whose credentials folder is missing still starts" test "$(in_container systemctl is-active nhacviec)" = active
check "and the folder is there again, 0700" test "$(stat -c %a "$root/etc/nhacviec/credentials")" = 700
in_container systemctl stop nhacviec

finish
