"""The built site over HTTP on 127.0.0.1: for `make serve`, the PDF printer, the browser tests and
the benchmarks, with the cache headers a real host sends.

Every response carries an ETag and `Cache-Control: no-cache`, so a reload revalidates and gets
304s, and the server counts the bytes it sends so a benchmark can say what a load transferred.

    python -m macros.serve [--site site] [--port 8000]
"""

import argparse
import functools
import hashlib
import http.server
import os
import sys
import threading
from pathlib import Path


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    server: "SiteServer"
    # Chromium's HTTP cache ignores an ETag on an HTTP/1.0 response, so workers and fetch() would
    # download everything again; real hosts speak HTTP/1.1 (or 2).
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 (the standard library's name)
        if self.server.verbose:
            super().log_message(format, *args)

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


class SiteServer(http.server.ThreadingHTTPServer):
    """Serves `directory` on 127.0.0.1 (`port` 0: a free one); a context manager runs it in a thread."""

    def __init__(self, directory: Path, port: int = 0, verbose: bool = False):
        super().__init__(("127.0.0.1", port), functools.partial(_SiteHandler, directory=str(directory)))
        self.verbose = verbose
        self._etags: dict[tuple[str, float], str] = {}
        self._lock = threading.Lock()
        self.bytes_sent = 0

    def handle_error(self, request, client_address):
        # A browser closing a connection early (Chromium's PDF viewer does) is not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.serve", description="Serve the built site on 127.0.0.1.")
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--port", type=int, default=8000, help="the port (default: 8000)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site} holds no built site: run `make build` first.", file=sys.stderr)
        return 2
    try:
        server = SiteServer(args.site, args.port, verbose=True)
    except OSError as error:
        print(f"Cannot listen on 127.0.0.1:{args.port}: {error.strerror}. Is another server running? "
              "Choose another port with `make serve PORT=8001`.", file=sys.stderr)
        return 2
    print(f"Serving {args.site}/ on {server.url} (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
