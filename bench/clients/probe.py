#!/usr/bin/env python3
"""The slow-client figures of bench/clients/run: holds slow connections against a running site for a while and asks
for GET /welcome once a second meanwhile, then prints each probe's status and time and the slowest.

  probe.py PORT bodies CONNECTIONS SECONDS    connections that declare Content-Length: 100000, send 3 bytes and
                                             fall silent (half PUT /slowN, half GET /welcome)
  probe.py PORT heads CONNECTIONS SECONDS     connections that send one byte of a request head every 2 s
  probe.py PORT uploads CONNECTIONS SECONDS   managers' uploads (the bench manager) that declare
                                             Content-Length: 100000, send 3 bytes and fall silent
"""

import base64
import socket
import sys
import threading
import time


def slow_bodies(port, count):
    sockets = []
    for i in range(count):
        s = socket.create_connection(("127.0.0.1", port))
        target = f"PUT /slow{i}" if i % 2 == 0 else "GET /welcome"
        s.sendall(f"{target} HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\nabc"
                  .encode())
        sockets.append(s)
    return sockets, None


def stalled_uploads(port, count):
    login = "Authorization: Basic " + base64.b64encode(b"bench:bench").decode() + "\r\n"
    # One whole upload first, so that the login is checked once and kept: that many first logins at once would be
    # past the bound on password checks, and answered 503 without holding anything.
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(f"PUT /warm HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n{login}Connection: close\r\n"
                  "Content-Length: 1\r\n\r\nx".encode())
        s.recv(65536)
    sockets = []
    for i in range(count):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(f"PUT /stalled{i} HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n{login}"
                  "Content-Length: 100000\r\n\r\nabc".encode())
        sockets.append(s)
    return sockets, None


def slow_heads(port, count):
    head = b"GET /welcome HTTP/1.1\r\nHost: x\r\nX-Slow: "
    sockets = [socket.create_connection(("127.0.0.1", port)) for _ in range(count)]
    stop = threading.Event()

    def drip():
        sent = 0
        while not stop.wait(0 if sent == 0 else 2):
            byte = head[min(sent, len(head) - 1):][:1]
            for s in sockets:
                try:
                    s.sendall(byte)
                except OSError:
                    pass  # a container may close a dripping connection; that is its right
            sent += 1

    threading.Thread(target=drip, daemon=True).start()
    return sockets, stop


def probe_once(port):
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(b"GET /welcome HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answer = b""
        while True:
            data = s.recv(65536)
            if not data:
                break
            answer += data
    return int(answer[9:12]), (time.monotonic() - start) * 1000


def main(port, kind, count, seconds):
    holders = {"bodies": slow_bodies, "heads": slow_heads, "uploads": stalled_uploads}
    sockets, stop = holders[kind](port, count)
    statuses, times = {}, []
    began = time.monotonic()
    for i in range(seconds):
        status, ms = probe_once(port)
        statuses[status] = statuses.get(status, 0) + 1
        times.append(ms)
        rest = began + i + 1 - time.monotonic()
        if rest > 0:
            time.sleep(rest)
    if stop:
        stop.set()
    for s in sockets:
        s.close()
    counts = ", ".join(f"{n} x {status}" for status, n in sorted(statuses.items()))
    print(f"slow {kind} ({count} connections, {seconds} s): probes {counts}; slowest {max(times):.0f} ms, "
          f"median {sorted(times)[len(times) // 2]:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
