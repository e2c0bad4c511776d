"""A static file server for benchmarks: serves a built site on 127.0.0.1 with the cache headers a
real host sends (ETag + `Cache-Control: no-cache`, so a reload revalidates and gets 304s), and
counts the bytes it sends so a benchmark can report what a page load really transferred."""

import functools
import hashlib
import http.server
import os
import threading
from pathlib import Path


class _CountingHandler(http.server.SimpleHTTPRequestHandler):
    server: "CachingServer"
    # Chromium's HTTP cache ignores an ETag on an HTTP/1.0 response, so workers and fetch() would
    # download everything again; real hosts speak HTTP/1.1 (or 2).
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _file(self) -> Path:
        path = Path(self.translate_path(self.path))
        return path / "index.html" if path.is_dir() else path

    def send_header(self, keyword, value):
        if keyword.lower() != "last-modified":  # ETag only: one validator, no heuristic freshness
            super().send_header(keyword, value)

    def end_headers(self):
        path = self._file()
        if path.is_file():
            self.send_header("ETag", self.server.etag(path))
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_head(self):
        path = self._file()
        if path.is_file() and self.headers.get("If-None-Match") == self.server.etag(path):
            self.send_response(304)
            self.end_headers()
            return None
        return super().send_head()

    def handle_one_request(self):
        before = self.wfile.written
        super().handle_one_request()
        self.server.count(self.wfile.written - before)

    def setup(self):
        super().setup()
        self.wfile = _CountedWriter(self.wfile)


class _CountedWriter:
    def __init__(self, raw):
        self.raw, self.written = raw, 0

    def write(self, data):
        self.written += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class CachingServer(http.server.ThreadingHTTPServer):
    def __init__(self, directory: Path):
        super().__init__(("127.0.0.1", 0), functools.partial(_CountingHandler, directory=str(directory)))
        self._etags: dict[tuple[str, float], str] = {}
        self._lock = threading.Lock()
        self.bytes_sent = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def etag(self, path: Path) -> str:
        key = (str(path), os.stat(path).st_mtime)
        if key not in self._etags:
            self._etags[key] = '"' + hashlib.sha256(path.read_bytes()).hexdigest()[:20] + '"'
        return self._etags[key]

    def count(self, sent: int) -> None:
        with self._lock:
            self.bytes_sent += sent

    def take_bytes(self) -> int:
        """Bytes sent since the last call."""
        with self._lock:
            sent, self.bytes_sent = self.bytes_sent, 0
        return sent

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()
