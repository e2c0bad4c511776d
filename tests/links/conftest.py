"""The fake web every link-check test talks to, and a helper that writes a registry pointing at it."""

import datetime as dt

import pytest
import yaml
from fake_web import FakeWeb, Reply, SelfSigned, html, pdf

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
        "/chain.p7b": _always(Reply(body=chain_p7b, headers={"Content-Type": "application/x-pkcs7-certificates"})),
        "/rogue.p7b": _always(Reply(body=rogue_p7b, headers={"Content-Type": "application/x-pkcs7-certificates"})),
        "/garbage.p7b": _always(Reply(body=b"\x00\x01 not a chain", headers={"Content-Type": "application/octet-stream"})),
        "/p7b-now-html": _always(Reply(body=HOME)),
        "/portal": _redirect(302, "/sso/auth"),
        "/sso/auth": _redirect(302, "/sso/login"),
        "/sso/login": _always(Reply(body=html("Connexion", "<form>Connexion par carte CPS</form>"))),
    }


@pytest.fixture(scope="module")
def fake_web(shared_data, tmp_path_factory):
    chain = (shared_data / "prod-ca" / "Chaine_de_certification-IGC-Sante.p7b").read_bytes()
    web = FakeWeb(routes(chain, SelfSigned.make("ROGUE CA").p7b()))
    yield web
    web.close()


@pytest.fixture(scope="module")
def self_signed_tls(tmp_path_factory):
    """A server-side TLS context with a certificate no client trusts."""
    return SelfSigned.make("fake web").server_context(tmp_path_factory.mktemp("tls"))


def write_registry(path, entries: list[dict], review_period_days: int = 180):
    """A registry in the data/links.yml schema; entries need id, url and expect (others defaulted)."""
    today = dt.date.today().isoformat()
    links = [
        {"kind": "guide", "label": {"en": entry["id"]}, "reviewed": today, **entry}
        for entry in entries
    ]
    path.write_text(yaml.safe_dump({"review_period_days": review_period_days, "links": links}, allow_unicode=True))
    return path
