"""A loopback web that misbehaves on purpose: one threaded HTTP server per 127.x address (each a
distinct host for the checker), all serving the same routes, each logging when requests arrive."""

import datetime as dt
import http.server
import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID


@dataclass
class Arrival:
    host: str
    path: str
    at: float  # time.monotonic() when the request line was read
    user_agent: str


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (a slow server)
    reset: bool = False  # drop the connection with a TCP reset instead of answering


Route = Callable[[int], Reply]  # called with how many times this path was asked before


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that give up (the timeout case) are part of the script, not errors


class FakeWeb:
    def __init__(self, routes: dict[str, Route]):
        self.routes = routes
        self.arrivals: list[Arrival] = []
        self._lock = threading.Lock()
        self._servers: list[_QuietServer] = []

    def serve(self, address: str, tls: ssl.SSLContext | None = None) -> str:
        """Starts a server on `address` (random port); returns its base URL."""
        server = _QuietServer((address, 0), self._handler())
        if tls is not None:
            server.socket = tls.wrap_socket(server.socket, server_side=True)
        # A short poll interval: shutdown() waits for the next poll.
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        self._servers.append(server)
        host, port = server.server_address[:2]
        return f"{'https' if tls else 'http'}://{host}:{port}"

    def close(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()

    def arrivals_at(self, host: str) -> list[float]:
        return sorted(a.at for a in self.arrivals if a.host == host)

    def count(self, path: str) -> int:
        return sum(1 for a in self.arrivals if a.path == path)

    def _arrive(self, host: str, path: str, user_agent: str) -> int:
        with self._lock:
            before = sum(1 for a in self.arrivals if a.path == path)
            self.arrivals.append(Arrival(host, path, time.monotonic(), user_agent))
            return before

    def _handler(self):
        web = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                host = self.connection.getsockname()[0]
                before = web._arrive(host, self.path, self.headers.get("User-Agent", ""))
                route = web.routes.get(self.path)
                reply = route(before) if route else Reply(404, b"<html><title>Not found</title></html>")
                time.sleep(reply.delay)
                if reply.reset:
                    # SO_LINGER 0: close() sends a RST, like a crashing server or a dropping firewall.
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.connection.close()
                    self.close_connection = True
                    return
                self.send_response(reply.status)
                headers = {"Content-Type": "text/html; charset=utf-8", **reply.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            def log_message(self, format, *args):
                pass

        return Handler


def html(title: str, body: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>".encode()


def pdf(text: str) -> bytes:
    """A one-page PDF whose text layer says `text` (ASCII)."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@dataclass
class SelfSigned:
    certificate: x509.Certificate
    key: ec.EllipticCurvePrivateKey

    @classmethod
    def make(cls, common_name: str) -> "SelfSigned":
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
        now = dt.datetime.now(dt.timezone.utc)
        certificate = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .sign(key, hashes.SHA256())
        )
        return cls(certificate, key)

    def p7b(self) -> bytes:
        return pkcs7.serialize_certificates([self.certificate], serialization.Encoding.DER)

    def server_context(self, folder) -> ssl.SSLContext:
        cert_file, key_file = folder / "tls-cert.pem", folder / "tls-key.pem"
        cert_file.write_bytes(self.certificate.public_bytes(serialization.Encoding.PEM))
        key_file.write_bytes(
            self.key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_file, key_file)
        return context
