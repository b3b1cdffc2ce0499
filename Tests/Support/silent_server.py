#!/usr/bin/env python3
"""A server that accepts TCP connections and never says a word (an SMTP server that never greets).

Prints "PORT <n>"; appends a line to --log for each connection accepted; keeps every socket open.
"""
import argparse
import signal
import socket


def main():
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    print("PORT %d" % server.getsockname()[1], flush=True)
    kept = []
    while True:
        connection, _ = server.accept()
        kept.append(connection)
        with open(args.log, "a") as f:
            f.write("connection\n")


if __name__ == "__main__":
    main()
