"""The fake web every link-check test talks to (its script is fake_web.routes)."""

import pytest
from fake_web import FakeWeb, SelfSigned, routes


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
