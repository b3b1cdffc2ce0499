#!/usr/bin/env python3
"""A real SMTP server for the tests (Debian's python3-aiosmtpd), on a free loopback port.

Prints "PORT <n>" once listening, then serves until killed. Every message accepted is stored in
--store as <n>.eml, with <n>.json holding the envelope. Options make it behave as the tests need:
STARTTLS (--cert/--key, required before AUTH), implicit TLS (--implicit), AUTH (--auth user:password),
451 for the first N messages (--defer N), 550 for one recipient (--reject ADDRESS). Connections are
counted in --store/connections.
"""
import argparse
import asyncio
import json
import signal
import os
import ssl

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, store, defer, reject, delay):
        self.store = store
        self.delay = delay
        self.defer = defer
        self.reject = {r.lower() for r in reject}
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.defer > 0:
            self.defer -= 1
            return "451 4.3.0 Try again later"
        self.count += 1
        base = os.path.join(self.store, "%04d" % self.count)
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".json", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                       "tls": session.ssl is not None, "auth": session.authenticated}, f)
        return "250 2.0.0 Ok: queued as Q%04d" % self.count


def main():
    # Swift's Process starts children with the parent thread's signal mask, where SIGTERM is blocked.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--implicit", action="store_true")
    parser.add_argument("--auth")
    parser.add_argument("--defer", type=int, default=0)
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--delay", type=float, default=0, help="seconds to wait before answering DATA")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    os.makedirs(args.store, exist_ok=True)
    handler = Handler(args.store, args.defer, args.reject, args.delay)
    context = None
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        user, password = args.auth.split(":", 1)
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False)

    connections = os.path.join(args.store, "connections")

    def factory():
        with open(connections, "a") as f:
            f.write("1\n")
        options = {}
        if args.auth:
            options.update(authenticator=authenticator, auth_required=True,
                           auth_require_tls=bool(args.cert and not args.implicit))
        if context is not None and not args.implicit:
            options.update(tls_context=context, require_starttls=True)
        return SMTP(handler, hostname="test.example", **options)

    async def serve():
        loop = asyncio.get_running_loop()
        server = await loop.create_server(factory, "127.0.0.1", args.port, ssl=context if args.implicit else None)
        print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)
        await server.serve_forever()

    asyncio.run(serve())


if __name__ == "__main__":
    main()
