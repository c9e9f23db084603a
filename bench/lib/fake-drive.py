#!/usr/bin/env python3
"""A stand-in for Google Drive on 127.0.0.1 for bench/scan-delivery.sh: the OAuth token endpoint a
link needs and Drive's resumable upload protocol, the uploaded bytes counted and thrown away.

  POST /token                                          -> {"access_token", "refresh_token", "expires_in"}
  POST /revoke                                         -> 200
  POST /upload/drive/v3/files?uploadType=resumable     -> 200, Location: .../upload/drive/v3/files?uploadType=resumable&upload_id=N
       (X-Upload-Content-Length: the file's size; a bearer token is required)
  PUT  <Location> with Content-Range: bytes A-B/TOTAL  -> 308 with Range: bytes=0-X while incomplete, then 200 {"id", "name", "size"}
  PUT  <Location> with Content-Range: bytes */TOTAL    -> what is held (308, or 200 when complete)

A chunk that does not start where the held bytes end is read and dropped, answered 308 with what is
held (as Google does). Bodies are read in 1 MiB pieces, never whole. Each finished upload appends a
line "upload_id bytes begun finished name" to the file given as second argument (the times when
the session was opened and when its last byte came, in seconds since the epoch).

Usage: fake-drive.py PORT_FILE DONE_FILE   (binds a free port and writes it to PORT_FILE)
"""
import http.server
import json
import os
import re
import sys
import threading
import time
import urllib.parse

PIECE = 1024 * 1024
RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+)$")
QUERY = re.compile(r"bytes \*/(\d+)$")

lock = threading.Lock()
sessions = {}  # upload_id -> {"total", "held", "name"}
done_file = sys.argv[2]


class Drive(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def json(self, status, value, headers=()):
        self.answer(status, json.dumps(value).encode(), list(headers) + [("Content-Type", "application/json")])

    def drain(self):
        """Reads the body in pieces; answers how many bytes it had."""
        if "chunked" in self.headers.get("Transfer-Encoding", ""):
            raise ValueError("chunked bodies are not supported here")
        left = int(self.headers.get("Content-Length", "0"))
        read = 0
        while left > 0:
            piece = self.rfile.read(min(PIECE, left))
            if not piece:
                break
            left -= len(piece)
            read += len(piece)
        return read

    def do_POST(self):
        path = urllib.parse.urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if path.path == "/token":
            self.json(200, {"access_token": "bench-access", "refresh_token": "bench-refresh",
                            "expires_in": 3600, "token_type": "Bearer"})
        elif path.path == "/revoke":
            self.answer(200)
        elif path.path == "/upload/drive/v3/files" and "uploadType=resumable" in path.query:
            if not self.headers.get("Authorization", "").startswith("Bearer "):
                self.json(401, {"error": {"code": 401, "message": "no bearer token"}})
                return
            name = json.loads(body or b"{}").get("name", "")
            with lock:
                upload_id = str(len(sessions) + 1)
                sessions[upload_id] = {"total": int(self.headers["X-Upload-Content-Length"]), "held": 0, "name": name,
                                       "begun": time.time()}
            host = self.headers.get("Host", "127.0.0.1:%d" % self.server.server_port)
            location = "http://%s/upload/drive/v3/files?uploadType=resumable&upload_id=%s" % (host, upload_id)
            self.answer(200, headers=[("Location", location)])
        else:
            self.json(404, {"error": {"code": 404, "message": "not here"}})

    def do_PUT(self):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        session = sessions.get((query.get("upload_id") or [""])[0])
        if session is None:
            self.drain()
            self.json(404, {"error": {"code": 404, "message": "no such upload session"}})
            return
        content_range = self.headers.get("Content-Range", "")
        chunk = RANGE.match(content_range)
        read = self.drain()
        if chunk:
            first, last = int(chunk.group(1)), int(chunk.group(2))
            if first == session["held"] and read == last - first + 1:
                session["held"] += read
        elif not QUERY.match(content_range):
            self.json(400, {"error": {"code": 400, "message": "Content-Range bytes A-B/TOTAL or bytes */TOTAL"}})
            return
        if session["held"] == session["total"]:
            upload_id = query["upload_id"][0]
            if not session.get("reported"):
                session["reported"] = True
                with open(done_file, "a") as out:
                    out.write("%s %d %.3f %.3f %s\n" % (upload_id, session["held"], session["begun"], time.time(),
                                                         session["name"]))
            self.json(200, {"id": "bench-file-" + upload_id, "name": session["name"], "size": str(session["held"])})
        elif session["held"] > 0:
            self.answer(308, headers=[("Range", "bytes=0-%d" % (session["held"] - 1))])
        else:
            self.answer(308)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Drive)
with open(sys.argv[1] + ".new", "w") as out:
    out.write(str(server.server_port))
os.replace(sys.argv[1] + ".new", sys.argv[1])
server.serve_forever()
