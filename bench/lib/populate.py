#!/usr/bin/env python3
"""Fills a running demo site for the large-folder runs: a folder /big of N pages, and /leaf, a page in the root
with the same title and body as /big's middle page, so that the two runs fetch the same bytes from different depths.

  populate.py BASE_URL USER PASSWORD N

One keep-alive connection, one POST a child; it exits non-zero at the first answer that is not 201.
"""

import base64
import http.client
import json
import sys
import urllib.parse

BODY = "<p>One page among many, served from a folder of thousands.</p>"


def main(base_url, user, password, n):
    url = urllib.parse.urlsplit(base_url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    credentials = base64.b64encode(f"{user}:{password}".encode()).decode()
    headers = {"Authorization": f"Basic {credentials}", "Content-Type": "application/json"}

    def create(folder, name, kind, title):
        child = {"name": name, "type": kind, "title": title}
        if kind == "page":
            child["body"] = BODY
        connection.request("POST", folder, json.dumps(child), headers)
        answer = connection.getresponse()
        answer.read()
        if answer.status != 201:
            sys.exit(f"populate: POST {folder} {name}: {answer.status} {answer.reason}")

    create("/", "big", "folder", "A folder of many pages")
    for i in range(1, n + 1):
        create("/big", page_name(i), "page", f"Page {i}")
    middle = n // 2
    create("/", "leaf", "page", f"Page {middle}")
    print(f"/big/{page_name(middle)}")


def page_name(i):
    return f"p{i:05d}"


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
