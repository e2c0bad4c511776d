"""A loopback web that misbehaves on purpose: one threaded HTTP server per 127.x address (each a
distinct host for the checker), all serving the same routes, each logging when requests arrive;
the script of every case (`routes`), and `write_registry` for registries pointing at it."""

import datetime as dt
import http.server
import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import yaml
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


# The script: what each path of the fake web does.

HOME = html("Agence - Accueil", "<h1>Welcome home</h1><p>News and services.</p>")
PAGE = html(
    "Contrat d'adh\u00e9sion",
    "<h1>Contrat d\u2019adh\u00e9sion</h1><h2 id='step-1'>Step 1</h2><a name='old-anchor'></a><p>Signez le contrat.</p>",
)
CHALLENGE = html("Just a moment...", "<div id='challenge-platform'>Checking your browser</div>")


def _always(reply: Reply):
    return lambda before: reply


def _redirect(status: int, location: str):
    return _always(Reply(status, headers={"Location": location}))


def routes(chain_p7b: bytes, rogue_p7b: bytes) -> dict:
    pdf_type = {"Content-Type": "application/pdf"}
    return {
        "/": _always(Reply(body=HOME)),
        "/page": _always(Reply(body=PAGE)),
        "/missing-404": _always(Reply(404, html("Not found"))),
        "/gone": _always(Reply(410, html("Gone"))),
        "/old-page": _redirect(302, "/"),
        "/moved": _redirect(301, "/generic"),
        "/generic": _always(Reply(body=html("Our services", "<p>Everything we do.</p>"))),
        "/not-found-200": _always(Reply(body=html("Page non trouv\u00e9e | Agence", "<p>Sorry.</p>"))),
        "/form-now-html.pdf": _always(Reply(body=html("Documents", "<p>Our forms moved.</p>"))),
        "/page-now-pdf": _always(Reply(body=pdf("Annual report"), headers=pdf_type)),
        "/form.pdf": _always(Reply(body=pdf("Formulaire F413 - commande de certificats"), headers=pdf_type)),
        "/other.pdf": _always(Reply(body=pdf("Formulaire F999"), headers=pdf_type)),
        "/chain/1": _redirect(301, "/chain/2"),
        "/chain/2": _redirect(302, "/chain/end"),
        "/chain/end": _always(Reply(body=PAGE)),
        "/busy": _always(Reply(429, html("Too many requests"), {"Retry-After": "1"})),
        "/busy-once": lambda before: Reply(body=PAGE) if before else Reply(429, b"", {"Retry-After": "1"}),
        "/challenge": _always(Reply(503, CHALLENGE, {"cf-mitigated": "challenge"})),
        "/challenge-200": _always(Reply(body=html("Just a moment...", "<script>window._cf_chl_opt={}</script>"))),
        "/forbidden": _always(Reply(403, html("Forbidden"))),
        "/retired": _redirect(302, "/page-introuvable"),
        "/page-introuvable": _always(Reply(body=html("Agence", "<p>Oops.</p>"))),
        "/slow": _always(Reply(body=PAGE, delay=3.0)),
        "/crash": _always(Reply(500, html("Internal error"))),
        "/unavailable": _always(Reply(503, html("Service unavailable"))),
        "/reset": _always(Reply(reset=True)),
        "/bad-port": _redirect(302, "http://127.0.0.1:99999/moved"),
        "/chain.p7b": _always(Reply(body=chain_p7b, headers={"Content-Type": "application/x-pkcs7-certificates"})),
        "/rogue.p7b": _always(Reply(body=rogue_p7b, headers={"Content-Type": "application/x-pkcs7-certificates"})),
        "/garbage.p7b": _always(Reply(body=b"\x00\x01 not a chain", headers={"Content-Type": "application/octet-stream"})),
        "/p7b-now-html": _always(Reply(body=HOME)),
        "/portal": _redirect(302, "/sso/auth"),
        "/sso/auth": _redirect(302, "/sso/login"),
        "/sso/login": _always(Reply(body=html("Connexion", "<form>Connexion par carte CPS</form>"))),
    }


def write_registry(path, entries: list[dict], review_period_days: int = 180):
    """A registry in the data/links.yml schema; entries need id, url and expect (others defaulted)."""
    today = dt.date.today().isoformat()
    links = [
        {"kind": "guide", "label": {"en": entry["id"]}, "reviewed": today, **entry}
        for entry in entries
    ]
    path.write_text(yaml.safe_dump({"review_period_days": review_period_days, "links": links}, allow_unicode=True))
    return path
