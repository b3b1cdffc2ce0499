#!/usr/bin/env python3
"""A real HTTP receiver for the webhook tests, on a free loopback port.

Prints "PORT <n>", then answers by path: /ok and /telegram/bot<token>/sendMessage 200, /fail 500,
/limit 429 with Retry-After: 7, /gone 404, /never never answers in time, and /echo/… 404 with the
path in the body as Express's default page does (as sent and percent-encoded), the way a server leaks
a token that was in the URL. Every request is appended to
--log as a JSON line; with --secret (a Standard Webhooks "whsec_" key) the signature is checked here,
independently of nhacviec, and the result logged as "signature_valid".
"""
import argparse
import base64
import hashlib
import hmac
import json
import signal
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    # Swift's Process starts children with the parent thread's signal mask, where SIGTERM is blocked.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--secret")
    args = parser.parse_args()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_):
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            record = {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()},
                      "body": body.decode("utf-8"), "at": time.time()}
            if args.secret:
                key = base64.b64decode(args.secret[len("whsec_"):])
                signed = f"{self.headers.get('webhook-id')}.{self.headers.get('webhook-timestamp')}.".encode() + body
                expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
                given = [s.split(",", 1)[1] for s in self.headers.get("webhook-signature", "").split() if s.startswith("v1,")]
                record["signature_valid"] = expected in given
            with open(args.log, "a") as f:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
            if self.path == "/never":
                time.sleep(30)
                return
            if self.path.startswith("/echo/"):
                page = ("<!DOCTYPE html><html><body><pre>Cannot POST %s</pre><!-- %s --></body></html>"
                        % (self.path, urllib.parse.quote(self.path, safe=""))).encode()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)
                return
            status, extra = {"/fail": (500, {}), "/limit": (429, {"Retry-After": "7"}), "/gone": (404, {})}.get(
                self.path, (200, {}))
            payload = json.dumps({"ok": status == 200}).encode()
            self.send_response(status)
            for name, value in extra.items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
