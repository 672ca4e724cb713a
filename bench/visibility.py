#!/usr/bin/env python3
"""How soon a write through one instance is visible through another: bench/visibility's measuring loop.

Writes version 1..N of one page through instance A (PUT, Basic auth) and, after each answer, reads the page through
instance B until it shows that version. Prints one line of figures: how many writes were visible on B's first read,
and the time from A's answer to B showing the version (p50, p99, max). Both connections are kept alive, so a read
costs one request on loopback.

Usage: visibility.py MODE A_PORT B_PORT USER PASSWORD WRITES
"""
import base64
import http.client
import sys
import time

PAGE = "/visibility-check"
GIVE_UP_SECONDS = 5.0


def percentile(sorted_values, fraction):
    index = min(len(sorted_values) - 1, max(0, int(round(fraction * len(sorted_values) + 0.5)) - 1))
    return sorted_values[index]


def main():
    mode, a_port, b_port, user, password, writes = sys.argv[1:7]
    writes = int(writes)
    auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
    a = http.client.HTTPConnection("127.0.0.1", int(a_port), timeout=10)
    b = http.client.HTTPConnection("127.0.0.1", int(b_port), timeout=10)

    def write(version):
        a.request("PUT", PAGE, body=f"v{version}", headers={"Authorization": auth, "Content-Type": "text/plain"})
        response = a.getresponse()
        response.read()
        if response.status not in (200, 201):
            raise SystemExit(f"visibility: PUT {PAGE} through A answered {response.status}")

    last_read = []

    def shows(version):
        started = time.perf_counter()
        b.request("GET", PAGE)
        response = b.getresponse()
        body = response.read().decode("utf-8", "replace")
        last_read[:] = [(time.perf_counter() - started) * 1000]
        return response.status == 200 and f">v{version}<" in body

    # Version 0 first, read through B until it shows it, so that B has the page cached before the measured writes.
    write(0)
    deadline = time.monotonic() + GIVE_UP_SECONDS
    while not shows(0):
        if time.monotonic() > deadline:
            raise SystemExit("visibility: B never showed the first version")

    first_read = 0
    millis = []
    showing_read = []
    reads = 0
    for version in range(1, writes + 1):
        write(version)
        answered = time.perf_counter()
        attempts = 1
        visible = shows(version)
        if visible:
            first_read += 1
        while not visible:
            if time.perf_counter() - answered > GIVE_UP_SECONDS:
                raise SystemExit(f"visibility: version {version} not visible through B within {GIVE_UP_SECONDS} s")
            attempts += 1
            visible = shows(version)
        millis.append((time.perf_counter() - answered) * 1000)
        showing_read.append(last_read[0])
        reads += attempts
    millis.sort()
    showing_read.sort()
    print(f"{mode}: {writes} writes through A; visible on B's first read: {first_read} of {writes}; "
          f"A's answer to B showing it: p50 {percentile(millis, 0.50):.2f} ms, p99 {percentile(millis, 0.99):.2f} ms, "
          f"max {millis[-1]:.2f} ms; {reads} reads through B, the one that showed it taking p50 "
          f"{percentile(showing_read, 0.50):.2f} ms")


if __name__ == "__main__":
    main()
