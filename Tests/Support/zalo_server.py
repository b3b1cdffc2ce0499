#!/usr/bin/env python3
"""A local server speaking the shapes of Zalo's Official Account APIs, for the Zalo tests, on a free
loopback port. Prints "PORT <n>".

- POST /v4/oa/access_token (form: app_id, grant_type=refresh_token, refresh_token; header secret_key):
  with the refresh token in use, answers a new pair ({"access_token", "refresh_token", "expires_in"})
  and forgets the old refresh token (Zalo's refresh tokens work once); with any other, error -14020.
- POST /v3.0/oa/group/message (header access_token): with the access token of the last pair, error 0
  and a message id; with another, error -216.
- POST /message/template (ZNS; header access_token): checked as the group's path is; a phone of 84 and
  nine digits, the --template-id and exactly the --template-params, or error -108, -109 or -112. With
  --quota N, the (N+1)th and later messages get error -211 (the OA's quota used up) until a POST to
  /test/new-day (its body may set a new quota); the answers carry data.quota as ZNS writes it (strings) with --report-quota.
- --answers FILE: a JSON list of canned answers the message path gives first, one per request, each
  {"status": 200, "body": {...}} or {"status": 200, "raw": "not json"}.
- --expire-after N: the access token stops working after N messages (Zalo expiring it early).
- --lose-refresh: the first refresh spends the refresh token and makes a new pair, but its answer never
  comes back (the window a kill -9 falls in: Zalo answered, nhacviec did not commit).
Every request is appended to --log as a JSON line: path, headers, body, and the tokens it was answered with.
"""
import argparse
import json
import secrets
import signal
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Lock


def main():
    # Swift's Process starts children with the parent thread's signal mask, where SIGTERM is blocked.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--refresh-token", required=True, help="the refresh token the administrator starts with")
    parser.add_argument("--secret-key", required=True)
    parser.add_argument("--answers")
    parser.add_argument("--expire-after", type=int)
    parser.add_argument("--lose-refresh", action="store_true")
    parser.add_argument("--template-id", default="")
    parser.add_argument("--template-params", default="", help="the template's parameters, comma-separated")
    parser.add_argument("--quota", type=int)
    parser.add_argument("--report-quota", action="store_true")
    args = parser.parse_args()
    state = {"refresh": args.refresh_token, "access": None, "sent": 0, "zns": 0,
             "answers": json.load(open(args.answers)) if args.answers else []}
    lock = Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_):
            pass

        def answer(self, status, body=None, raw=None):
            data = raw.encode() if raw is not None else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode("utf-8")
            headers = {k.lower(): v for k, v in self.headers.items()}
            with lock:
                record = {"path": self.path, "headers": headers, "body": body}
                if self.path == "/test/new-day":
                    state["zns"] = 0
                    args.quota = json.loads(body or "{}").get("quota", args.quota)
                    return self.answer(200, {})
                if self.path == "/v4/oa/access_token":
                    form = dict(urllib.parse.parse_qsl(body))
                    if headers.get("secret_key") != args.secret_key:
                        reply = {"error": -14002, "error_name": "Invalid secret key"}
                    elif form.get("grant_type") != "refresh_token" or form.get("refresh_token") != state["refresh"]:
                        reply = {"error": -14020, "error_name": "Invalid refresh token"}
                    else:
                        state["access"] = "access-" + secrets.token_hex(8)
                        state["refresh"] = "refresh-" + secrets.token_hex(8)
                        state["sent"] = 0
                        reply = {"access_token": state["access"], "refresh_token": state["refresh"],
                                 "expires_in": "90000"}
                        if args.lose_refresh:
                            args.lose_refresh = False
                            record["answer"] = "lost"
                            self.log(record)
                            lock.release()
                            try:
                                time.sleep(3600)
                            finally:
                                lock.acquire()
                            return
                    record["answer"] = reply
                    self.log(record)
                    return self.answer(200, reply)
                if state["answers"]:
                    canned = state["answers"].pop(0)
                    record["answer"] = canned
                    self.log(record)
                    return self.answer(canned.get("status", 200), canned.get("body"), canned.get("raw"))
                expired = args.expire_after is not None and state["sent"] >= args.expire_after
                if state["access"] is None or headers.get("access_token") != state["access"] or expired:
                    reply = {"error": -216, "message": "Access token is invalid"}
                elif self.path == "/message/template":
                    reply = self.zns(json.loads(body))
                else:
                    state["sent"] += 1
                    reply = {"error": 0, "message": "Success", "data": {"message_id": secrets.token_hex(8)}}
                record["answer"] = reply
                self.log(record)
                return self.answer(200, reply)

        def zns(self, message):
            params = set(p for p in args.template_params.split(",") if p)
            phone = message.get("phone", "")
            if not (phone.startswith("84") and len(phone) == 11 and phone.isdigit()):
                return {"error": -108, "message": "Phone number is invalid"}
            if message.get("template_id") != args.template_id:
                return {"error": -109, "message": "Template ID is invalid"}
            data = message.get("template_data") or {}
            if set(data) != params or not all(isinstance(v, str) for v in data.values()):
                return {"error": -112, "message": "Template data is invalid"}
            if len(message.get("tracking_id", "")) > 48:
                return {"error": -112, "message": "tracking_id is too long"}
            if args.quota is not None and state["zns"] >= args.quota:
                return {"error": -211, "message": "Out of quota"}
            state["sent"] += 1
            state["zns"] += 1
            data = {"msg_id": secrets.token_hex(8), "sent_time": str(int(time.time() * 1000))}
            if args.report_quota and args.quota is not None:
                data["quota"] = {"dailyQuota": str(args.quota), "remainingQuota": str(args.quota - state["zns"])}
            return {"error": 0, "message": "Success", "data": data}

        def log(self, record):
            with open(args.log, "a") as f:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
